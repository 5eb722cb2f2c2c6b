import FluentKit
import Foundation

/// The county's parcel network, as the marketplace's ship step sees it: when a shop marks an
/// order shipped, the network may carry its parcel (an outbound parcel from the shop's village
/// station to the county hub) and give it a tracking number. Logistics implements it; the
/// marketplace only calls it, inside the ship step's transaction, so the order is shipped
/// exactly when its parcel exists.
public protocol ShipmentNetwork: Sendable {
    /// The shipment to record for `order`: `shipment` with the tracking number of the parcel
    /// the network now carries (issued when the shop left it empty), or `shipment` unchanged
    /// when the network does not carry this order (the shop's own delivery, a carrier the
    /// county does not serve, a village without a station).
    func carry(_ order: Order, as shipment: Shipment, by actorID: UUID?, on database: any Database) async throws
        -> Shipment
}
