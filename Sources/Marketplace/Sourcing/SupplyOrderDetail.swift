import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// A supply order with its lines, history and credits.
public struct SupplyOrderDetail: Sendable {
    public var order: SupplyOrder
    public var lines: [SupplyOrderLine]
    public var events: [SupplyOrderEvent]
    public var credits: [SupplyCredit]
}
