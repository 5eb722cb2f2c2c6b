import FluentKit
import Foundation
import JishiKit

/// One buyable form of a product (size, colour …) with its own price and stock.
///
/// `stock` only ever changes through single guarded statements
/// (`SET stock = stock - q WHERE id = ? AND stock >= q`), so it can never go negative.
public final class Variant: Model, @unchecked Sendable {
    public static let schema = "variants"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "product_id") public var product: Product
    @Field(key: "sku") public var sku: String
    @Field(key: "name") public var name: String
    @Field(key: "price_minor") public var priceMinor: Int64
    @Field(key: "currency") public var currency: Currency
    @Field(key: "stock") public var stock: Int
    @Field(key: "weight_grams") public var weightGrams: Int
    /// The producer's variant a linked variant resells: stock is taken from it, and the
    /// reseller's own `stock` stays 0.
    @OptionalField(key: "source_variant_id") public var sourceVariantID: UUID?

    public init() {}

    public init(
        id: UUID? = nil, productID: UUID, sku: String, name: String, price: Money, stock: Int, weightGrams: Int
    ) {
        self.id = id
        self.$product.id = productID
        self.sku = sku
        self.name = name
        self.priceMinor = price.minorUnits
        self.currency = price.currency
        self.stock = stock
        self.weightGrams = weightGrams
    }

    public var price: Money { Money(minorUnits: priceMinor, currency: currency) }

    /// What a buyer or a packer calls it: its name ("红色 L"), or the stock code where the
    /// seller gave it no name.
    public var label: String { name.isEmpty ? sku : name }
}
