import FluentKit
import Foundation

/// A station's consignment shop (代卖): a marketplace shop run by its agents in which every
/// product belongs to a consignor villager. One per station, opened by its first listing.
public final class ConsignmentShop: Model, @unchecked Sendable {
    public static let schema = "consignment_shops"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "shop_id") public var shopID: UUID
    @Field(key: "opened_at") public var openedAt: Date

    public init() {}

    init(id: UUID, stationID: UUID, shopID: UUID, openedAt: Date) {
        self.id = id
        self.stationID = stationID
        self.shopID = shopID
        self.openedAt = openedAt
    }
}

/// One consigned product with its consent record: the villager agreed to the price and to
/// their share of each sale, in front of a witness, and the agent wrote it down.
public final class ConsignmentListing: Model, @unchecked Sendable {
    public static let schema = "consignment_listings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "product_id") public var productID: UUID
    @Field(key: "villager_id") public var villagerID: UUID
    /// The price the consignor agreed to, in fen.
    @Field(key: "agreed_price_minor") public var agreedPriceMinor: Int64
    /// The consignor's share of each sale, in hundredths of a percent (9000 is 90 %).
    @Field(key: "consignor_share_bps") public var consignorShareBasisPoints: Int
    /// Who saw the villager agree (a neighbour, the village committee's clerk).
    @Field(key: "witness") public var witness: String
    @Field(key: "consent_at") public var consentAt: Date
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "idempotency_key") public var idempotencyKey: String

    public init() {}

    init(
        id: UUID, stationID: UUID, productID: UUID, villagerID: UUID, agreedPriceMinor: Int64,
        consignorShareBasisPoints: Int, witness: String, consentAt: Date, recordedBy: UUID, idempotencyKey: String
    ) {
        self.id = id
        self.stationID = stationID
        self.productID = productID
        self.villagerID = villagerID
        self.agreedPriceMinor = agreedPriceMinor
        self.consignorShareBasisPoints = consignorShareBasisPoints
        self.witness = witness
        self.consentAt = consentAt
        self.recordedBy = recordedBy
        self.idempotencyKey = idempotencyKey
    }
}

/// One line of a consignor's account, never edited: their share of a sale (positive), the
/// share given back when the sale is refunded (negative), or cash paid out at the counter
/// against a receipt (negative). What the station owes them is the sum of their lines.
public final class ConsignorLine: Model, @unchecked Sendable {
    public static let schema = "consignor_lines"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "villager_id") public var villagerID: UUID
    @Field(key: "kind") public var kind: Kind
    /// Signed, in fen: what the consignor is owed more (a sale) or less (a refund, a payout).
    @Field(key: "amount_minor") public var amountMinor: Int64
    /// What the share is of: the sale's line or the refund, in fen; the payout itself.
    @Field(key: "base_minor") public var baseMinor: Int64
    @OptionalField(key: "order_id") public var orderID: UUID?
    @OptionalField(key: "listing_id") public var listingID: UUID?
    /// The sale a refund line gives back part of.
    @OptionalField(key: "sale_id") public var saleID: UUID?
    /// The receipt number the villager signs for a payout.
    @OptionalField(key: "receipt") public var receipt: String?
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "at") public var at: Date

    public init() {}

    init(
        id: UUID, stationID: UUID, villagerID: UUID, kind: Kind, amountMinor: Int64, baseMinor: Int64,
        orderID: UUID? = nil, listingID: UUID? = nil, saleID: UUID? = nil, receipt: String? = nil,
        actorID: UUID? = nil, idempotencyKey: String, at: Date
    ) {
        self.id = id
        self.stationID = stationID
        self.villagerID = villagerID
        self.kind = kind
        self.amountMinor = amountMinor
        self.baseMinor = baseMinor
        self.orderID = orderID
        self.listingID = listingID
        self.saleID = saleID
        self.receipt = receipt
        self.actorID = actorID
        self.idempotencyKey = idempotencyKey
        self.at = at
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case sale, refund, payout
    }
}
