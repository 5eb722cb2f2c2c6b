import Community
import Foundation
import JishiKit
import Testing

@Suite("Authorization: may this account do this to that?")
struct AuthorizationTests {
    static let county = UUID()
    static let otherCounty = UUID()
    static let town = UUID()
    static let otherTown = UUID()
    static let station = UUID()
    static let otherStation = UUID()
    static let inTown = Place(countyID: county, townID: town, villageID: UUID())
    static let inOtherTown = Place(countyID: county, townID: otherTown, villageID: UUID())
    static let inOtherCounty = Place(countyID: otherCounty, townID: UUID())
    static let atStation = Place(countyID: county, townID: town, stationID: station)
    static let atOtherStation = Place(countyID: county, townID: town, stationID: otherStation)

    static func principal(_ role: Role, _ scope: Scope = .everywhere) -> Principal {
        Principal(accountID: UUID(), grants: [RoleGrant(role: role, scope: scope)])
    }

    @Test func anyoneReadsPublicInformation() {
        #expect(Authorization.may(nil, .read, .place(Self.inTown)))
        #expect(Authorization.may(nil, .read, .marketplace))
    }

    @Test func anonymousMayDoNothingElseAndGets401() {
        for action in Action.allCases where action != .read {
            #expect(!Authorization.may(nil, action, .place(Self.inTown)))
        }
        #expect(throws: Problem(type: .unauthenticated)) {
            try Authorization.require(nil, .buy, .marketplace)
        }
    }

    @Test func accountsSeeThemselvesOnly() {
        let buyer = Self.principal(.buyer)
        #expect(Authorization.may(buyer, .readAccount, .account(buyer.accountID)))
        #expect(Authorization.may(buyer, .updateAccount, .account(buyer.accountID)))
        #expect(!Authorization.may(buyer, .readAccount, .account(UUID())))
        #expect(Authorization.may(Self.principal(.admin), .readAccount, .account(UUID())))
    }

    @Test func buyersBuyAndSellersSell() {
        #expect(Authorization.may(Self.principal(.buyer), .buy, .marketplace))
        #expect(!Authorization.may(Self.principal(.buyer), .sell, .marketplace))
        #expect(Authorization.may(Self.principal(.seller), .sell, .marketplace))
        #expect(!Authorization.may(Self.principal(.seller), .buy, .marketplace))
        // An agent buys and sells on behalf of villagers.
        #expect(Authorization.may(Self.principal(.agent, .station(Self.station)), .buy, .marketplace))
        #expect(Authorization.may(Self.principal(.agent, .station(Self.station)), .sell, .marketplace))
    }

    @Test func agentsActAtTheirStationOnly() {
        let agent = Self.principal(.agent, .station(Self.station))
        #expect(Authorization.may(agent, .actAtStation, .place(Self.atStation)))
        #expect(!Authorization.may(agent, .actAtStation, .place(Self.atOtherStation)))
        #expect(!Authorization.may(agent, .actAtStation, .place(Self.inTown)))  // no station: not a station act
        let townAgent = Self.principal(.agent, .town(Self.town))
        #expect(Authorization.may(townAgent, .actAtStation, .place(Self.atOtherStation)))
        #expect(!Authorization.may(Self.principal(.buyer), .actAtStation, .place(Self.atStation)))
    }

    @Test func officialsSeeInsightsWithinTheirScope() {
        let townOfficial = Self.principal(.official, .town(Self.town))
        #expect(Authorization.may(townOfficial, .viewInsights, .place(Self.inTown)))
        #expect(!Authorization.may(townOfficial, .viewInsights, .place(Self.inOtherTown)))
        let countyOfficial = Self.principal(.official, .county(Self.county))
        #expect(Authorization.may(countyOfficial, .viewInsights, .place(Self.inOtherTown)))
        #expect(!Authorization.may(countyOfficial, .viewInsights, .place(Self.inOtherCounty)))
        #expect(!Authorization.may(countyOfficial, .manageGeography, .place(Self.inTown)))
        #expect(!Authorization.may(countyOfficial, .grantRoles, .account(UUID())))
    }

    @Test func dispatchersAndCouriersWorkWithinTheirScope() {
        let dispatcher = Self.principal(.dispatcher, .county(Self.county))
        #expect(Authorization.may(dispatcher, .dispatch, .place(Self.inOtherTown)))
        #expect(!Authorization.may(dispatcher, .dispatch, .place(Self.inOtherCounty)))
        #expect(!Authorization.may(dispatcher, .deliver, .place(Self.inTown)))
        let courier = Self.principal(.courier, .town(Self.town))
        #expect(Authorization.may(courier, .deliver, .place(Self.inTown)))
        #expect(!Authorization.may(courier, .deliver, .place(Self.inOtherTown)))
        #expect(!Authorization.may(courier, .dispatch, .place(Self.inTown)))
    }

    @Test func adminsManageWithinTheirScope() {
        let admin = Self.principal(.admin)
        for action in [Action.manageGeography, .viewInsights, .dispatch, .grantRoles] {
            #expect(Authorization.may(admin, action, .place(Self.inOtherCounty)))
        }
        #expect(Authorization.may(admin, .grantRoles, .account(UUID())))
        let countyAdmin = Self.principal(.admin, .county(Self.county))
        #expect(Authorization.may(countyAdmin, .manageGeography, .place(Self.inTown)))
        #expect(!Authorization.may(countyAdmin, .manageGeography, .place(Self.inOtherCounty)))
        // Granting roles to any account is for a county-wide-or-wider admin only.
        #expect(!Authorization.may(countyAdmin, .grantRoles, .account(UUID())))
    }

    @Test func requireThrowsForbiddenWithAPrincipal() {
        #expect(throws: Problem.self) { try Authorization.require(Self.principal(.buyer), .sell, .marketplace) }
        do {
            try Authorization.require(Self.principal(.buyer), .sell, .marketplace)
        } catch let problem as Problem {
            #expect(problem.status == 403)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func scopesRoundTripThroughStorage() {
        for scope in [Scope.everywhere, .county(UUID()), .town(UUID()), .station(UUID())] {
            #expect(Scope(kind: scope.kind, id: scope.id) == scope)
        }
        #expect(Scope(kind: .town, id: nil) == nil)
        #expect(Scope(kind: .everywhere, id: UUID()) == nil)
    }
}

