import Community
import JishiKit
import Marketplace
import Vapor

/// The Vapor request behind the OpenAPI handler now running. The generated handlers see only
/// typed input; this task-local gives them the caller's address, headers and logger.
enum RequestContext {
    @TaskLocal static var current: Request?

    static func request() throws -> Request {
        guard let request = current else { throw Problem(type: .internalError, detail: "No request context.") }
        return request
    }
}

/// Sets `RequestContext.current` around the API routes, and refuses bodies over the limit
/// before anyone parses them: by `Content-Length` at once, and for chunked bodies by
/// collecting at most the limit (API bodies are small JSON documents; photos have a limit of
/// their own, and a form the parts of which the contract bounds, a catalogue's CSV with a ZIP of
/// its photos, may have those bounds besides).
struct RequestContextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let config = request.jishi.config
        // Parsed once: every API request passes here.
        let contentType = request.headers.contentType
        let isPhoto = contentType.map { PhotoFormat(contentType: $0.serialize()) != nil } ?? false
        var limit = isPhoto ? max(config.media.maxPhotoBytes, config.http.maxBodyBytes) : config.http.maxBodyBytes
        if contentType?.type == "multipart",
            let parts = ContractRules.shared.operation(method: request.method.rawValue, path: request.url.path)?
                .partLimits, !parts.isEmpty
        {
            // The API's limit for the parts the contract leaves unbounded, the bounded parts'
            // own, and the form's framing; the handler bounds each part.
            limit = config.http.maxBodyBytes + parts.values.reduce(0, +) + 64 * 1024
        }
        let tooLarge = Problem(type: .payloadTooLarge, detail: "At most \(limit) bytes.")
        var chunked = false
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init) {
            guard length <= limit else { throw tooLarge }
        } else {
            chunked = request.headers.contains(name: .transferEncoding)
        }
        // A chunked body is held whole until the answer: past the API's limit, only while
        // `BodyMemory` has room for its limit, and once read, for its length.
        let held = chunked && limit > config.http.maxBodyBytes ? limit : 0
        return try await request.jishi.bodyMemory.holding(held, from: request.clientAddress) { lease in
            if chunked {
                do {
                    let body = try await request.body.collect(max: limit).get()
                    // Read whole: for the rest of the request it holds what it is, not its limit.
                    lease?.keep(body?.readableBytes ?? 0)
                } catch let abort as any AbortError where abort.status == .payloadTooLarge {
                    throw tooLarge
                }
            }
            return try await RequestContext.$current.withValue(request) {
                try await next.respond(to: request)
            }
        }
    }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    /// The bearer token of the `Authorization` header, if any.
    var bearerToken: String? {
        guard let value = headers.first(name: .authorization) else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The account behind the bearer token; a `401` problem when there is none or it is dead.
    func requirePrincipal() async throws -> Principal {
        if let principal = storage[PrincipalKey.self] { return principal }
        guard let token = bearerToken else {
            throw Problem(type: .unauthenticated, detail: "Send Authorization: Bearer <token>.")
        }
        let principal = try await jishi.tokens.principal(forToken: token, on: db)
        storage[PrincipalKey.self] = principal
        return principal
    }

    /// The caller's address for rate limits: the socket peer, or, behind a proxy trusted
    /// explicitly (`JISHI_TRUST_PROXY`), the address it says it saw.
    var clientAddress: String {
        if jishi.config.http.trustProxy, let forwarded = Self.forwardedAddress(headers["X-Forwarded-For"]) {
            return forwarded
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    /// The address the proxy in front saw: the last entry of the last `X-Forwarded-For` (the
    /// proxy adds it; whatever comes before is the client's to write), when it is an address.
    static func forwardedAddress(_ values: [String]) -> String? {
        guard let last = values.last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces) else {
            return nil
        }
        let octets = last.split(separator: ".", omittingEmptySubsequences: false)
        let isIPv4 = octets.count == 4 && octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
        let isIPv6 =
            last.contains(":") && last.count <= 45
            && last.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        return isIPv4 || isIPv6 ? last : nil
    }
}
