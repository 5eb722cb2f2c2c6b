import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Testing

/// A shop with products in the demo county, and buyers, made straight through the services.
struct MarketplaceFixture {
    let county: TestCounty
    let seller: Principal
    let shop: Shop

    var context: MarketplaceContext { county.marketplace }
    var checkouts: CheckoutService { CheckoutService(context: context) }
    var orders: OrderService { OrderService(context: context) }
    var payments: PaymentService { PaymentService(context: context) }
    var catalog: CatalogService { CatalogService(context: context) }

    static func make(_ county: TestCounty) async throws -> MarketplaceFixture {
        let seller = try await makeAccount(county, "shopkeeper", roles: [.seller])
        let village = try #require(try await Village.query(on: county.db).filter(\.$nameEn == "Dingzhuang").first())
        let shop = try await ShopService(context: county.marketplace).open(
            .init(name: "丁庄演出服", villageID: try village.requireID(), kind: .individual), by: seller, on: county.db)
        return MarketplaceFixture(county: county, seller: seller, shop: shop)
    }

    /// An account with `roles`, written directly (no Bcrypt) to keep concurrency tests fast.
    static func makeAccount(_ county: TestCounty, _ username: String, roles: [Role] = [.buyer]) async throws
        -> Principal
    {
        let account = Account(
            id: UUID(), username: username, passwordHash: "-", displayName: username, preferredLanguage: .zhHans)
        try await account.create(on: county.db)
        let grants = roles.map { RoleGrant(role: $0) }
        for grant in grants {
            try await RoleGrantRecord(id: UUID(), accountID: account.requireID(), grant: grant).create(on: county.db)
        }
        return Principal(accountID: try account.requireID(), grants: grants)
    }

    func buyers(_ count: Int) async throws -> [Principal] {
        var buyers: [Principal] = []
        for index in 0..<count { buyers.append(try await Self.makeAccount(county, "buyer\(index)")) }
        return buyers
    }

    /// A listed product with one variant per `(sku, price, stock)`, each named "款 <sku>".
    func product(_ title: String = "儿童演出服", variants: [(String, Int64, Int)]) async throws -> [Variant] {
        let (_, made) = try await catalog.addProduct(
            .init(
                title: title, description: "", categoryID: CategoryTaxonomy.id(for: "costumes"),
                variants: variants.map {
                    .init(sku: $0.0, name: "款 " + $0.0, price: Money(minorUnits: $0.1), stock: $0.2)
                }),
            to: try shop.requireID(), by: seller, shops: ShopService(context: context), on: county.db)
        return made
    }

    func stock(of variant: Variant) async throws -> Int {
        try #require(try await Variant.find(variant.requireID(), on: county.db)).stock
    }

    func restock(_ variant: Variant, to stock: Int) async throws {
        try await Variant.query(on: county.db).filter(\.$id == variant.requireID()).set(\.$stock, to: stock).update()
    }

    static let delivery = DeliveryAddress(name: "李敏", phone: "138 0000 0000", villageID: nil, addressLine: "上海市静安区")

    func request(_ items: [(Variant, Int)], method: Checkout.PaymentMethod = .online) throws -> CheckoutService.Request
    {
        .init(
            items: try items.map { .init(variantID: try $0.0.requireID(), quantity: $0.1) }, delivery: Self.delivery,
            paymentMethod: method)
    }
}
