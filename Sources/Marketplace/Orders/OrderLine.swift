import FluentKit
import Foundation
import JishiKit

/// One variant in an order, with the price and commission rate fixed at the time of sale.
public final class OrderLine: Model, @unchecked Sendable {
    public static let schema = "order_lines"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "order_id") public var order: Order
    @Parent(key: "variant_id") public var variant: Variant
    @Field(key: "title") public var title: String
    @Field(key: "sku") public var sku: String
    /// The variant's name at the time of sale ("红色 L"); empty for a product of one kind.
    @Field(key: "variant_name") public var variantName: String
    @Field(key: "unit_price_minor") public var unitPriceMinor: Int64
    @Field(key: "quantity") public var quantity: Int
    @Field(key: "commission_bps") public var commissionBasisPoints: Int
    /// The order's `createdAt`, copied at sale: the month PostgreSQL files the line under, beside
    /// its order (`PartitionOrdersByMonth`). Set by checkout; nil only on SQLite rows from
    /// before `AddOrderMonthColumns`, which fills it in.
    @OptionalField(key: "order_created_at") public var orderCreatedAt: Date?

    public init() {}

    public init(
        id: UUID, orderID: UUID, variantID: UUID, title: String, variantName: String, sku: String,
        unitPriceMinor: Int64, quantity: Int, commissionBasisPoints: Int
    ) {
        self.id = id
        self.$order.id = orderID
        self.$variant.id = variantID
        self.title = title
        self.variantName = variantName
        self.sku = sku
        self.unitPriceMinor = unitPriceMinor
        self.quantity = quantity
        self.commissionBasisPoints = commissionBasisPoints
    }

    public var totalMinor: Int64 { unitPriceMinor * Int64(quantity) }

    /// The product and the kind, as a buyer and a packer read it: "明制马面裙 · 红色 L".
    public var description: String { variantName.isEmpty ? title : title + " · " + variantName }
}
