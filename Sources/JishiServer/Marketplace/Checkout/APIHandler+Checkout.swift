import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func checkout(_ input: Operations.Checkout.Input) async throws -> Operations.Checkout.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let delivery = try Self.delivery(body.delivery)
        let method = Checkout.PaymentMethod(rawValue: body.paymentMethod.rawValue) ?? .online
        let key = input.headers.idempotencyKey
        let result: CheckoutService.Result
        if let items = body.items {
            let lines = try items.enumerated().map { index, item in
                CheckoutService.Item(
                    variantID: try Self.uuid(item.variantId, field: "items[\(index)].variantId"),
                    quantity: item.quantity)
            }
            result = try await request.jishi.checkouts.checkout(
                .init(items: lines, delivery: delivery, paymentMethod: method), idempotencyKey: key, by: principal,
                on: request.db)
        } else {
            result = try await request.jishi.checkouts.checkoutCart(
                delivery: delivery, paymentMethod: method, idempotencyKey: key, by: principal, on: request.db)
        }
        return .created(
            .init(
                body: .json(
                    .init(
                        checkoutId: try result.checkout.requireID().uuidString,
                        orders: try result.orders.map(APIMapping.orderSummary),
                        totalMinor: result.checkout.totalMinor, expiresAt: result.checkout.expiresAt))))
    }
}
