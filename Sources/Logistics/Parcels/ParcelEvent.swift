import FluentKit
import Foundation

/// One hand-over of a parcel (or its registration): from whom, to whom, by whom, when and where.
public final class ParcelEvent: Model, @unchecked Sendable {
    public static let schema = "parcel_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "parcel_id") public var parcel: Parcel
    /// The parcel's custody version after this event: 0 for its registration, then 1, 2 …
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "kind") public var kind: Kind
    @OptionalField(key: "from_holder") public var fromHolder: String?
    @Field(key: "to_holder") public var toHolder: String
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @OptionalField(key: "node_id") public var nodeID: UUID?
    @Field(key: "note") public var note: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(
        id: UUID, parcelID: UUID, sequence: Int, kind: Kind, from: Holder?, to: Holder, actorID: UUID?, nodeID: UUID?,
        note: String = "", at: Date
    ) {
        self.id = id
        self.$parcel.id = parcelID
        self.sequence = sequence
        self.kind = kind
        self.fromHolder = from?.rawValue
        self.toHolder = to.rawValue
        self.actorID = actorID
        self.nodeID = nodeID
        self.note = note
        self.at = at
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Entered the network (a manifest, a booking).
        case registered
        /// Changed hands.
        case handedOver = "handed_over"
        /// A delivery or collection that did not happen; it stays where it was.
        case failed
        /// Given to the recipient.
        case delivered
        /// Sent back the way it came.
        case returned
        /// Not collected in time: it turns round at the node and goes back to the hub with the
        /// next run.
        case sentBack = "sent_back"
    }
}
