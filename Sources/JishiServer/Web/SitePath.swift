import Vapor

/// Every web page's path, declared once: routes are registered from it and links are made
/// from it, so a path never appears as a string anywhere else.
enum SitePath: String, CaseIterable, Sendable {
    case home = "/"
    case register = "/register"
    case logIn = "/login"
    case logOut = "/logout"
    case language = "/language"

    /// The path as a link target.
    var path: String { rawValue }

    /// The path as Vapor route components.
    var components: [PathComponent] {
        rawValue.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// Pages a browser may be sent back to after a form (never an action, never elsewhere).
    var isPage: Bool {
        switch self {
        case .home, .register, .logIn: true
        case .logOut, .language: false
        }
    }

    /// The page at `path`, when `path` is exactly one of ours and a page. Used to check a
    /// `next` field before redirecting to it, so a form can never send anyone off-site.
    static func page(at path: String?) -> SitePath? {
        guard let path, let site = SitePath(rawValue: path), site.isPage else { return nil }
        return site
    }
}
