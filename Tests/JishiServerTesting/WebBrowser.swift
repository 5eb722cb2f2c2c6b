import Foundation
import Testing
import Vapor
import VaporTesting

/// A browser for in-memory page tests: it keeps cookies between requests, asks for HTML, posts
/// URL-encoded forms and reads the CSRF field of the last page, as a real browser would.
public struct WebBrowser {
    public let app: Application
    /// Cookies by name, as the server last set them.
    public var cookies: [String: String] = [:]
    /// The raw `Set-Cookie` headers of the last response.
    public private(set) var lastSetCookies: [String] = []
    public var acceptLanguage: String?
    /// The CSRF token of the last page that had a form.
    public private(set) var csrfToken: String?

    public init(_ app: Application, acceptLanguage: String? = nil) {
        self.app = app
        self.acceptLanguage = acceptLanguage
    }

    @discardableResult
    public mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil, extraHeaders: [])
    }

    /// Posts `fields` URL-encoded; the page's CSRF token is added unless `csrf` says otherwise
    /// (`.omit` to leave it out, `.value` to send a particular one).
    @discardableResult
    public mutating func post(
        _ path: String, _ fields: [(String, String)], csrf: CSRFChoice = .fromLastPage,
        headers: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        var all = fields
        switch csrf {
        case .fromLastPage: if let csrfToken { all.append(("csrf", csrfToken)) }
        case .omit: break
        case .value(let value): all.append(("csrf", value))
        }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            .POST, path, body: body, extraHeaders: [("Content-Type", "application/x-www-form-urlencoded")] + headers)
    }

    public enum CSRFChoice: Sendable {
        case fromLastPage, omit
        case value(String)
    }

    private mutating func send(_ method: HTTPMethod, _ path: String, body: String?, extraHeaders: [(String, String)])
        async throws -> TestingHTTPResponse
    {
        var headers = HTTPHeaders(extraHeaders)
        headers.replaceOrAdd(name: .accept, value: "text/html,application/xhtml+xml")
        if let acceptLanguage { headers.replaceOrAdd(name: .acceptLanguage, value: acceptLanguage) }
        if !cookies.isEmpty {
            headers.replaceOrAdd(
                name: .cookie,
                value: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    .joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        lastSetCookies = response.headers[.setCookie]
        for header in lastSetCookies { store(header) }
        if let token = Self.csrfField(in: response.body.string) { csrfToken = token }
        return response
    }

    private mutating func store(_ header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        let expired = parts.dropFirst().contains { $0.lowercased() == "max-age=0" }
        if expired || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
    }

    /// The `Set-Cookie` header of the last response for `name`, if any.
    public func setCookie(named name: String) -> String? {
        lastSetCookies.first { $0.hasPrefix(name + "=") }
    }

    /// The value of the hidden `csrf` field in `html`.
    public static func csrfField(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
