import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func listMyOrders(_ input: Operations.ListMyOrders.Input) async throws -> Operations.ListMyOrders.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let page = try await request.jishi.orders.orders(
            ofBuyer: principal, status: try Self.orderStatus(input.query.status),
            page: PageRequest(limit: input.query.limit, offset: input.query.offset), on: request.db)
        return .ok(.init(body: .json(try APIMapping.orderPage(page))))
    }

    func shipOrder(_ input: Operations.ShipOrder.Input) async throws -> Operations.ShipOrder.Output {
        .ok(.init(body: .json(try await orderStep(input.path.id) { try await $0.markShipped($1, by: $2, on: $3) })))
    }

    func deliverOrder(_ input: Operations.DeliverOrder.Input) async throws -> Operations.DeliverOrder.Output {
        .ok(.init(body: .json(try await orderStep(input.path.id) { try await $0.markDelivered($1, by: $2, on: $3) })))
    }

    func confirmReceipt(_ input: Operations.ConfirmReceipt.Input) async throws -> Operations.ConfirmReceipt.Output {
        .ok(.init(body: .json(try await orderStep(input.path.id) { try await $0.confirmReceipt($1, by: $2, on: $3) })))
    }

    func requestRefund(_ input: Operations.RequestRefund.Input) async throws -> Operations.RequestRefund.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let refund = try await request.jishi.refunds.request(
            orderID: try Self.uuid(input.path.id, field: "id"), amountMinor: body.amountMinor, reason: body.reason,
            requiresReturn: body.requiresReturn ?? false, by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.refund(refund))))
    }

    func approveRefund(_ input: Operations.ApproveRefund.Input) async throws -> Operations.ApproveRefund.Output {
        .ok(.init(body: .json(try await refundStep(input.path.refundId) { try await $0.approve($1, by: $2, on: $3) })))
    }

    func rejectRefund(_ input: Operations.RejectRefund.Input) async throws -> Operations.RejectRefund.Output {
        .ok(.init(body: .json(try await refundStep(input.path.refundId) { try await $0.reject($1, by: $2, on: $3) })))
    }

    func confirmReturn(_ input: Operations.ConfirmReturn.Input) async throws -> Operations.ConfirmReturn.Output {
        .ok(
            .init(
                body: .json(
                    try await refundStep(input.path.refundId) { try await $0.confirmReturn($1, by: $2, on: $3) })))
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

    /// One move of an order's state machine, answered with the whole order.
    private func orderStep(
        _ id: String, _ step: (OrderService, UUID, Principal, any Database) async throws -> Order
    ) async throws -> Components.Schemas.Order {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let order = try await step(request.jishi.orders, try Self.uuid(id, field: "id"), principal, request.db)
        return try await APIMapping.order(order, on: request.db)
    }

    private func refundStep(
        _ id: String, _ step: (RefundService, UUID, Principal, any Database) async throws -> Refund
    ) async throws -> Components.Schemas.Refund {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        return try APIMapping.refund(
            try await step(request.jishi.refunds, try Self.uuid(id, field: "refundId"), principal, request.db))
    }
}
