import Community
import Foundation
import JishiKit
import Logistics
import Vapor

/// What a browser's cookies say about it: who is signed in, its CSRF token and its language;
/// and the cookies the response has to set so that they keep saying it.
///
/// - `jishi_session`: a bearer token from `TokenService` (stored only as its SHA-256), HttpOnly,
///   SameSite=Lax, Secure when the configuration says so, living as long as the token.
/// - `csrf`: the random key the CSRF token of a browser without a session is bound to (see
///   `CSRFToken`).
/// - `jishi_device`: a device that has signed in before (see `LoginThrottle`).
/// - `lang`: the language this browser reads, so that it sticks without an account. Once set
///   (by the switch, or at the first sign-in on this browser from the account's preference) it
///   wins over the account's preference: a villager who chose Chinese on a shared phone keeps
///   Chinese whoever signs in, until someone switches.
///
/// Behind HTTPS (`JISHI_SECURE_COOKIES`) the first three are `Secure` and named with the
/// `__Host-` prefix, which browsers accept only from this host over HTTPS, with `Path=/` and no
/// `Domain`: a sibling subdomain or a plain-HTTP page cannot plant them.
struct WebSession: Sendable {
    static let sessionCookieBase = "jishi_session"
    static let csrfCookieBase = "csrf"
    static let deviceCookieBase = "jishi_device"
    static let languageCookie = "lang"
    /// A year: a language choice and a known device outlive sessions.
    static let deviceLifetime = 365 * 24 * 3600

    /// A security cookie's name: `__Host-` prefixed when cookies are `Secure`.
    static func cookieName(_ base: String, secure: Bool) -> String { secure ? "__Host-" + base : base }
    /// A year: a language choice outlives sessions.
    static let languageLifetime = 365 * 24 * 3600

    /// The signed-in account, as pages show it.
    struct Viewer: Hashable, Sendable {
        var accountID: UUID
        var username: String
        var displayName: String
        /// Whether the account may open shops and sell (the layout links to its shops).
        var canSell = false
        /// Whether the account is an official or an admin (the layout links to the staff pages).
        var canManage = false
        /// Whether the account drives runs (the layout links to them).
        var drives = false
        /// Whether the account books collections of parcels (the layout links to them).
        var books = false
        /// Whether the account works a station's counter (the layout links to its stations).
        var keepsCounter = false
    }

    var viewer: Viewer?
    /// The signed-in account's roles, as every service asks for them.
    var principal: Principal?
    var sessionToken: String?
    /// The token every form of this session carries.
    private(set) var csrf: CSRFToken
    /// The random key `csrf` is bound to while nobody is signed in.
    private var csrfKey: CSRFToken
    var language: JishiKit.Language
    /// Whether this browser has a language of its own (the `lang` cookie); when it has not, a
    /// signed-in account's preference is the default.
    private var languageChosen: Bool
    /// Cookies to set (or clear, with an empty expired value) on the response, by name.
    private(set) var outgoing: [String: HTTPCookies.Value] = [:]
    private let secure: Bool
    private let sessionLifetime: Int

    /// The session as far as cookies and headers tell, without touching the database: what the
    /// error page uses, since it must render even when the database is down.
    static func fromCookies(_ request: Request) -> WebSession {
        let services = request.jishi
        let cookieLanguage = request.cookies[languageCookie].flatMap { JishiKit.Language(rawValue: $0.string) }
        let language =
            cookieLanguage ?? JishiKit.Language.preferred(acceptLanguage: request.headers.first(name: .acceptLanguage))
            ?? .default
        let secure = services.config.http.secureCookies
        let existing = CSRFToken(cookie: request.cookies[cookieName(csrfCookieBase, secure: secure)]?.string)
        let key = existing ?? .generate(services.dependencies)
        var session = WebSession(
            viewer: nil, sessionToken: nil, csrf: .bound(to: key.value), csrfKey: key, language: language,
            languageChosen: cookieLanguage != nil, secure: secure,
            sessionLifetime: Int(min(services.config.auth.tokenLifetime, Double(Int32.max))))
        if existing == nil { session.setCSRFCookie() }
        // Unchecked here (no database): `load` checks it and falls back to the key if it is dead.
        if let token = request.cookies[session.sessionCookie]?.string, !token.isEmpty {
            session.csrf = .bound(to: token)
        }
        return session
    }

