import Vapor

/// Leaves small answers uncompressed: below about a kilobyte gzip's header and dictionary cost
/// more than they save, and compressing costs the server CPU. Larger pages, stylesheets and
/// JSON are compressed by the server (`configure` turns it on for compressible types) when the
/// client accepts gzip or deflate.
struct CompressionThreshold: AsyncMiddleware {
    static let minimumBytes = 1_024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        // A streamed body's count is -1: it is left to the server's default.
        if (0..<Self.minimumBytes).contains(response.body.count) {
            response.headers.responseCompression = .disable
        }
        return response
    }
}
