import Community
import Foundation
import JishiAPI
import JishiKit
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
}
