import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Testing

@Suite("Moderation lists: reported reviews and shops in a moderator's scope, categories")
struct ModerationTests {
    /// The fixture's shop's town and another town of the demo county.
    static func towns(_ fixture: MarketplaceFixture) async throws -> (shops: UUID, other: UUID) {
        let village = try #require(try await Village.find(fixture.shop.$village.id, on: fixture.county.db))
        let other = try #require(
            try await Town.query(on: fixture.county.db).filter(\.$id != village.$town.id).first())
        return (village.$town.id, try other.requireID())
    }

    @Test(arguments: TestStore.available)
    func reportedReviewsAreListedOnlyWithinTheModeratorsScope(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let reviews = ReviewService(context: fixture.context)
            let towns = try await Self.towns(fixture)
            let here = Principal(accountID: UUID(), grants: [RoleGrant(role: .official, scope: .town(towns.shops))])
            let elsewhere = Principal(
                accountID: UUID(), grants: [RoleGrant(role: .official, scope: .town(towns.other))])
            let buyer = Principal(accountID: UUID(), grants: [RoleGrant(role: .buyer)])
            let variant = try #require(try await fixture.product(variants: [("A", 1_000, 10)]).first)
            let lines = try await ReviewTests.deliveredLines(fixture, variant, count: 2, prefix: "m")
            var written: [Review] = []
            for (line, author) in lines {
                written.append(
                    try await reviews.write(
                        lineID: try line.requireID(), ratings: Ratings(described: 1, service: 1, shipping: 1),
                        text: "差", by: author, on: county.db))
            }
            let reported = try written[0].requireID()
            try await reviews.report(reported, reason: "广告", by: lines[1].1, on: county.db)
            try await reviews.report(reported, reason: "广告", by: lines[1].1, on: county.db)

            let waiting = try await reviews.reported(hidden: false, page: PageRequest(), by: here, on: county.db)
            #expect(waiting.items.map(\.id) == [reported])
            #expect(waiting.items.first?.reportCount == 1)
            #expect(try await reviews.reports(of: [reported], on: county.db)[reported]?.map(\.reason) == ["广告"])
            #expect(
                try await reviews.reported(hidden: false, page: PageRequest(), by: elsewhere, on: county.db).total
                    == 0)
            await #expect(throws: Problem.self) {
                try await reviews.reported(hidden: false, page: PageRequest(), by: buyer, on: county.db)
            }

            _ = try await reviews.hide(reported, reason: "广告", by: here, on: county.db)
            #expect(try await reviews.reported(hidden: false, page: PageRequest(), by: here, on: county.db).total == 0)
            let hidden = try await reviews.reported(hidden: true, page: PageRequest(), by: here, on: county.db)
            #expect(hidden.items.map(\.id) == [reported])
            #expect(try await reviews.lastModerations(of: [reported], on: county.db)[reported]?.reason == "广告")
            await #expect(throws: Problem.self) {
                try await reviews.unhide(reported, reason: "误判", by: elsewhere, on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func shopsAreListedOnlyWithinTheModeratorsScopeWithTheirEvents(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shops = ShopService(context: fixture.context)
            let towns = try await Self.towns(fixture)
            let here = Principal(accountID: UUID(), grants: [RoleGrant(role: .official, scope: .town(towns.shops))])
            let elsewhere = Principal(
                accountID: UUID(), grants: [RoleGrant(role: .official, scope: .town(towns.other))])
            let admin = Principal(accountID: UUID(), grants: [RoleGrant(role: .admin)])
            let shopID = try fixture.shop.requireID()

            #expect(
                try await shops.shops(moderatedBy: here, status: nil, page: PageRequest(), on: county.db).items
                    .map(\.id) == [shopID])
            #expect(
                try await shops.shops(moderatedBy: admin, status: .active, page: PageRequest(), on: county.db).total
                    == 1)
            #expect(
                try await shops.shops(moderatedBy: elsewhere, status: nil, page: PageRequest(), on: county.db).total
                    == 0)
            await #expect(throws: Problem.self) {
                try await shops.shops(moderatedBy: fixture.seller, status: nil, page: PageRequest(), on: county.db)
            }
            await #expect(throws: Problem.self) {
                try await shops.shop(shopID, moderatedBy: elsewhere, on: county.db)
            }

            _ = try await shops.suspend(shopID, reason: "假货", by: here, on: county.db)
            #expect(
                try await shops.shops(moderatedBy: here, status: .suspended, page: PageRequest(), on: county.db).total
                    == 1)
            let events = try await shops.events(of: shopID, moderatedBy: here, on: county.db)
            #expect(events.first?.reason == "假货")
            #expect(events.first?.actorID == here.accountID)
        }
    }

    @Test(arguments: TestStore.available)
    func anAdminAddsACategoryOnceWithARateInBounds(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let categories = CategoryService()
            let admin = Principal(accountID: UUID(), grants: [RoleGrant(role: .admin)])
            let official = Principal(accountID: UUID(), grants: [RoleGrant(role: .official)])
            let made = try await categories.create(
                code: "Tea", name: "茶叶", nameEn: "Tea", basisPoints: 250, by: admin, on: county.db)
            #expect(made.code == "tea")
            #expect(
                try await categories.all(on: county.db).contains { $0.code == "tea" && $0.commissionBasisPoints == 250 }
            )
            await #expect(throws: Problem.self) {
                try await categories.create(
                    code: "tea", name: "茶", nameEn: "Tea", basisPoints: 250, by: admin, on: county.db)
            }
            await #expect(throws: Problem.self) {
                try await categories.create(
                    code: "wine", name: "酒", nameEn: "Wine", basisPoints: 250, by: official, on: county.db)
            }
            for (code, bps) in [("茶", 100), ("x", 100), ("wine", 3_001), ("wine", -1)] {
                await #expect(throws: Problem.self) {
                    try await categories.create(
                        code: code, name: "酒", nameEn: "Wine", basisPoints: bps, by: admin, on: county.db)
                }
            }
            #expect(try await Category.query(on: county.db).filter(\.$code == "wine").count() == 0)
        }
    }
}
