import Community
import FluentKit
import Foundation

/// A villager without an account, registered at a station's counter with their consent: the
/// agent orders, sells and pays out for them. Only the last digits of an ID number are kept,
/// to recognise them at the counter; never the whole number.
public final class Villager: Model, @unchecked Sendable {
    public static let schema = "villagers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "name") public var name: String
    @OptionalField(key: "household_id") public var householdID: UUID?
    /// A mainland mobile number's 11 digits, when they have one.
    @OptionalField(key: "phone") public var phone: String?
    /// The last four characters of their ID number (digits, or a final X).
    @OptionalField(key: "id_digits") public var idDigits: String?
    /// When they agreed to be registered, and the agent who witnessed it.
    @Field(key: "consent_at") public var consentAt: Date
    @Field(key: "consent_witness_id") public var consentWitnessID: UUID
    @OptionalField(key: "idempotency_key") public var idempotencyKey: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(
        id: UUID, stationID: UUID, name: String, householdID: UUID?, phone: String?, idDigits: String?,
        witness: UUID, idempotencyKey: String?, at: Date
    ) {
        self.id = id
        self.stationID = stationID
        self.name = name
        self.householdID = householdID
        self.phone = phone
        self.idDigits = idDigits
        self.consentAt = at
        self.consentWitnessID = witness
        self.idempotencyKey = idempotencyKey
        self.createdAt = at
    }

    /// How a list shows the villager to someone who is not the station's agent: the name masked
    /// after its first character, the phone masked in the middle, no ID digits.
    public func masked() -> Villager {
        let copy = Villager(
            id: id ?? UUID(), stationID: stationID, name: Account.maskedName(name), householdID: householdID,
            phone: phone.map { PhoneNumber(stored: $0).masked }, idDigits: nil, witness: consentWitnessID,
            idempotencyKey: nil, at: createdAt)
        copy.consentAt = consentAt
        return copy
    }
}
