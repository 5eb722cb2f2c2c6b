import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
import NIOConcurrencyHelpers
import Persistence

/// The demo county's market: the demo `seller` runs three shops in specialty villages — hanfu
/// and performance costumes in 丁庄村, paulownia furniture in 桐木村, farm products in 桃园村 —
/// with a dozen products, and the demo `buyer` has two orders with the costume shop (one to
/// ship, one shipped, whose parcel waits at 丁庄村's station for the county's run) and one
/// delivered order with the farm shop, waiting for a review. Ids are derived from fixed names and a fixed seed, so every database
/// gets the same ones; loads in well under a second.
///
/// Loaded by `jishi demo` and `jishi seed --demo` after ``DemoCounty`` and the network; the tests' `seedDemo`
/// loads the county only, so their searches see only what they list themselves.
public enum DemoMarket {
    public struct ShopPlan: Sendable {
        public var key: String
        public var name: String
        public var description: String
        public var village: String
        public var products: [ProductPlan]
    }

    public struct ProductPlan: Sendable {
        public var key: String
        public var category: String
        public var title: String
        public var description: String
        public var attributes: [(String, String)]
        /// (sku, variant name, price in fen, stock)
        public var variants: [(String, String, Int64, Int)]
    }

    public static let shops: [ShopPlan] = [
        ShopPlan(
            key: "hanfu", name: "丁庄汉服坊", description: "丁庄村王家三代做演出服，现在也做汉服。Hanfu and stage costumes from Dingzhuang.",
            village: "丁庄村",
            products: [
                ProductPlan(
                    key: "mamian", category: "costumes", title: "明制马面裙 汉服半身裙",
                    description:
                        "织金马面裙，手工压褶，日常和拍照都合适。Ming-style horse-face skirt (mamianqun), hanfu, woven gold pattern.",
                    attributes: [("面料", "仿妆花缎"), ("腰围", "可调节 60–90 cm")],
                    variants: [
                        ("MM-RED-M", "红色 M", 16_800, 12), ("MM-RED-L", "红色 L", 16_800, 8),
                        ("MM-BLUE-M", "蓝色 M", 16_800, 5),
                    ]),
                ProductPlan(
                    key: "ruqun", category: "costumes", title: "唐制齐胸襦裙 汉服套装",
                    description: "齐胸襦裙三件套，雪纺面料，轻薄飘逸。Tang-style chest-high ruqun, hanfu set of three, chiffon.",
                    attributes: [("面料", "雪纺"), ("件数", "上襦、下裙、披帛")],
                    variants: [("RQ-PINK-S", "粉色 S", 23_900, 6), ("RQ-PINK-M", "粉色 M", 23_900, 9)]),
                ProductPlan(
                    key: "dance", category: "costumes", title: "儿童演出服 红色舞蹈裙",
                    description: "六一儿童节、学校汇演用的舞蹈裙，亮片装饰。Children's red dance dress for school performances.",
                    attributes: [("适合身高", "110–140 cm")],
                    variants: [
                        ("KD-110", "110 cm", 5_900, 30), ("KD-120", "120 cm", 5_900, 25),
                        ("KD-130", "130 cm", 5_900, 0),
                    ]),
                ProductPlan(
                    key: "yangge", category: "costumes", title: "秧歌服 广场舞演出服",
                    description: "秧歌、广场舞演出服，配腰带。Yangge folk dance costume for square-dance groups.",
                    attributes: [("颜色", "红黄")], variants: [("YG-F", "女款", 8_800, 40), ("YG-M", "男款", 8_800, 20)]),
                ProductPlan(
                    key: "cloak", category: "costumes", title: "汉服披风 加厚斗篷",
                    description: "冬季加厚斗篷，毛领可拆。Thick hanfu cloak for winter, detachable fur collar.",
                    attributes: [], variants: [("CL-WHITE", "白色", 12_900, 7)]),
            ]),
        ShopPlan(
            key: "furniture", name: "桐木村实木家具",
            description: "泡桐木家具，自家作坊做。Paulownia wood furniture from our own workshop.",
            village: "桐木村",
            products: [
                ProductPlan(
                    key: "table", category: "furniture", title: "泡桐木实木餐桌",
                    description: "泡桐木整板，桐油涂装，四到六人用。Solid paulownia wood dining table, tung-oil finish.",
                    attributes: [("木料", "泡桐木"), ("尺寸", "140 × 80 × 75 cm")],
                    variants: [("TB-140", "1.4 米", 128_000, 3), ("TB-160", "1.6 米", 148_000, 2)]),
                ProductPlan(
                    key: "stool", category: "furniture", title: "实木小板凳",
                    description: "榫卯结构小板凳，结实耐用。Small solid wood stool with mortise-and-tenon joints.",
                    attributes: [("高度", "25 cm")], variants: [("ST-25", "", 4_500, 60)]),
                ProductPlan(
                    key: "chest", category: "furniture", title: "桐木收纳箱 樟木衬底",
                    description: "防潮防虫的桐木箱，可放衣物被褥。Paulownia storage chest lined with camphor wood.",
                    attributes: [("容量", "约 80 升")], variants: [("CH-80", "", 32_000, 4)]),
            ]),
        ShopPlan(
            key: "farm", name: "桃园农家", description: "桃园村的桃子、大蒜、蜂蜜，当天采摘发货。Fresh from Taoyuan village farms.",
            village: "桃园村",
            products: [
                ProductPlan(
                    key: "peach", category: "farm", title: "桃园水蜜桃 5斤装",
                    description: "树上熟的水蜜桃，当天采摘顺丰发货。Tree-ripened honey peaches, 2.5 kg box, picked the day they ship.",
                    attributes: [("采摘", "六月至八月"), ("产地", "青河乡桃园村")],
                    variants: [("PE-5", "5 斤", 4_990, 80), ("PE-10", "10 斤", 8_990, 40)]),
                ProductPlan(
                    key: "garlic", category: "farm", title: "紫皮大蒜 新蒜",
                    description: "本地紫皮蒜，蒜味足。Local purple-skin garlic, strong flavour.",
                    attributes: [("重量", "5 斤")], variants: [("GA-5", "5 斤", 2_500, 100)]),
                ProductPlan(
                    key: "honey", category: "farm", title: "土蜂蜜 槐花蜜",
                    description: "村里蜂场的槐花蜜，不加糖。Acacia honey from the village apiary, nothing added.",
                    attributes: [("净含量", "500 g")], variants: [("HO-500", "500 g", 6_800, 50)]),
                ProductPlan(
                    key: "noodles", category: "food", title: "手工红薯粉条",
                    description: "红薯淀粉手工粉条，炖菜火锅都好吃。Handmade sweet potato noodles.",
                    attributes: [("重量", "2.5 kg")], variants: [("NO-25", "2.5 kg", 1_880, 120)]),
            ]),
    ]

