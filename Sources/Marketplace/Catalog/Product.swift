import Community
import FluentKit
import Foundation

/// A product a shop lists; what is bought is one of its variants.
public final class Product: Model, @unchecked Sendable {
    public static let schema = "products"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "shop_id") public var shop: Shop
    @Parent(key: "category_id") public var category: Category
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @OptionalParent(key: "origin_village_id") public var originVillage: Village?
    @Field(key: "listed") public var listed: Bool
    /// The producer's product this one resells, for a linked listing; its stock is the producer's.
    @OptionalField(key: "source_product_id") public var sourceProductID: UUID?
    /// Why the county office took the product off sale for good (a decided copy of a filed
    /// design); its shop cannot list it again.
    @OptionalField(key: "held_reason") public var heldReason: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Children(for: \.$product) public var variants: [Variant]

    public init() {}

    public init(
        id: UUID? = nil, shopID: UUID, categoryID: UUID, title: String, description: String, originVillageID: UUID?
    ) {
        self.id = id
        self.$shop.id = shopID
        self.$category.id = categoryID
        self.title = title
        self.description = description
        self.$originVillage.id = originVillageID
        self.listed = true
    }
}
