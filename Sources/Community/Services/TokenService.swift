import Crypto
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Issues, checks and revokes bearer tokens. Tokens expire; a revoked token never works again.
public struct TokenService: Sendable {
    public let lifetime: TimeInterval
    public let dependencies: Dependencies
    /// Prepared statements, where the store has them: every request reads its principal.
    public var prepared: (any PreparedStatementRunner)?

    public init(
        lifetime: TimeInterval, dependencies: Dependencies = .live, prepared: (any PreparedStatementRunner)? = nil
    ) {
        self.lifetime = lifetime
        self.dependencies = dependencies
        self.prepared = prepared
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

    /// The principal behind a live `token`, read in one statement: the token joined with its
    /// account's role grants (what `validate` and `AccountService.principal(for:)` read in
    /// two). A `401` problem when the token is unknown, expired or revoked.
    public func principal(forToken token: String, on database: any Database) async throws -> Principal {
        let digest = Self.digest(token)
        let rows: [any SQLRow]
        if let prepared {
            rows = try await prepared.rows(PrincipalStatement.self, [.text(digest)], on: database)
        } else {
            rows = try await database.sql().raw("\(unsafeRaw: PrincipalStatement.select) \(bind: digest)").all()
        }
        guard let first = rows.first else { throw Problem(type: .unauthenticated, detail: "The token is not known.") }
        let accountID = try first.decode(column: "account_id", as: UUID.self)
        guard try first.decodeNil(column: "revoked_at"),
            try first.decode(column: "expires_at", as: Date.self) > dependencies.now()
        else { throw Problem(type: .tokenExpired) }
        var grants: [RoleGrant] = []
        // The token hash is unique: every row is this one token's account, a row per grant.
        for row in rows {
            guard let role = try row.decode(column: "role", as: Role?.self),
                let kind = try row.decode(column: "scope_kind", as: Scope.Kind?.self),
                let scope = Scope(kind: kind, id: try row.decode(column: "scope_id", as: UUID?.self))
            else { continue }
            grants.append(RoleGrant(role: role, scope: scope))
        }
        return Principal(accountID: accountID, grants: grants)
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
        SHA256.hash(data: Data(token.utf8)).hexadecimal
    }
}

/// A token's account and role grants (a row per grant), by the token's hash.
enum PrincipalStatement: PreparedStatement {
    static let select = """
        SELECT t."account_id", t."expires_at", t."revoked_at", g."role", g."scope_kind", g."scope_id" \
        FROM "access_tokens" t LEFT JOIN "role_grants" g ON g."account_id" = t."account_id" \
        WHERE t."token_hash" =
        """
    static let sql = select + " $1"
}
