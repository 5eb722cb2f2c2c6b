import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Persistence
import Testing

/// The login throttle cannot be turned against others: a guesser slows only their own pair of
/// account and address (and, softly, the account and the address), a device that signed in
/// before is never held up by anyone else, and the counts live in the database.
@Suite("Login throttle")
struct LoginThrottleTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// Fails `count` attempts of `username` from `address`.
    static func fail(
        _ count: Int, _ username: String, from address: String, device: String? = nil, at now: Date,
        _ throttle: LoginThrottle, on database: any Database
    ) async throws {
        for _ in 0..<count {
            guard
                case .success = try await throttle.begin(
                    username: username, address: address, deviceToken: device, now: now, on: database)
            else { return }
        }
    }

    static func wait(
        _ username: String, from address: String, device: String? = nil, at now: Date, _ throttle: LoginThrottle,
        on database: any Database
    ) async throws -> Int? {
        switch try await throttle.begin(
            username: username, address: address, deviceToken: device, now: now, on: database)
        {
        case .success: nil
        case .failure(let wait): wait.seconds
        }
    }

    @Test(arguments: TestStore.available)
    func delaysGrowForTheGuessersPairAndStayShortForEveryoneElse(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let throttle = county.loginThrottle
            let db = county.db
            // Five free failures from the guesser's address, then 1 s, 2 s, 4 s … for that pair.
            try await Self.fail(5, "agent", from: "10.9.9.9", at: Self.start, throttle, on: db)
            #expect(try await Self.wait("agent", from: "10.9.9.9", at: Self.start, throttle, on: db) == 1)
            try await Self.fail(
                1, "agent", from: "10.9.9.9", at: Self.start.addingTimeInterval(1), throttle, on: db)
            #expect(
                try await Self.wait("agent", from: "10.9.9.9", at: Self.start.addingTimeInterval(1), throttle, on: db)
                    == 2)
            // The agent at the station is not held up by six failures elsewhere.
            #expect(try await Self.wait("agent", from: "10.1.1.1", at: Self.start, throttle, on: db) == nil)
        }
    }

    @Test(arguments: TestStore.available)
    func aDistributedGuesserSlowsTheAccountByAMinuteAtMostAndNeverAKnownDevice(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let throttle = county.loginThrottle
            let db = county.db
            let account = try await county.accounts.register(
                .init(username: "agent", password: "correct horse", displayName: "站长", role: .buyer, language: .zhHans),
                on: db)
            let device = try await throttle.issueDevice(
                username: "agent", accountID: try account.requireID(), now: Self.start,
                dependencies: county.dependencies, on: db)
            // Forty failures from forty addresses: the account waits, but at most a minute.
            for index in 0..<40 {
                try await Self.fail(1, "agent", from: "10.0.0.\(index)", at: Self.start, throttle, on: db)
            }
            let wait = try #require(try await Self.wait("agent", from: "10.1.1.1", at: Self.start, throttle, on: db))
            #expect(wait <= 60)
            #expect(
                try await Self.wait("agent", from: "10.1.1.1", at: Self.start.addingTimeInterval(61), throttle, on: db)
                    == nil)
            // The agent's own phone, which signed in before, goes straight through.
            #expect(
                try await Self.wait("agent", from: "10.1.1.1", device: device, at: Self.start, throttle, on: db) == nil)
            // A device token of another account counts for nothing there.
            #expect(try await LoginThrottle.deviceUsername(device, on: db) == "agent")
            try await Self.fail(5, "someone", from: "10.7.7.7", device: device, at: Self.start, throttle, on: db)
            #expect(
                try await Self.wait("someone", from: "10.7.7.7", device: device, at: Self.start, throttle, on: db) == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func aVillageBehindOneAddressIsNotLockedOutByOneGuesser(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            var throttle = county.loginThrottle
            throttle.address = .init(free: 30, cap: 60)
            let db = county.db
            let shopkeeper = try await county.accounts.register(
                .init(
                    username: "shopkeeper", password: "correct horse", displayName: "店主", role: .seller,
                    language: .zhHans), on: db)
            let phone = try await throttle.issueDevice(
                username: "shopkeeper", accountID: try shopkeeper.requireID(), now: Self.start,
                dependencies: county.dependencies, on: db)
            // One guesser behind the village's NAT tries thirty accounts once each.
            for index in 0..<30 {
                try await Self.fail(1, "villager\(index)", from: "100.64.0.1", at: Self.start, throttle, on: db)
            }
            // The address waits a second now, but the shopkeeper's phone, which signed in before,
            // is not held up by it.
            #expect(try await Self.wait("shopkeeper", from: "100.64.0.1", at: Self.start, throttle, on: db) == 1)
            #expect(
                try await Self.wait("shopkeeper", from: "100.64.0.1", device: phone, at: Self.start, throttle, on: db)
                    == nil)
        }
    }

    @Test(arguments: TestStore.available)
    func theCountsAreSharedByEveryServerProcessAndSuccessClearsThem(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let db = county.db
            // Two processes' throttles are two values over one database.
            let first = county.loginThrottle
            var second = LoginThrottle()
            second.transactions = first.transactions
            try await Self.fail(5, "mei", from: "10.2.2.2", at: Self.start, first, on: db)
            #expect(try await Self.wait("mei", from: "10.2.2.2", at: Self.start, second, on: db) == 1)
            // A success clears the pair: the next failure is free again.
            let later = Self.start.addingTimeInterval(5)
            guard
                case .success(let attempt) = try await second.begin(
                    username: "mei", address: "10.2.2.2", deviceToken: nil, now: later, on: db)
            else {
                Issue.record("the delay should be over")
                return
            }
            try await second.succeeded(attempt, now: later, on: db)
            #expect(try await Self.wait("mei", from: "10.2.2.2", at: later, first, on: db) == nil)
            // Failures are forgotten a day after the last one: a failure then is free again
            // (the ninth in a row would wait 16 s).
            for second in 0..<8 {
                try await Self.fail(
                    1, "lan", from: "10.3.3.3", at: Self.start.addingTimeInterval(Double(second) * 100), first, on: db)
            }
            let tomorrow = Self.start.addingTimeInterval(24 * 3600 + 800)
            try await Self.fail(1, "lan", from: "10.3.3.3", at: tomorrow, first, on: db)
            #expect(try await Self.wait("lan", from: "10.3.3.3", at: tomorrow, first, on: db) == nil)
        }
    }

    @Test(arguments: TestStore.available)
    func parallelGuessesAreCountedOneAfterAnother(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            var limited = county.loginThrottle
            limited.account = .init(free: 5, cap: 60)
            let throttle = limited
            let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        if case .success = try await throttle.begin(
                            username: "admin", address: "10.0.0.\(index)", deviceToken: nil, now: Self.start,
                            on: county.db
                        ) {
                            return true
                        }
                        return false
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(allowed == 5)
        }
    }
}
