import FluentKit
import Foundation
import JishiKit

/// Signing up and in with a mobile number and a code sent to it: how villagers, who have phones
/// but often no email and little English, get an account. Staff accounts and the API keep
/// usernames and passwords.
public struct PhoneSignIn: Sendable {
    public let accounts: AccountService
    public let codes: PhoneCodes

    public init(accounts: AccountService, codes: PhoneCodes) {
        self.accounts = accounts
        self.codes = codes
    }

    /// What a new number's owner tells us about themselves.
    public struct Profile: Sendable, Hashable {
        public var displayName: String
        public var role: Role
        public var language: Language

        public init(displayName: String, role: Role, language: Language) {
            self.displayName = displayName
            self.role = role
            self.language = language
        }
    }

    /// The account that signs in with `phone`, if there is one.
    public func account(for phone: PhoneNumber, on database: any Database) async throws -> Account? {
        try await Account.query(on: database).filter(\.$phone == phone.digits).first()
    }

    /// Redeems `code` and returns the number's account, creating it from `profile` when the number
    /// is new. A new number without a valid profile is refused before the code is spent, so a
    /// mistake in the name costs no code; a wrong code throws `PhoneCodes.Refusal`.
    public func signIn(phone: PhoneNumber, code: String, profile: Profile?, on database: any Database)
        async throws -> Account
    {
        let existing = try await account(for: phone, on: database)
        if existing == nil {
            guard let profile else {
                throw Problem.validation("displayName", "A new number needs a name to show.")
            }
            try AccountService.validateProfile(displayName: profile.displayName, role: profile.role)
        }
        try await codes.redeem(code, for: phone, on: database)
        if let existing { return existing }
        guard let profile else { throw Problem.validation("displayName", "A new number needs a name to show.") }
        do {
            return try await accounts.register(phone: phone, profile: profile, on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same number signed up twice at once; the unique index kept one account.
            guard let account = try await account(for: phone, on: database) else {
                throw Problem(type: .conflict, detail: "The account could not be created; try again.")
            }
            return account
        }
    }
}

extension AccountService {
    /// Creates an account that signs in with `phone` and has no usable password (a username is
    /// generated, random, so that it says nothing about the number).
    func register(phone: PhoneNumber, profile: PhoneSignIn.Profile, on database: any Database) async throws
        -> Account
    {
        try Self.validateProfile(displayName: profile.displayName, role: profile.role)
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        let suffix = String(dependencies.randomBytes(12).map { alphabet[Int($0) % alphabet.count] })
        let account = Account(
            id: dependencies.uuid(), username: "m-" + suffix, passwordHash: Self.unusablePasswordHash,
            displayName: profile.displayName.trimmingCharacters(in: .whitespacesAndNewlines),
            preferredLanguage: profile.language, phone: phone)
        try await database.transaction { transaction in
            try await account.create(on: transaction)
            try await RoleGrantRecord(
                id: dependencies.uuid(), accountID: account.requireID(), grant: RoleGrant(role: profile.role)
            ).create(on: transaction)
        }
        return account
    }

    /// The password hash of accounts that sign in with a code: no password matches it.
    public static let unusablePasswordHash = "!"
}
