import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Testing

/// Signing up and in with a mobile number: numbers typed every way parse to one, codes go out
/// through the outbox, work once and only for ten minutes, five wrong tries end a code, and
/// the limits per number and per address hold.
@Suite("Phone sign-in")
struct PhoneSignInTests {
    static let address = "10.20.30.40"

    @Test(arguments: [
        ("13800001234", "13800001234"), ("138 0000 1234", "13800001234"), ("138-0000-1234", "13800001234"),
        ("+86 138 0000 1234", "13800001234"), ("0086 13800001234", "13800001234"),
        ("8613800001234", "13800001234"), ("１３８００００１２３４", "13800001234"), ("(138) 0000 1234", "13800001234"),
    ])
    func numbersTypedEveryWayParseToOne(typed: String, digits: String) {
        #expect(PhoneNumber(parsing: typed)?.digits == digits)
        #expect(PhoneNumber(parsing: typed)?.masked == "138****1234")
    }

    @Test(arguments: ["", "1380000123", "138000012345", "12800001234", "23800001234", "+1 415 555 0100", "138a0001234"])
    func otherTextIsNotAMobileNumber(typed: String) {
        #expect(PhoneNumber(parsing: typed) == nil)
    }

    /// The code the outbox holds for `phone`: the newest message's six digits.
    static func code(for phone: PhoneNumber, on database: any Database) async throws -> String {
        let page = try await OutboxSender.list(to: phone, page: PageRequest(limit: 1), on: database)
        let body = try #require(page.items.first?.body)
        return String(body.filter(\.isNumber).prefix(6))
    }

    static func services(_ county: TestCounty, clock: TestClock) -> PhoneSignIn {
        var codes = PhoneCodes(sender: OutboxSender(dependencies: clock.dependencies), dependencies: clock.dependencies)
        codes.transactions = county.database.transactions
        return PhoneSignIn(accounts: county.accounts, codes: codes)
    }

