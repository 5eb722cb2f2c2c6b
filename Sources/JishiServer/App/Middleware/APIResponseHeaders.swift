import Vapor

/// Every API answer says `nosniff`; one to a request that carried credentials also says
/// `no-store`, so that no cache keeps names, phones and addresses. Outside `ProblemMiddleware`,
/// so problem answers get them too.
struct APIResponseHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard request.url.path.hasPrefix("/api/") else { return response }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if request.headers.contains(name: .authorization) || request.headers.contains(name: .cookie) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
