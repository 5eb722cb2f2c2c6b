import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func payCheckout(_ input: Operations.PayCheckout.Input) async throws -> Operations.PayCheckout.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let result = try await request.jishi.payments.pay(
            checkoutID: try Self.uuid(input.path.checkoutId, field: "checkoutId"), provider: body.provider.rawValue,
            token: body.token, idempotencyKey: input.headers.idempotencyKey, by: principal, on: request.db)
        let answer = try APIMapping.paymentResult(result)
        return result.payment.status == .pending
            ? .accepted(.init(body: .json(answer))) : .created(.init(body: .json(answer)))
    }

    func confirmCashPayment(_ input: Operations.ConfirmCashPayment.Input) async throws
        -> Operations.ConfirmCashPayment.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let result = try await request.jishi.payments.confirmCash(
            checkoutID: try Self.uuid(input.path.checkoutId, field: "checkoutId"), amountMinor: body.amountMinor,
            idempotencyKey: input.headers.idempotencyKey, by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.paymentResult(result))))
    }
}
