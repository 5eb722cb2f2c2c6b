import Community
import FluentKit
import Foundation
import JishiKit

/// An order with everything its page shows: its lines, its history and its refunds.
public struct OrderDetail: Sendable {
    public var order: Order
    public var shop: Shop
    public var lines: [OrderLine]
    public var events: [OrderEvent]
    public var refunds: [Refund]
}
