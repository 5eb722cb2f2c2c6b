import Crypto
import FluentKit
import Foundation
import JishiKit

/// Issues, checks and revokes bearer tokens. Tokens expire; a revoked token never works again.
public struct TokenService: Sendable {
    public let lifetime: TimeInterval
    public let dependencies: Dependencies

    public init(lifetime: TimeInterval, dependencies: Dependencies = .live) {
        self.lifetime = lifetime
        self.dependencies = dependencies
    }

    public struct Issued: Sendable {
        public var token: String
        public var expiresAt: Date
    }

    public func issue(for accountID: UUID, on database: any Database) async throws -> Issued {
        let token = dependencies.randomBytes(32).base64URLEncoded
        let expiresAt = dependencies.now().addingTimeInterval(lifetime)
        try await AccessToken(
            id: dependencies.uuid(), accountID: accountID, tokenHash: Self.digest(token), expiresAt: expiresAt
        ).create(on: database)
        return Issued(token: token, expiresAt: expiresAt)
    }

    /// The live token record for `token`; a `401` problem when unknown, expired or revoked.
    public func validate(_ token: String, on database: any Database) async throws -> AccessToken {
        guard let record = try await AccessToken.query(on: database).filter(\.$tokenHash == Self.digest(token)).first()
        else { throw Problem(type: .unauthenticated, detail: "The token is not known.") }
        guard record.revokedAt == nil, record.expiresAt > dependencies.now() else {
            throw Problem(type: .tokenExpired)
        }
        return record
    }

    /// Revokes `token`; revoking twice is harmless.
    public func revoke(_ token: String, on database: any Database) async throws {
        try await AccessToken.query(on: database)
            .filter(\.$tokenHash == Self.digest(token))
            .filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: dependencies.now())
            .update()
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
