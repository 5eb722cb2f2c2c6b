import FluentKit
import Foundation

/// Something a villager asked the station to do for them on another service: pay a bill, top up
/// a phone, buy a train ticket, file a government registration, send money. It is open until
/// the agent records how it ended: done with the service's receipt number (the fee then goes
/// into the drawer), or failed with the reason (no fee).
public final class ServiceRequest: Model, @unchecked Sendable {
    public static let schema = "service_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @OptionalField(key: "villager_id") public var villagerID: UUID?
    @Field(key: "kind") public var kind: Kind
    /// What to do, as the villager said it (an account number, a train and a date …).
    @Field(key: "details") public var details: String
    /// The station's fee, in fen, taken when the request is done.
    @Field(key: "fee_minor") public var feeMinor: Int64
    /// The provider that carries it out (`manual`: the agent, by hand).
    @Field(key: "provider") public var provider: String
    @Field(key: "status") public var status: Status
    /// The service's receipt or reference number, when done.
    @OptionalField(key: "receipt") public var receipt: String?
    /// Why it failed, when it did.
    @OptionalField(key: "failure") public var failure: String?
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "finished_by") public var finishedBy: UUID?
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    init(
        id: UUID, stationID: UUID, villagerID: UUID?, kind: Kind, details: String, feeMinor: Int64, provider: String,
        idempotencyKey: String, createdBy: UUID, createdAt: Date
    ) {
        self.id = id
        self.stationID = stationID
        self.villagerID = villagerID
        self.kind = kind
        self.details = details
        self.feeMinor = feeMinor
        self.provider = provider
        self.status = .open
        self.idempotencyKey = idempotencyKey
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The station's catalogue of services.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case utilityBill = "utility_bill"
        case phoneTopUp = "phone_top_up"
        case trainTicket = "train_ticket"
        case governmentRegistration = "government_registration"
        case remittance

        /// The fee a station usually asks, in fen; the agent may ask less or more within
        /// `ServiceDesk.feeRange`.
        public var usualFeeMinor: Int64 {
            switch self {
            case .utilityBill: 100
            case .phoneTopUp: 0
            case .trainTicket: 500
            case .governmentRegistration: 0
            case .remittance: 200
            }
        }
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case open, done, failed
    }
}