    var sessionCookie: String { Self.cookieName(Self.sessionCookieBase, secure: secure) }
    var csrfCookie: String { Self.cookieName(Self.csrfCookieBase, secure: secure) }
    var deviceCookie: String { Self.cookieName(Self.deviceCookieBase, secure: secure) }

    /// The device token the browser holds, if any.
    static func deviceToken(_ request: Request) -> String? {
        request.cookies[cookieName(deviceCookieBase, secure: request.jishi.config.http.secureCookies)]?.string
    }

    /// The full session: the session cookie is checked against the token store; a signed-in
    /// account's preferred language applies where the browser has chosen none.
    static func load(_ request: Request) async throws -> WebSession {
        var session = fromCookies(request)
        guard let token = request.cookies[session.sessionCookie]?.string, !token.isEmpty else { return session }
        do {
            // The token and the account's grants in one query, as the API reads them.
            let principal = try await request.jishi.tokens.principal(forToken: token, on: request.db)
            guard let account = try await Account.find(principal.accountID, on: request.db) else {
                session.clearSessionCookie()
                return session
            }
            session.resume(account, token: token)
            session.principal = principal
            session.viewer?.canSell = Authorization.may(principal, .sell, .marketplace)
            session.viewer?.canManage =
                principal.has(.official) || principal.has(.admin) || principal.has(.dispatcher)
            session.viewer?.drives = principal.has(.courier)
            session.viewer?.books = BookingService.mayBook(principal)
            session.viewer?.keepsCounter = principal.has(.agent)
        } catch is Problem {
            // Expired, revoked or unknown: the browser is simply signed out.
            session.clearSessionCookie()
        }
        return session
    }

    /// Starts a session for `account`: the session cookie, a CSRF token bound to it (a token
    /// seen before signing in is never trusted after), a fresh key for after signing out, and the
    /// language in the cookie: the visitor's choice, or the account's preference on a browser
    /// that has made none.
    mutating func signIn(_ account: Account, token: String, dependencies: Dependencies) {
        resume(account, token: token)
        outgoing[sessionCookie] = cookie(token, maxAge: sessionLifetime)
        csrfKey = .generate(dependencies)
        setCSRFCookie()
        setLanguageCookie()
    }

    /// Remembers this browser as a device that has signed in (see `LoginThrottle`).
    mutating func rememberDevice(_ token: String) {
        outgoing[deviceCookie] = cookie(token, maxAge: Self.deviceLifetime)
    }

    /// Continues the session the cookie names. On a browser that has chosen no language the
    /// account's preference applies, and the `lang` cookie takes it so that pages drawn without
    /// the database agree and later sign-ins keep it.
    private mutating func resume(_ account: Account, token: String) {
        viewer = Viewer(accountID: account.id ?? UUID(), username: account.username, displayName: account.displayName)
        sessionToken = token
        csrf = .bound(to: token)
        if !languageChosen {
            language = account.language
            languageChosen = true
            setLanguageCookie()
        }
    }

    /// Ends the session in the browser (the caller revokes the token) and rotates the CSRF token.
    mutating func signOut(rotating dependencies: Dependencies) {
        viewer = nil
        principal = nil
        sessionToken = nil
        clearSessionCookie()
        csrfKey = .generate(dependencies)
        csrf = .bound(to: csrfKey.value)
        setCSRFCookie()
    }

    /// The signed-in account's roles; a `401` (“please log in first”) when nobody is signed in.
    func requirePrincipal() throws -> Principal {
        guard viewer != nil, let principal else { throw Problem(type: .unauthenticated) }
        return principal
    }

    mutating func choose(_ language: JishiKit.Language) {
        self.language = language
        languageChosen = true
        setLanguageCookie()
    }

    /// Puts the outgoing cookies on `response`.
    func apply(to response: Response) {
        for (name, value) in outgoing { response.cookies[name] = value }
    }

    private mutating func setCSRFCookie() {
        outgoing[csrfCookie] = cookie(csrfKey.value, maxAge: sessionLifetime)
    }

    private mutating func setLanguageCookie() {
        outgoing[Self.languageCookie] = cookie(language.rawValue, maxAge: Self.languageLifetime)
    }

    private mutating func clearSessionCookie() {
        var expired = cookie("", maxAge: 0)
        expired.expires = Date(timeIntervalSince1970: 0)
        outgoing[sessionCookie] = expired
        sessionToken = nil
        csrf = .bound(to: csrfKey.value)
    }

    private func cookie(_ value: String, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}
