import FluentKit
import Foundation

/// One producer variant in a supply order, at the wholesale tier price for its quantity.
public final class SupplyOrderLine: Model, @unchecked Sendable {
    public static let schema = "supply_order_lines"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "supply_order_id") public var supplyOrder: SupplyOrder
    @Parent(key: "variant_id") public var variant: Variant
    @OptionalField(key: "retail_line_id") public var retailLineID: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "sku") public var sku: String
    /// The producer's variant's name at the time of the order ("红色 L").
    @Field(key: "variant_name") public var variantName: String
    @Field(key: "unit_price_minor") public var unitPriceMinor: Int64
    @Field(key: "quantity") public var quantity: Int

    public init() {}

    public init(
        id: UUID, supplyOrderID: UUID, variantID: UUID, retailLineID: UUID?, title: String, variantName: String,
        sku: String, unitPriceMinor: Int64, quantity: Int
    ) {
        self.id = id
        self.$supplyOrder.id = supplyOrderID
        self.$variant.id = variantID
        self.retailLineID = retailLineID
        self.title = title
        self.variantName = variantName
        self.sku = sku
        self.unitPriceMinor = unitPriceMinor
        self.quantity = quantity
    }

    public var totalMinor: Int64 { unitPriceMinor * Int64(quantity) }

    /// The product and the kind, as the packer reads it: "明制马面裙 · 红色 L".
    public var description: String { variantName.isEmpty ? title : title + " · " + variantName }
}
