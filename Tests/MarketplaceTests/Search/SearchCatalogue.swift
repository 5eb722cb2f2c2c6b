import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit
import Testing

/// A small fixed catalogue for search tests: fixed ids and creation times, so every ordering
/// (ties included) is the same on every database and every run.
///
/// Shops: A (active, 丁庄 in 大营镇), B (active, 石井 in 集市镇), C (suspended, 丁庄).
/// Products 1…8 as listed in `products`; 6 is in the suspended shop and 7 is unlisted.
struct SearchCatalogue {
    let county: TestCounty
    let shopA: UUID
    let shopB: UUID
    let dingzhuang: UUID
    let shijing: UUID
    let dayingTown: UUID

    static func productID(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number))!
    }

    /// (number, shop, category code, title, description, variants (price, stock), listed); the
    /// village is the shop's.
    enum ShopKey { case a, b, c }
    static let products: [(Int, ShopKey, String, String, String, [(Int64, Int)], Bool)] = [
        (1, .a, "costumes", "汉服女装 明制马面裙", "传统汉服 hanfu skirt", [(29_900, 5)], true),
        (2, .a, "costumes", "儿童演出服 红色连衣裙", "children's red performance dress", [(8_800, 0)], true),
        (3, .b, "costumes", "Hanfu dress 汉服 改良", "modern hanfu", [(15_900, 3), (19_900, 0)], true),
        (4, .b, "furniture", "实木餐桌 Solid wood dining table", "oak table", [(120_000, 2)], true),
        (5, .b, "farm", "红薯粉条", "sweet potato noodles 农家", [(1_500, 100)], true),
        (6, .c, "handicrafts", "汉服发簪", "hairpin", [(3_000, 10)], true),
        (7, .a, "costumes", "汉服披风", "cloak", [(9_900, 10)], false),
        (8, .a, "toys", "玩具 wooden toy car 木头汽车", "", [(2_500, 4)], true),
    ]

    static func make(_ county: TestCounty) async throws -> SearchCatalogue {
        let owner = try await MarketplaceFixture.makeAccount(county, "search-seller", roles: [.seller])
        let dingzhuang = try #require(try await Village.query(on: county.db).filter(\.$nameEn == "Dingzhuang").first())
        let shijing = try #require(try await Village.query(on: county.db).filter(\.$nameEn == "Shijing").first())
        var shops: [ShopKey: (UUID, UUID)] = [:]
        for (key, village, number) in [(ShopKey.a, dingzhuang, 101), (.b, shijing, 102), (.c, dingzhuang, 103)] {
            let shop = Shop(
                id: productID(number), ownerID: owner.accountID, villageID: try village.requireID(), name: "店\(number)",
                description: "", kind: .individual)
            if key == .c { shop.status = .suspended }
            try await shop.create(on: county.db)
            shops[key] = (try shop.requireID(), try village.requireID())
        }
        let sql = try #require(county.db as? any SQLDatabase)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for (number, key, category, title, description, variants, listed) in products {
            let (shopID, villageID) = try #require(shops[key])
            let product = Product(
                id: productID(number), shopID: shopID, categoryID: CategoryTaxonomy.id(for: category), title: title,
                description: description, originVillageID: villageID)
            product.listed = listed
            try await product.create(on: county.db)
            for (index, (price, stock)) in variants.enumerated() {
                try await Variant(
                    id: productID(number * 10 + index + 1000), productID: productID(number), sku: "S\(index)", name: "",
                    price: Money(minorUnits: price), stock: stock, weightGrams: 0
                ).create(on: county.db)
            }
            try await sql.update(Product.schema).set("created_at", to: start.addingTimeInterval(Double(number) * 60))
                .where("id", .equal, productID(number)).run()
            try await SearchIndex.reindex(productID: productID(number), on: county.db)
        }
        return SearchCatalogue(
            county: county, shopA: try #require(shops[.a]?.0), shopB: try #require(shops[.b]?.0),
            dingzhuang: try dingzhuang.requireID(), shijing: try shijing.requireID(), dayingTown: dingzhuang.$town.id)
    }

    /// The product numbers a query finds, in order.
    func numbers(_ query: SearchQuery) async throws -> [Int] {
        try await SearchService().search(query, on: county.db).items.map { Self.number(of: $0.productID) }
    }

    static func number(of id: UUID) -> Int {
        Int(id.uuidString.suffix(12)) ?? -1
    }
}
