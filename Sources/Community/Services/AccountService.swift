import FluentKit
import Foundation
import JishiKit

/// Registers accounts, checks passwords and manages role grants.
public struct AccountService: Sendable {
    public let hasher: any PasswordHashing
    public let dependencies: Dependencies
    /// Where the stations are, to check a grant of a station scope; without it no station
    /// exists and such a grant is refused.
    public var stations: (any StationLookup)?

    public init(hasher: any PasswordHashing, dependencies: Dependencies = .live) {
        self.hasher = hasher
        self.dependencies = dependencies
    }

    /// What someone fills in to register.
    public struct Registration: Sendable {
        public var username: String
        public var password: String
        public var displayName: String
        public var role: Role
        public var language: Language

        public init(username: String, password: String, displayName: String, role: Role, language: Language) {
            self.username = username
            self.password = password
            self.displayName = displayName
            self.role = role
            self.language = language
        }
    }

    public static let usernameLength = 3...32
    public static let passwordLength = 8...128
    public static let displayNameLength = 1...64

    /// Checks a registration and names the first offending field.
    public static func validate(_ registration: Registration) throws {
        let username = registration.username
        guard usernameLength.contains(username.count) else {
            throw Problem.validation(
                "username", "Use \(usernameLength.lowerBound) to \(usernameLength.upperBound) characters.")
        }
        guard username.unicodeScalars.allSatisfy(isUsernameScalar) else {
            throw Problem.validation("username", "Use only letters a–z, digits, '.', '_' and '-'.")
        }
        try validatePassword(registration.password)
        try validateProfile(displayName: registration.displayName, role: registration.role)
    }

    /// A display name in any script (Chinese names included) and a role people may choose.
    public static func validateProfile(displayName: String, role: Role) throws {
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        try TextRule.check(name, field: "displayName")
        guard displayNameLength.contains(name.count) else {
            throw Problem.validation(
                "displayName",
                "Use \(displayNameLength.lowerBound) to \(displayNameLength.upperBound) characters, no control characters."
            )
        }
        guard Role.selfService.contains(role) else {
            throw Problem.validation(
                "role", "Only buyer and seller can be chosen; other roles are granted by an admin.")
        }
    }

    /// Bcrypt reads at most 72 bytes and stops at a NUL, so longer passwords or control
    /// characters would silently weaken it: refuse them.
    public static let passwordMaximumBytes = 72

    static func validatePassword(_ password: String) throws {
        guard password.count >= passwordLength.lowerBound, password.utf8.count <= passwordMaximumBytes,
            TextRule.forbiddenScalar(in: password) == nil
        else {
            throw Problem.validation(
                "password",
                "Use at least \(passwordLength.lowerBound) characters and at most \(passwordMaximumBytes) bytes, no control characters."
            )
        }
    }

    static func isPlausibleUsername(_ username: String) -> Bool {
        usernameLength.contains(username.count) && username.unicodeScalars.allSatisfy(isUsernameScalar)
    }

    private static func isUsernameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }

    /// Creates the account and its first role in one transaction.
    public func register(_ registration: Registration, on database: any Database) async throws -> Account {
        try Self.validate(registration)
        let username = registration.username.lowercased()
        if try await Account.query(on: database).filter(\.$username == username).count() > 0 {
            throw Problem(type: .usernameTaken, detail: "Choose another username.", field: "username")
        }
        let hash = try await hasher.hash(registration.password)
        let account = Account(
            id: dependencies.uuid(), username: username, passwordHash: hash,
            displayName: registration.displayName.trimmingCharacters(in: .whitespacesAndNewlines),
            preferredLanguage: registration.language)
        do {
            try await database.transaction { transaction in
                try await account.create(on: transaction)
                try await RoleGrantRecord(
                    id: dependencies.uuid(), accountID: account.requireID(),
                    grant: RoleGrant(role: registration.role)
                ).create(on: transaction)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two registrations raced for the same name; the unique index decided.
            throw Problem(type: .usernameTaken, detail: "Choose another username.", field: "username")
        }
        return account
    }

    /// The account whose username and password match; a `401` problem otherwise. Unknown
    /// usernames cost one hash at the real cost, as wrong passwords do, so timing tells nothing.
    public func authenticate(username: String, password: String, on database: any Database) async throws -> Account {
        let plausible =
            Self.isPlausibleUsername(username) && password.utf8.count <= Self.passwordMaximumBytes
            && TextRule.forbiddenScalar(in: password) == nil
        let account =
            plausible ? try await Account.query(on: database).filter(\.$username == username.lowercased()).first() : nil
        guard let account, account.passwordHash != Self.unusablePasswordHash else {
            _ = try? await hasher.hash(password.isEmpty ? "-" : String(password.prefix(Self.passwordMaximumBytes)))
            throw Problem(type: .invalidCredentials)
        }
        guard (try? await hasher.verify(password, created: account.passwordHash)) == true else {
            throw Problem(type: .invalidCredentials)
        }
        return account
    }

    public func principal(for accountID: UUID, on database: any Database) async throws -> Principal {
        // In the order given, so every read lists an account's grants alike.
        let records = try await RoleGrantRecord.query(on: database).filter(\.$account.$id == accountID)
            .sort(\.$grantedAt).sort(\.$id).all()
        return Principal(accountID: accountID, grants: records.compactMap(\.grant))
    }

    /// Gives `grant` to an account, if `actor` may; granting an existing grant changes nothing.
    public func grant(_ grant: RoleGrant, to accountID: UUID, by actor: Principal, on database: any Database)
        async throws
    {
        try Authorization.require(actor, .grantRoles, .account(accountID))
        guard try await Account.find(accountID, on: database) != nil else {
            throw Problem.notFound("The account", field: "id")
        }
        // The scope must name a place that exists.
        switch grant.scope {
        case .county(let id) where try await County.find(id, on: database) == nil:
            throw Problem.notFound("The county", field: "scope.id")
        case .town(let id) where try await Town.find(id, on: database) == nil:
            throw Problem.notFound("The town", field: "scope.id")
        case .station(let id) where try await stations?.place(ofStation: id, on: database) == nil:
            throw Problem.notFound("The station", field: "scope.id")
        default:
            break
        }
        let existing = try await principal(for: accountID, on: database)
        guard !existing.grants.contains(grant) else { return }
        try await RoleGrantRecord(id: dependencies.uuid(), accountID: accountID, grant: grant).create(on: database)
    }

    public func updateLanguage(_ language: Language, of accountID: UUID, on database: any Database) async throws {
        try await Account.query(on: database).filter(\.$id == accountID)
            .set(\.$preferredLanguage, to: language.rawValue).update()
    }
}