    public static var productCount: Int { shops.reduce(0) { $0 + $1.products.count } }

    /// A stable id for a name of the demo market.
    public static func id(_ name: String) -> UUID { UUID(stableName: "jishi.demo-market." + name) }

    /// Loads the market into a database holding the demo county (and nothing of the market yet).
    public static func load(on database: any Database, services: JishiServices) async throws {
        guard let seller = try await Account.query(on: database).filter(\.$username == "seller").first(),
            let buyer = try await Account.query(on: database).filter(\.$username == "buyer").first()
        else { throw DemoCounty.SeedError.notEmpty }
        let sellerID = try seller.requireID()
        let villages = try await Village.query(on: database).all()
        let villageIDs = Dictionary(
            villages.compactMap { v in v.id.map { (v.name, $0) } }, uniquingKeysWith: { a, _ in a })

        try await database.transaction { db in
            for plan in shops {
                guard let villageID = villageIDs[plan.village] else { continue }
                let shopID = id("shop." + plan.key)
                try await Shop(
                    id: shopID, ownerID: sellerID, villageID: villageID, name: plan.name, description: plan.description,
                    kind: .individual
                ).create(on: db)
                try await ShopStaff(id: id("staff." + plan.key), shopID: shopID, accountID: sellerID, role: .owner)
                    .create(on: db)
                for product in plan.products {
                    let productID = id("product." + product.key)
                    try await Product(
                        id: productID, shopID: shopID, categoryID: CategoryTaxonomy.id(for: product.category),
                        title: product.title, description: product.description, originVillageID: villageID
                    ).create(on: db)
                    for (sku, name, price, stock) in product.variants {
                        try await Variant(
                            id: id("variant." + sku), productID: productID, sku: sku, name: name,
                            price: Money(minorUnits: price), stock: stock, weightGrams: 0
                        ).create(on: db)
                    }
                    for (position, attribute) in product.attributes.enumerated() {
                        try await ProductAttribute(
                            id: id("attribute.\(product.key).\(position)"), productID: productID, position: position,
                            name: attribute.0, value: attribute.1
                        ).create(on: db)
                    }
                    try await SearchIndex.reindex(productID: productID, on: db)
                }
            }
        }
        try await addPhotos(services: services, on: database)
        try await placeDemoOrders(buyer: buyer, seller: seller, services: services, on: database)
    }

