import FluentKit
import Foundation

/// A parcel handed out at a station's counter: to whom it went, on what proof, with their
/// signature, and the cash on delivery taken for it. One per parcel.
public final class CounterHandout: Model, @unchecked Sendable {
    public static let schema = "counter_handouts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "parcel_id") public var parcelID: UUID
    @Field(key: "proof") public var proof: Proof
    /// The name the recipient signed with.
    @Field(key: "signature") public var signature: String
    /// The villager whose ID digits the agent checked, for that proof.
    @OptionalField(key: "villager_id") public var villagerID: UUID?
    /// Cash on delivery taken into the drawer.
    @OptionalField(key: "cod_minor") public var codMinor: Int64?
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "handed_out_by") public var handedOutBy: UUID
    @Field(key: "at") public var at: Date

    public init() {}

    init(
        id: UUID, stationID: UUID, parcelID: UUID, proof: Proof, signature: String, villagerID: UUID?,
        codMinor: Int64?, idempotencyKey: String, by agentID: UUID, at: Date
    ) {
        self.id = id
        self.stationID = stationID
        self.parcelID = parcelID
        self.proof = proof
        self.signature = signature
        self.villagerID = villagerID
        self.codMinor = codMinor
        self.idempotencyKey = idempotencyKey
        self.handedOutBy = agentID
        self.at = at
    }

    /// How the agent knew the person at the counter was the parcel's recipient.
    public enum Proof: String, Codable, Sendable, CaseIterable {
        /// The last four digits of the phone the parcel was sent to.
        case phone
        /// The last four characters of the ID card of a villager registered at the station.
        case idCard = "id_card"
    }
}
