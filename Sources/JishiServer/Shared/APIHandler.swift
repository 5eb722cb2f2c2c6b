import Community
import Foundation
import JishiAPI
import JishiKit
import OpenAPIRuntime
import Vapor

/// Implements the generated `APIProtocol`. Each operation is a thin shell: take the request,
/// authorise, call a domain service, map the answer. Errors are thrown as `Problem`s and
/// turned into problem+json by `ProblemMiddleware`.
struct APIHandler: APIProtocol {
    /// Parses an id field, naming the field when it is not a UUID.
    static func uuid(_ text: String, field: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw Problem.validation(field, "'\(text)' is not a valid id (UUID).")
        }
        return id
    }

    /// An uploaded photo's bytes, refused with `413` as soon as they pass `limit`.
    static func collect(_ body: HTTPBody, limit: Int) async throws -> Data {
        try await collect(
            body, limit: limit,
            tooLarge: Problem(
                type: .payloadTooLarge, detail: "A photo may be at most \(limit / 1024) KiB.", field: "photo"))
    }

    /// An uploaded body's bytes, refused with `tooLarge` as soon as they pass `limit`.
    static func collect(_ body: HTTPBody, limit: Int, tooLarge: @autoclosure () -> Problem) async throws -> Data {
        var bytes = Data()
        for try await chunk in body {
            guard bytes.count + chunk.count <= limit else { throw tooLarge() }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}
