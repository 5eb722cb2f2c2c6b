import FluentKit
import Foundation

/// A collection booked at a station or pickup point: "30 parcels of peaches from 青河 station
/// tomorrow". Booking registers its parcels at once, each with a tracking number and a label,
/// waiting at the node for the day's outbound run.
public final class Booking: Model, @unchecked Sendable {
    public static let schema = "parcel_bookings"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "node_id") public var node: NetworkNode
    @Parent(key: "carrier_id") public var carrier: Carrier
    /// The day to collect (YYYY-MM-DD, Beijing time).
    @Field(key: "due_date") public var dueDate: String
    @Field(key: "parcel_count") public var parcelCount: Int
    /// Each parcel's weight.
    @Field(key: "weight_grams") public var weightGrams: Int
    /// What is in the parcels, in the sender's words ("桃子").
    @Field(key: "contents") public var contents: String
    /// The sender: the booking account's name and mobile number.
    @Field(key: "contact_name") public var contactName: String
    @OptionalField(key: "contact_phone") public var contactPhone: String?
    @Field(key: "booked_by") public var bookedBy: UUID
    /// The client's key: booking again with it returns this booking instead of a second one.
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        id: UUID, nodeID: UUID, carrierID: UUID, dueDate: String, parcelCount: Int, weightGrams: Int,
        contents: String, contactName: String, contactPhone: String?, bookedBy: UUID, idempotencyKey: String,
        createdAt: Date
    ) {
        self.id = id
        self.$node.id = nodeID
        self.$carrier.id = carrierID
        self.dueDate = dueDate
        self.parcelCount = parcelCount
        self.weightGrams = weightGrams
        self.contents = contents
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.bookedBy = bookedBy
        self.idempotencyKey = idempotencyKey
        self.createdAt = createdAt
    }
}
