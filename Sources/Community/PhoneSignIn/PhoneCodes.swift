import Crypto
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// One-time sign-in codes sent to mobile numbers.
///
/// - A code is 6 digits, works for `lifetime` (10 minutes) and only once; asking again
///   replaces it (only a number's newest code counts).
/// - `maximumFailures` (5) wrong codes end it: even the right one is refused after, and a new
///   code must be asked for.
/// - A number gets a new code at most once every `resendInterval` (60 s) and at most
///   `perNumberPerHour` (5) an hour; one client address gets at most `perAddressPerHour` (10)
///   codes an hour, whatever the numbers, so no one can spray texts at strangers.
///
/// The counts are rows of one table, so every server process of a cluster keeps the same ones.
public struct PhoneCodes: Sendable {
    public var lifetime: TimeInterval = 10 * 60
    public var resendInterval: TimeInterval = 60
    public var perNumberPerHour = 5
    public var perAddressPerHour = 10
    public var maximumFailures = 5
    public let sender: any MessageSender
    public let dependencies: Dependencies
    /// Where requests run: the app's runner, so that on SQLite they queue with other writes.
    public var transactions = TransactionRunner(serialized: false)

    public init(sender: any MessageSender, dependencies: Dependencies = .live) {
        self.sender = sender
        self.dependencies = dependencies
    }

    /// Why a code was not sent or not accepted.
    public enum Refusal: Error, Sendable, Hashable {
        /// This number was sent a code less than `resendInterval` ago.
        case tooSoon(seconds: Int)
        /// This number had `perNumberPerHour` codes in the last hour.
        case numberLimit(seconds: Int)
        /// This address asked for `perAddressPerHour` codes in the last hour.
        case addressLimit(seconds: Int)
        /// No code was sent to this number (or it is more than a day old).
        case noCode
        case expired
        case used
        /// The code is wrong; `remaining` more tries before it ends.
        case wrong(remaining: Int)
        /// `maximumFailures` wrong codes ended this one.
        case tooManyFailures

        /// Seconds before asking again helps, for the refusals that have a wait.
        public var wait: Int? {
            switch self {
            case .tooSoon(let seconds), .numberLimit(let seconds), .addressLimit(let seconds): seconds
            default: nil
            }
        }
    }

    /// Sends a new code to `phone`, asked for from `address`, in `language`; a `Refusal` when a
    /// limit says no (nothing is sent or stored then).
    public func send(to phone: PhoneNumber, from address: String, language: Language, on database: any Database)
        async throws
    {
        let now = dependencies.now().timeIntervalSince1970
        let place = String(address.prefix(64))
        let id = dependencies.uuid()
        let code = newCode()
        let digest = Self.digest(code, id: id)
        let message = OutgoingMessage(
            recipient: phone,
            body: Localization.string(.phoneCodeMessage, language, code, String(Int(lifetime / 60))),
            purpose: "sign-in-code")
        try await transactions.transaction(on: database) { db in
            let hourAgo = now - 3600
            try await PhoneCode.query(on: db).filter(\.$createdAt < now - 24 * 3600).delete()
            let numberCodes = try await PhoneCode.query(on: db).filter(\.$phone == phone.digits)
                .filter(\.$createdAt > hourAgo).sort(\.$createdAt).all()
            if let last = numberCodes.last, now - last.createdAt < resendInterval {
                throw Refusal.tooSoon(seconds: Self.seconds(last.createdAt + resendInterval - now))
            }
            if numberCodes.count >= perNumberPerHour, let first = numberCodes.first {
                throw Refusal.numberLimit(seconds: Self.seconds(first.createdAt + 3600 - now))
            }
            let addressCodes = try await PhoneCode.query(on: db).filter(\.$address == place)
                .filter(\.$createdAt > hourAgo).sort(\.$createdAt).all()
            if addressCodes.count >= perAddressPerHour, let first = addressCodes.first {
                throw Refusal.addressLimit(seconds: Self.seconds(first.createdAt + 3600 - now))
            }
            try await PhoneCode(
                id: id, phone: phone, address: place, codeHash: digest, createdAt: now, expiresAt: now + lifetime
            ).create(on: db)
            try await sender.send(message, on: db)
        }
    }

    /// Uses up `code` for `phone`, or throws the `Refusal` that says why not. Of two racing
    /// uses of one code exactly one succeeds.
    public func redeem(_ code: String, for phone: PhoneNumber, on database: any Database) async throws {
        let now = dependencies.now().timeIntervalSince1970
        guard
            let latest = try await PhoneCode.query(on: database).filter(\.$phone == phone.digits)
                .sort(\.$createdAt, .descending).first(),
            let id = latest.id
        else { throw Refusal.noCode }
        guard latest.usedAt == nil else { throw Refusal.used }
        guard latest.failures < maximumFailures else { throw Refusal.tooManyFailures }
        guard latest.expiresAt > now else { throw Refusal.expired }
        let typed = Self.normalized(code)
        let limit = SQLBinaryExpression(SQLIdentifier("failures"), .lessThan, SQLBind(maximumFailures))
        guard let typed, constantTimeEqual(Self.digest(typed, id: id), latest.codeHash) else {
            let counted = try await GuardedTransition(PhoneCode.schema, id: id)
                .setting("failures", to: SQLBinaryExpression(SQLIdentifier("failures"), .add, SQLLiteral.numeric("1")))
                .when("used_at", is: nil).when(limit)
                .run(on: database)
            let remaining = maximumFailures - latest.failures - 1
            throw counted && remaining > 0 ? Refusal.wrong(remaining: remaining) : Refusal.tooManyFailures
        }
        let claimed = try await GuardedTransition(PhoneCode.schema, id: id)
            .setting("used_at", to: now)
            .when("used_at", is: nil).when(limit)
            .when(SQLBinaryExpression(SQLIdentifier("expires_at"), .greaterThan, SQLBind(now)))
            .run(on: database)
        guard claimed else { throw Refusal.used }
    }

    /// The code as typed, in ASCII digits (full-width digits and spaces forgiven); `nil` when
    /// it is not 6 digits.
    static func normalized(_ code: String) -> String? {
        var digits = ""
        for scalar in code.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x3000: continue
            default: return nil
            }
        }
        return digits.count == 6 ? digits : nil
    }

    /// Six uniformly random digits (rejection sampling, so no code is likelier than another).
    private func newCode() -> String {
        while true {
            let value = dependencies.randomBytes(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard value < 4_294_000_000 else { continue }  // the largest multiple of 10⁶ that fits
            let code = String(value % 1_000_000)
            return String(repeating: "0", count: 6 - code.count) + code
        }
    }

    static func digest(_ code: String, id: UUID) -> String {
        SHA256.hash(data: Data("\(id.uuidString):\(code)".utf8)).hexadecimal
    }

    private static func seconds(_ interval: Double) -> Int { max(1, Int(interval.rounded(.up))) }
}
