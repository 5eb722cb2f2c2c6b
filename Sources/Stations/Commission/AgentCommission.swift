import FluentKit
import Foundation

/// One line of an agent's commission: earned on a sale at the counter at the rate in force at
/// the time of the sale, or given back (a negative line) when the sale is refunded. Never
/// edited; `idempotency_key` is unique, so a retried sale or refund earns or gives back once.
public final class AgentCommission: Model, @unchecked Sendable {
    public static let schema = "agent_commissions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    /// The agent who took the sale's cash.
    @OptionalField(key: "agent_id") public var agentID: UUID?
    @Field(key: "source") public var source: Source
    /// The assisted order's checkout (or the consignment sale) the line is for.
    @Field(key: "reference_id") public var referenceID: UUID
    /// What the commission is a share of, in fen: the sale (positive) or the refund (negative).
    @Field(key: "base_minor") public var baseMinor: Int64
    /// The rate fixed at the time of the sale, in hundredths of a percent (400 is 4 %).
    @Field(key: "basis_points") public var basisPoints: Int
    /// The commission, in fen: negative for a refund.
    @Field(key: "amount_minor") public var amountMinor: Int64
    /// The month it counts in (YYYY-MM, Beijing time).
    @Field(key: "month") public var month: String
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "at") public var at: Date

    public init() {}

    init(
        id: UUID, stationID: UUID, agentID: UUID?, source: Source, referenceID: UUID, baseMinor: Int64,
        basisPoints: Int, amountMinor: Int64, month: String, idempotencyKey: String, at: Date
    ) {
        self.id = id
        self.stationID = stationID
        self.agentID = agentID
        self.source = source
        self.referenceID = referenceID
        self.baseMinor = baseMinor
        self.basisPoints = basisPoints
        self.amountMinor = amountMinor
        self.month = month
        self.idempotencyKey = idempotencyKey
        self.at = at
    }

    /// What earned the commission.
    public enum Source: String, Codable, Sendable, CaseIterable {
        /// An order bought for a villager and paid in cash at the counter (代买).
        case assistedOrder = "assisted_order"
        /// A consignor villager's goods sold by the station (代卖).
        case consignmentSale = "consignment_sale"
    }
}

/// A county's commission rate for its station agents, from a moment on. The rate in force is
/// the newest one set; a county that never set one pays `CommissionService.defaultBasisPoints`.
public final class CommissionRate: Model, @unchecked Sendable {
    public static let schema = "commission_rates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "county_id") public var countyID: UUID
    @Field(key: "basis_points") public var basisPoints: Int
    @Field(key: "set_by") public var setBy: UUID
    @Field(key: "set_at") public var setAt: Date

    public init() {}

    init(id: UUID, countyID: UUID, basisPoints: Int, setBy: UUID, setAt: Date) {
        self.id = id
        self.countyID = countyID
        self.basisPoints = basisPoints
        self.setBy = setBy
        self.setAt = setAt
    }
}