@Suite("Login throttle")
struct LoginThrottleTests {
    @Test func blocksAfterTheLimitAndForgetsAfterTheWindow() async {
        let throttle = LoginThrottle(accountLimit: 2, addressLimit: 10, window: 60)
        let start = Date(timeIntervalSince1970: 1_000)
        #expect(await throttle.begin(username: "mei", address: "1.2.3.4", now: start) == nil)
        #expect(await throttle.begin(username: "MEI", address: "5.6.7.8", now: start.addingTimeInterval(10)) == nil)
        #expect(await throttle.begin(username: "mei", address: "9.9.9.9", now: start.addingTimeInterval(20)) == 40)
        #expect(await throttle.begin(username: "lan", address: "1.2.3.4", now: start.addingTimeInterval(20)) == nil)
        #expect(await throttle.begin(username: "mei", address: "9.9.9.9", now: start.addingTimeInterval(61)) == nil)
    }

    @Test func parallelAttemptsCountBeforeTheyFinish() async {
        let throttle = LoginThrottle(accountLimit: 5, addressLimit: 100, window: 60)
        let now = Date(timeIntervalSince1970: 1_000)
        let allowed = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask { await throttle.begin(username: "admin", address: "10.0.0.\(index)", now: now) == nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == 5)
    }

    @Test func successClearsTheAccountAndTakesBackItsOwnCount() async {
        let throttle = LoginThrottle(accountLimit: 1, addressLimit: 2, window: 60)
        let now = Date(timeIntervalSince1970: 1_000)
        #expect(await throttle.begin(username: "mei", address: "1.2.3.4", now: now) == nil)
        await throttle.succeeded(username: "mei", address: "1.2.3.4", now: now)
        #expect(await throttle.begin(username: "mei", address: "5.5.5.5", now: now) == nil)
        #expect(await throttle.begin(username: "lan", address: "1.2.3.4", now: now) == nil)
        #expect(await throttle.begin(username: "zhao", address: "1.2.3.4", now: now) == nil)
        #expect(await throttle.begin(username: "other", address: "1.2.3.4", now: now) != nil)
    }
}
