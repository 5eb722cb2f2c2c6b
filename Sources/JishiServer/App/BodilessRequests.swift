import HTTPTypes
import OpenAPIRuntime
import OpenAPIVapor
import Vapor

/// The API's transport: Vapor's, except that a request without a body (no `Content-Length`
/// and no `Transfer-Encoding`, or a length of 0) reaches the generated code with no body at
/// all rather than an empty one. The generated code then treats an optional body (`POST
/// …/ship`, `…/cancel`) as absent instead of failing to read zero bytes as JSON; a required
/// body is still refused as missing.
struct BodilessRequests: ServerTransport {
    let transport: VaporTransport

    func register(
        _ handler:
            @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
                HTTPResponse, HTTPBody?
            ),
        method: HTTPRequest.Method, path: String
    ) throws {
        try transport.register(
            { request, body, metadata in
                try await handler(request, Self.hasBody(request) ? body : nil, metadata)
            }, method: method, path: path)
    }

    static func hasBody(_ request: HTTPRequest) -> Bool {
        if request.headerFields[.transferEncoding] != nil { return true }
        guard let length = request.headerFields[.contentLength] else { return false }
        return length.trimmingCharacters(in: .whitespaces) != "0"
    }
}