    /// One drawn photo a product (`DemoPhotos`), kept where the server keeps photos.
    static func addPhotos(services: JishiServices, on database: any Database) async throws {
        let now = services.dependencies.now()
        for plan in shops {
            for product in plan.products {
                let bytes = DemoPhotos.png(key: product.key, category: product.category)
                let photo = ProductPhoto(
                    id: id("photo." + product.key), productID: id("product." + product.key), position: 0,
                    format: .png, byteCount: bytes.count, at: now)
                try services.photos.save(bytes, as: photo.fileName)
                try await photo.create(on: database)
            }
        }
    }

    /// Three orders of the buyer, placed and paid through the services (with derived ids): two
    /// with the costume shop, one waiting to be shipped and one shipped, and one with the farm
    /// shop that has been delivered (so the buyer can review it). The third comes last so that
    /// the first two keep their ids.
    static func placeDemoOrders(buyer: Account, seller: Account, services: JishiServices, on database: any Database)
        async throws
    {
        let ids = DerivedIDs(seed: DemoCounty.seed &+ 1)
        var dependencies = services.dependencies
        dependencies.uuid = { ids.next() }
        let context = MarketplaceContext(
            dependencies: dependencies, transactions: services.marketplace.transactions,
            paymentWindow: services.marketplace.paymentWindow, cashWindow: services.marketplace.cashWindow,
            jobs: services.marketplace.jobs)
        let buyerPrincipal = try await services.accounts.principal(for: try buyer.requireID(), on: database)
        let sellerPrincipal = try await services.accounts.principal(for: try seller.requireID(), on: database)
        let village = try await Village.query(on: database).filter(\.$name == "石井村").first()
        let delivery = DeliveryAddress(
            name: "李敏", phone: "138 0000 1234", villageID: village?.id, addressLine: "石井村三组 12 号")
        let orders = [
            ("MM-RED-M", 1, "demo-order-0001"), ("KD-120", 2, "demo-order-0002"), ("GA-5", 1, "demo-order-0003"),
        ]
        for (index, (sku, quantity, key)) in orders.enumerated() {
            let placed = try await CheckoutService(context: context).checkout(
                CheckoutService.Request(
                    items: [CheckoutService.Item(variantID: id("variant." + sku), quantity: quantity)],
                    delivery: delivery, paymentMethod: .online),
                idempotencyKey: key, by: buyerPrincipal, on: database)
            let checkoutID = try placed.checkout.requireID()
            let paid = try await PaymentService(context: context).pay(
                checkoutID: checkoutID, provider: "sandbox", token: "tok_ok", idempotencyKey: key + "-pay",
                by: buyerPrincipal, on: database)
            if index >= 1, let order = paid.orders.first {
                // The order still on its way goes through the county network, so the buyer
                // follows its parcel; the delivered one went before the network was used.
                var shipping = context
                if index == 1 { shipping.network = OrderParcels(dependencies: dependencies) }
                _ = try await OrderService(context: shipping).markShipped(
                    try order.requireID(),
                    shipment: try Shipment.validated(carrier: "zto", trackingNumber: "ZT73012233\(index)"),
                    by: sellerPrincipal, on: database)
            }
            if index == 2, let order = paid.orders.first {
                _ = try await OrderService(context: context).markDelivered(
                    try order.requireID(), by: sellerPrincipal, on: database)
            }
        }
    }
}

/// UUIDs from a seeded generator, for services that ask for fresh ids.
private final class DerivedIDs: Sendable {
    private let generator: NIOLockedValueBox<SeededGenerator>

    init(seed: UInt64) { generator = NIOLockedValueBox(SeededGenerator(seed: seed)) }

    func next() -> UUID {
        generator.withLockedValue { random in
            var bytes = [UInt8](repeating: 0, count: 16)
            for index in stride(from: 0, to: 16, by: 8) {
                let word = random.next()
                for offset in 0..<8 { bytes[index + offset] = UInt8(truncatingIfNeeded: word >> (8 * offset)) }
            }
            return UUID(derivedFrom: bytes)
        }
    }
}
