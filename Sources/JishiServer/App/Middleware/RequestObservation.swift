import NIOConcurrencyHelpers
import Vapor

/// Gives every request an id (the caller's `X-Request-Id` when it is sane, else a new one) that
/// every log line of the request carries and the response echoes; logs one line per request;
/// counts requests and their latency for `/metrics`; and keeps the count of requests in flight
/// that stopping the server waits for.
struct RequestObservation: AsyncMiddleware {
    static let header = "X-Request-Id"
    let metrics: AppMetrics
    let inFlight: RequestsInFlight

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        inFlight.enter()
        defer { inFlight.leave() }
        // Vapor adopts an incoming X-Request-Id as is; keep it only when it is sane.
        let id: String
        if let incoming = request.headers.first(name: Self.header) {
            id = Self.isSane(incoming) ? incoming : UUID().uuidString
        } else if case .string(let value)? = request.logger[metadataKey: "request-id"] {
            id = value
        } else {
            id = UUID().uuidString
        }
        request.logger[metadataKey: "request-id"] = .string(id)
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            // ProblemMiddleware sits inside this one and answers every error; this is a backstop.
            response = await ProblemMiddleware.response(for: error, request: request)
        }
        response.headers.replaceOrAdd(name: Self.header, value: id)
        let elapsed = ContinuousClock.now - start
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.recordRequest(
            method: request.method.rawValue, route: route, status: response.status.code, nanoseconds: nanoseconds)
        request.logger.info(
            "\(request.method.rawValue) \(request.url.path.loggable) \(response.status.code) \(nanoseconds / 1_000_000)ms"
        )
        return response
    }

    private static func isSane(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
            }
    }
}

/// The requests this process is answering. Stopping waits until they are done: Vapor's server
/// shutdown gives up waiting after its timeout (10 s) and returns, and the app's shutdown then
/// closes the databases and empties the app's storage under a request still running, which
/// trapped the test process on CI when a starved request outlived it.
public final class RequestsInFlight: Sendable {
    private let count = NIOLockedValueBox(0)

    public init() {}

    func enter() { count.withLockedValue { $0 += 1 } }
    func leave() { count.withLockedValue { $0 -= 1 } }

    /// How many are in flight now.
    public var current: Int { count.withLockedValue { $0 } }

    /// Waits until none is in flight, for at most `limit`; answers whether none is.
    public func drained(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while current > 0 {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }
}
