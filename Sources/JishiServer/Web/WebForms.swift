import JishiKit
import Vapor

/// What the forms post. Every field is optional: a missing field is a validation message on
/// the re-rendered form, never a decoding failure.
struct RegisterForm: Content {
    var csrf: String?
    var username: String?
    var displayName: String?
    var password: String?
    var role: String?
}

struct LogInForm: Content {
    var csrf: String?
    var username: String?
    var password: String?
    /// The page to go back to once signed in (checked with `SitePath.pagePath`).
    var next: String?
}

struct LanguageForm: Content {
    var csrf: String?
    var lang: String?
    var next: String?
}

struct LogOutForm: Content {
    var csrf: String?
}

/// Reading a form only once its CSRF token checks out.
enum VerifiedForm {
    private struct TokenOnly: Content {
        var csrf: String?
    }

    /// Decodes `T` from a form POST whose `csrf` field matches the session's cookie; anything
    /// else, including a request another site triggered, is a `403` that changes nothing.
    static func decode<T: Content>(_ type: T.Type, from request: Request, session: WebSession) throws -> T {
        // Browsers say where a request comes from; a cross-site form post is refused outright.
        if request.headers.first(name: "Sec-Fetch-Site")?.lowercased() == "cross-site" {
            throw Problem(type: .csrf, detail: "Cross-site form post.")
        }
        guard let token = try? request.content.decode(TokenOnly.self).csrf, session.csrf.matches(token) else {
            throw Problem(type: .csrf)
        }
        guard let form = try? request.content.decode(T.self) else {
            throw Problem(type: .validation, detail: "The form could not be read.")
        }
        return form
    }
}
