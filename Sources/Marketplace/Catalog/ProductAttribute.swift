import FluentKit
import Foundation

/// A named property of a product (material 面料: 棉, size range, harvest date …), shown in
/// its page in the order the seller gave.
public final class ProductAttribute: Model, @unchecked Sendable {
    public static let schema = "product_attributes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "product_id") public var product: Product
    @Field(key: "position") public var position: Int
    @Field(key: "name") public var name: String
    @Field(key: "value") public var value: String

    public init() {}

    public init(id: UUID, productID: UUID, position: Int, name: String, value: String) {
        self.id = id
        self.$product.id = productID
        self.position = position
        self.name = name
        self.value = value
    }
}
