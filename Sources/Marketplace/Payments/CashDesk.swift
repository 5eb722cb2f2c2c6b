import FluentKit
import Foundation
import JishiKit

/// The stations' cash drawers, as the marketplace sees them. The stations module implements
/// it; the marketplace only calls it, inside the transaction that pays or refunds, so the cash
/// is in a drawer exactly when the order is paid, and out of it exactly when it is refunded.
public protocol CashDesk: Sendable {
    /// The station at whose counter the cash for this checkout is paid: the station an agent
    /// ordered it at, else the station (or pickup point) of the village it goes to; `nil`
    /// when that village has none.
    func station(forCheckout checkoutID: UUID, deliveredTo villageID: UUID, on database: any Database)
        async throws -> UUID?

    /// The villager's cash for `checkoutID` went into the station's drawer.
    func took(
        _ amount: Money, forCheckout checkoutID: UUID, at stationID: UUID, by actorID: UUID,
        on database: any Database
    ) async throws

    /// The refund `refundID` of an order paid in cash at a station is handed back in cash from
    /// the drawer that took it.
    func handBack(
        _ amount: Money, forCheckout checkoutID: UUID, refundID: UUID, by actorID: UUID?, on database: any Database
    ) async throws
}
