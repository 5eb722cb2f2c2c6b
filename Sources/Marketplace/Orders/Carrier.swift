/// Who carries a shipped order: the express companies that serve the county's villages, or
/// the shop itself (a villager who takes it to the buyer or the station by hand).
public enum Carrier: String, CaseIterable, Codable, Sendable {
    case zto, yto, sto, yunda, jt, sf, ems, jd
    case shop

    /// Whether a parcel of this carrier has a tracking number to give the buyer.
    public var hasTrackingNumbers: Bool { self != .shop }
}
