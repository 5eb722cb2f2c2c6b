import FluentKit
import Foundation

/// A day's close at a station: the agent counted the drawer; the difference from what the
/// ledger says it holds is recorded and explained; the county confirms it received the
/// takings. One per station and day; never edited except to add the county's confirmation.
public final class CashClose: Model, @unchecked Sendable {
    public static let schema = "cash_closes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    /// The business day closed (YYYY-MM-DD, Beijing time).
    @Field(key: "business_day") public var businessDay: String
    /// What the drawer held by the ledger at the close.
    @Field(key: "expected_minor") public var expectedMinor: Int64
    @Field(key: "counted_minor") public var countedMinor: Int64
    /// Counted minus expected: over (positive) or short (negative).
    @Field(key: "difference_minor") public var differenceMinor: Int64
    /// What stayed in the drawer for change; the rest of the count went to the county.
    @Field(key: "kept_minor") public var keptMinor: Int64
    /// Why the count differs; required when it does.
    @OptionalField(key: "explanation") public var explanation: String?
    @Field(key: "closed_by") public var closedBy: UUID
    @Field(key: "closed_at") public var closedAt: Date
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "request_digest") public var requestDigest: String
    /// The county's confirmation that the takings (what was counted) reached it.
    @OptionalField(key: "confirmed_by") public var confirmedBy: UUID?
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?

    public init() {}

    init(
        id: UUID, stationID: UUID, businessDay: String, expectedMinor: Int64, countedMinor: Int64,
        explanation: String?, closedBy: UUID, at: Date, idempotencyKey: String, requestDigest: String
    ) {
        self.id = id
        self.stationID = stationID
        self.businessDay = businessDay
        self.expectedMinor = expectedMinor
        self.countedMinor = countedMinor
        self.differenceMinor = countedMinor - expectedMinor
        self.keptMinor = 0
        self.explanation = explanation
        self.closedBy = closedBy
        self.closedAt = at
        self.idempotencyKey = idempotencyKey
        self.requestDigest = requestDigest
    }
}
