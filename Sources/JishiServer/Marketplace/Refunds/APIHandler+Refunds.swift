import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
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

    func refundStep(
        _ id: String, _ step: (RefundService, UUID, Principal, any Database) async throws -> Refund
    ) async throws -> Components.Schemas.Refund {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        return try APIMapping.refund(
            try await step(request.jishi.refunds, try Self.uuid(id, field: "refundId"), principal, request.db))
    }
}
