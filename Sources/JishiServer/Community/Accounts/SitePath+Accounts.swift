import Foundation

extension SitePath {
    static let register = SitePath("/register", page: true)
    static let logIn = SitePath("/login", page: true)
    static let logOut = SitePath("/logout", page: false)
    static let language = SitePath("/language", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let accountsPaths: [SitePath] = [.register, .logIn, .logOut, .language]
}
