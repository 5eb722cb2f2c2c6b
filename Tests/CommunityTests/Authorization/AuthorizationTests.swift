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

    @Test func onlyAnAdminOfEverywhereReadsTheOutbox() {
        #expect(Authorization.may(Self.principal(.admin), .readMessages, .marketplace))
        #expect(!Authorization.may(Self.principal(.admin, .town(UUID())), .readMessages, .marketplace))
        for role in Role.allCases where role != .admin {
            #expect(!Authorization.may(Self.principal(role), .readMessages, .marketplace))
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
