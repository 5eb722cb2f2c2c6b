import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Testing

@Suite("Stock codes and the kinds on order lines")
struct StockCodeTests {
    /// A villager need not invent stock codes: the ones left empty are numbered, skipping the
    /// codes the seller typed and the product already has.
    @Test(arguments: TestStore.available)
    func emptyStockCodesAreNumberedAndStayDifferent(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let made = try await fixture.product(variants: [("", 1_000, 1), ("1", 1_000, 1), (" ", 1_000, 1)])
            #expect(made.map(\.sku) == ["2", "1", "3"])
            let added = try await fixture.catalog.addVariant(
                .init(sku: "", name: "蓝色 XL", price: Money(minorUnits: 1_200), stock: 2), to: made[0].$product.id,
                by: fixture.seller, shops: ShopService(context: fixture.context), on: county.db)
            #expect(added.sku == "4")
            #expect(added.label == "蓝色 XL")
            // A code typed twice is still refused.
            await #expect(throws: Problem.self) {
                _ = try await fixture.product(variants: [("A", 1_000, 1), ("A", 1_000, 1)])
            }
        }
    }

    /// The packer and the buyer read which kind was bought, as it was called when sold, on
    /// both statement paths.
    @Test(arguments: CheckoutTests.statementRuns)
    func eachLineKeepsTheKindBoughtAsItWasCalledWhenSold(store: TestStore, prepared: Bool) async throws {
        try await withTestMarket(on: store, preparedStatements: prepared) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variants = try await fixture.product("明制马面裙", variants: [("R-L", 16_800, 5), ("B-M", 15_800, 5)])
            let buyer = try await fixture.buyers(1)[0]
            let result = try await fixture.checkouts.checkout(
                try fixture.request([(variants[0], 1), (variants[1], 2)]), idempotencyKey: "kinds-checkout-1",
                by: buyer,
                on: county.db)
            _ = try await fixture.catalog.updateVariant(
                try variants[0].requireID(), name: "正红 L", price: nil, by: fixture.seller,
                shops: ShopService(context: fixture.context), on: county.db)
            let orderIDs = try result.orders.map { try $0.requireID() }
            let lines = try await OrderLine.query(on: county.db).filter(\.$order.$id ~~ orderIDs).sort(\.$sku).all()
            #expect(lines.map(\.variantName) == ["款 B-M", "款 R-L"])
            #expect(lines.map(\.description) == ["明制马面裙 · 款 B-M", "明制马面裙 · 款 R-L"])
            #expect(lines.map(\.sku) == ["B-M", "R-L"])
        }
    }
}
