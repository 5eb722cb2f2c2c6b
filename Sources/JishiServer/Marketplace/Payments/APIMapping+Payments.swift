import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func paymentResult(_ result: PaymentService.Result) throws -> Components.Schemas.PaymentResult {
        Components.Schemas.PaymentResult(
            paymentId: try result.payment.requireID().uuidString,
            status: .init(rawValue: result.payment.status.rawValue) ?? .pending,
            orders: try result.orders.map(orderSummary))
    }
}
