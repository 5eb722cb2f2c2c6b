import Community
import FluentKit
import Foundation

/// A parcel the county network carries, in one direction, with exactly one holder at every
/// moment (`holder`, moved only by `ParcelService.handOver`, which records every hand-over).
public final class Parcel: Model, @unchecked Sendable {
    public static let schema = "parcels"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "carrier_id") public var carrier: Carrier
    /// Unique per carrier.
    @Field(key: "tracking_number") public var trackingNumber: String
    @Field(key: "direction") public var direction: Direction
    @Field(key: "weight_grams") public var weightGrams: Int
    /// Cash the recipient pays on delivery, in fen.
    @OptionalField(key: "cod_minor") public var codMinor: Int64?
    /// The recipient of an inbound parcel, the sender of an outbound one.
    @Field(key: "contact_name") public var contactName: String
    /// Their mobile number's 11 digits; shown masked to all but those who need it.
    @OptionalField(key: "contact_phone") public var contactPhone: String?
    /// The village it goes to (inbound) or comes from (outbound).
    @Parent(key: "village_id") public var village: Village
    @Parent(key: "origin_node_id") public var origin: NetworkNode
    @Parent(key: "destination_node_id") public var destination: NetworkNode
    /// The day it is due to move (YYYY-MM-DD, Beijing time).
    @Field(key: "due_date") public var dueDate: String
    /// Who holds it now (`Holder.rawValue`).
    @Field(key: "holder") public var holder: String
    /// Counts its hand-overs: each one moves it from the version it read.
    @Field(key: "custody_version") public var custodyVersion: Int
    @Field(key: "created_at") public var createdAt: Date
    /// The marketplace order it carries, when a village shop's shipped order made it.
    @OptionalField(key: "order_id") public var orderID: UUID?
    /// The booked collection it belongs to, when a booking made it.
    @OptionalField(key: "booking_id") public var bookingID: UUID?

    public init() {}

    public init(
        id: UUID, carrierID: UUID, trackingNumber: String, direction: Direction, weightGrams: Int, codMinor: Int64?,
        contactName: String, contactPhone: String?, villageID: UUID, originID: UUID, destinationID: UUID,
        dueDate: String, holder: Holder, createdAt: Date
    ) {
        self.id = id
        self.$carrier.id = carrierID
        self.trackingNumber = trackingNumber
        self.direction = direction
        self.weightGrams = weightGrams
        self.codMinor = codMinor
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.$village.id = villageID
        self.$origin.id = originID
        self.$destination.id = destinationID
        self.dueDate = dueDate
        self.holder = holder.rawValue
        self.custodyVersion = 0
        self.createdAt = createdAt
    }

    public var currentHolder: Holder? { Holder(rawValue: holder) }

    public enum Direction: String, Codable, Sendable, CaseIterable {
        /// To a village: from the carrier, through the hub, to the village's station.
        case inbound
        /// From a village: collected at its station, carried to the hub for the carrier.
        case outbound
    }
}

/// Who holds a parcel: the carrier (before the hub has it, and after it hands it back), a node
/// of the network, a vehicle's run, or the recipient.
public enum Holder: Hashable, Sendable {
    case carrier
    case node(UUID)
    case run(UUID)
    case recipient

    public var rawValue: String {
        switch self {
        case .carrier: "carrier"
        case .node(let id): "node:" + id.uuidString.lowercased()
        case .run(let id): "run:" + id.uuidString.lowercased()
        case .recipient: "recipient"
        }
    }

    public init?(rawValue: String) {
        switch rawValue {
        case "carrier": self = .carrier
        case "recipient": self = .recipient
        default:
            let parts = rawValue.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let id = UUID(uuidString: String(parts[1])) else { return nil }
            switch parts[0] {
            case "node": self = .node(id)
            case "run": self = .run(id)
            default: return nil
            }
        }
    }
}
