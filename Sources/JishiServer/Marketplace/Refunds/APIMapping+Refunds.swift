import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func refund(_ refund: Refund) throws -> Components.Schemas.Refund {
        Components.Schemas.Refund(
            id: try refund.requireID().uuidString, orderId: refund.$order.id.uuidString,
            amountMinor: refund.amountMinor, reason: refund.reason, requiresReturn: refund.requiresReturn,
            status: .init(rawValue: refund.status.rawValue) ?? .requested, requestedAt: refund.requestedAt,
            decidedAt: refund.decidedAt, refundedAt: refund.refundedAt)
    }
}
