import FluentKit
import Foundation
import JishiKit

/// Who else must know, in the same transaction, that orders were paid or money went back:
/// the stations' consignment shops, whose consignors earn a share of each sale. The
/// marketplace only calls it; none in a marketplace on its own.
public protocol SaleObserver: Sendable {
    /// `orders` have just been paid (inside the payment's transaction).
    func paid(_ orders: [Order], by actorID: UUID?, on database: any Database) async throws

    /// `amount` of `orderID` has just been refunded by `refundID` (inside the refund's
    /// transaction).
    func refunded(_ amount: Money, ofOrder orderID: UUID, refundID: UUID, on database: any Database) async throws
}
