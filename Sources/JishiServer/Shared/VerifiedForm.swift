import JishiKit
import Vapor

/// Reading a form only once its CSRF token checks out.
enum VerifiedForm {
    private struct TokenOnly: Content {
        var csrf: String?
    }

    /// Decodes `T` from a form POST whose `csrf` field is the session's token; anything else,
    /// including a request another site triggered, is a `403` that changes nothing.
    static func decode<T: Content>(_ type: T.Type, from request: Request, session: WebSession) throws -> T {
        // Browsers say where a request comes from; a cross-site form post is refused outright.
        if request.headers.first(name: "Sec-Fetch-Site")?.lowercased() == "cross-site" || isCrossOrigin(request) {
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

    /// Whether the post's `Origin` (or, without one, its `Referer`) is another site than the
    /// one it was sent to. Browsers send `Origin` on every form post; a request with neither is
    /// not a browser's cross-site post, and its token is still checked.
    static func isCrossOrigin(_ request: Request) -> Bool {
        guard let claimed = request.headers.first(name: .origin) ?? request.headers.first(name: .referer) else {
            return false
        }
        guard let url = URLComponents(string: claimed), let scheme = url.scheme, let host = url.host, !host.isEmpty
        else { return true }  // "null" (a sandboxed or privacy-redirected page) and anything unreadable
        let origin = hostAndPort(host, url.port, scheme: scheme)
        // A proxy in front may say which host the browser asked for; a browser cannot set it.
        let served = [request.headers.first(name: .host), request.headers.first(name: "X-Forwarded-Host")]
            .compactMap { $0 }.map { hostAndPort(fromHeader: $0, scheme: scheme) }
        return !served.contains(origin)
    }

    private static func hostAndPort(_ host: String, _ port: Int?, scheme: String) -> String {
        let standard = scheme.lowercased() == "https" ? 443 : 80
        let host = host.lowercased()
        guard let port, port != standard else { return host }
        return "\(host):\(port)"
    }

    private static func hostAndPort(fromHeader header: String, scheme: String) -> String {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard let url = URLComponents(string: "\(scheme)://\(trimmed)"), let host = url.host else {
            return trimmed.lowercased()
        }
        return hostAndPort(host, url.port, scheme: scheme)
    }
}