    @Test(arguments: TestStore.available)
    func aNewNumberSignsUpWithAChineseNameAndLaterSignsInToTheSameAccount(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let clock = TestClock()
            let phone = try #require(PhoneNumber(parsing: "139 1111 2222"))
            let signIn = Self.services(county, clock: clock)
            try await signIn.codes.send(to: phone, from: Self.address, language: .zhHans, on: county.db)
            let message = try #require(try await OutboxSender.list(page: PageRequest(), on: county.db).items.first)
            #expect(message.recipient == "13911112222")
            #expect(message.body.hasPrefix("【集市】"))
            let code = try await Self.code(for: phone, on: county.db)
            // A new number without a name is refused, and the code is not spent.
            await #expect(throws: Problem.self) {
                _ = try await signIn.signIn(phone: phone, code: code, profile: nil, on: county.db)
            }
            let account = try await signIn.signIn(
                phone: phone, code: code, profile: .init(displayName: "王小明", role: .seller, language: .zhHans),
                on: county.db)
            #expect(account.displayName == "王小明")
            #expect(account.phoneNumber == phone)
            #expect(!account.username.contains("1111"))
            let principal = try await county.accounts.principal(for: account.requireID(), on: county.db)
            #expect(principal.grants.map(\.role) == [.seller])
            // No password opens a phone account.
            await #expect(throws: Problem.self) {
                _ = try await county.accounts.authenticate(username: account.username, password: "!", on: county.db)
            }
            clock.advance(by: 61)
            try await signIn.codes.send(to: phone, from: Self.address, language: .en, on: county.db)
            let again = try await signIn.signIn(
                phone: phone, code: try await Self.code(for: phone, on: county.db), profile: nil, on: county.db)
            #expect(again.id == account.id)
        }
    }

    @Test(arguments: TestStore.available)
    func aCodeWorksOnceAndOnlyForTenMinutes(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let clock = TestClock()
            let codes = Self.services(county, clock: clock).codes
            let phone = try #require(PhoneNumber(parsing: "13922223333"))
            try await codes.send(to: phone, from: Self.address, language: .en, on: county.db)
            let code = try await Self.code(for: phone, on: county.db)
            try await codes.redeem(code, for: phone, on: county.db)
            await #expect(throws: PhoneCodes.Refusal.used) { try await codes.redeem(code, for: phone, on: county.db) }

            clock.advance(by: 61)
            try await codes.send(to: phone, from: Self.address, language: .en, on: county.db)
            let late = try await Self.code(for: phone, on: county.db)
            clock.advance(by: 10 * 60)
            await #expect(throws: PhoneCodes.Refusal.expired) {
                try await codes.redeem(late, for: phone, on: county.db)
            }
            // A number never sent a code has none.
            let stranger = try #require(PhoneNumber(parsing: "13700000000"))
            await #expect(throws: PhoneCodes.Refusal.noCode) {
                try await codes.redeem("123456", for: stranger, on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func fiveWrongCodesEndTheCodeEvenForTheRightOne(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let clock = TestClock()
            let codes = Self.services(county, clock: clock).codes
            let phone = try #require(PhoneNumber(parsing: "13933334444"))
            try await codes.send(to: phone, from: Self.address, language: .en, on: county.db)
            let code = try await Self.code(for: phone, on: county.db)
            let wrong = code == "000000" ? "000001" : "000000"
            for remaining in [4, 3, 2, 1] {
                await #expect(throws: PhoneCodes.Refusal.wrong(remaining: remaining)) {
                    try await codes.redeem(wrong, for: phone, on: county.db)
                }
            }
            await #expect(throws: PhoneCodes.Refusal.tooManyFailures) {
                try await codes.redeem("12", for: phone, on: county.db)
            }
            await #expect(throws: PhoneCodes.Refusal.tooManyFailures) {
                try await codes.redeem(code, for: phone, on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func oneCodeRedeemedByTenAtOnceSignsInOnce(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let clock = TestClock()
            let codes = Self.services(county, clock: clock).codes
            let phone = try #require(PhoneNumber(parsing: "13944445555"))
            try await codes.send(to: phone, from: Self.address, language: .en, on: county.db)
            let code = try await Self.code(for: phone, on: county.db)
            let successes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        do {
                            try await codes.redeem(code, for: phone, on: county.db)
                            return true
                        } catch is PhoneCodes.Refusal {
                            return false
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(successes == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func aNumberGetsACodeAMinuteAndFiveAnHourAndAnAddressTenAnHour(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let clock = TestClock()
            let codes = Self.services(county, clock: clock).codes
            let phone = try #require(PhoneNumber(parsing: "13955556666"))
            try await codes.send(to: phone, from: "10.0.0.1", language: .en, on: county.db)
            await #expect(throws: PhoneCodes.Refusal.tooSoon(seconds: 60)) {
                try await codes.send(to: phone, from: "10.0.0.2", language: .en, on: county.db)
            }
            for _ in 0..<4 {
                clock.advance(by: 60)
                try await codes.send(to: phone, from: "10.0.0.1", language: .en, on: county.db)
            }
            clock.advance(by: 60)
            await #expect(throws: PhoneCodes.Refusal.numberLimit(seconds: 3600 - 300)) {
                try await codes.send(to: phone, from: "10.0.0.3", language: .en, on: county.db)
            }

            // Twenty numbers from one address: ten codes go out, the other ten are refused.
            var refused = 0
            for index in 0..<20 {
                let number = try #require(PhoneNumber(parsing: "1360000\(String(format: "%04d", index))"))
                do {
                    try await codes.send(to: number, from: "10.9.9.9", language: .en, on: county.db)
                } catch let refusal as PhoneCodes.Refusal {
                    guard case .addressLimit = refusal else { throw refusal }
                    refused += 1
                }
            }
            #expect(refused == 10)
            let sent = try await OutboxSender.list(page: PageRequest(limit: 200), on: county.db)
            #expect(sent.total == 5 + 10)
            // An hour later the address may ask again.
            clock.advance(by: 3601)
            try await codes.send(
                to: try #require(PhoneNumber(parsing: "13600009999")), from: "10.9.9.9",
                language: .en, on: county.db)
        }
    }
}
