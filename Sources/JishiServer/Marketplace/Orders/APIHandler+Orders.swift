import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func getOrder(_ input: Operations.GetOrder.Input) async throws -> Operations.GetOrder.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let order = try await request.jishi.orders.order(
            try Self.uuid(input.path.id, field: "id"), for: principal, on: request.db)
        return .ok(.init(body: .json(try await APIMapping.order(order, on: request.db))))
    }

    func cancelOrder(_ input: Operations.CancelOrder.Input) async throws -> Operations.CancelOrder.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        var reason = "cancelled"
        if case .json(let body)? = input.body, let given = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines),
            !given.isEmpty
        {
            reason = given
        }
        let order = try await request.jishi.orders.cancel(
            try Self.uuid(input.path.id, field: "id"), by: principal, reason: reason, on: request.db)
        return .ok(.init(body: .json(try await APIMapping.order(order, on: request.db))))
    }

    func listMyOrders(_ input: Operations.ListMyOrders.Input) async throws -> Operations.ListMyOrders.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let page = try await request.jishi.orders.orders(
            ofBuyer: principal, status: try Self.orderStatus(input.query.status),
            page: PageRequest(limit: input.query.limit, offset: input.query.offset), on: request.db)
        return .ok(.init(body: .json(try APIMapping.orderPage(page))))
    }

    func shipOrder(_ input: Operations.ShipOrder.Input) async throws -> Operations.ShipOrder.Output {
        var shipment: Shipment?
        if case .json(let body) = input.body {
            shipment = try Shipment.validated(carrier: body.carrier.rawValue, trackingNumber: body.trackingNumber)
        }
        return .ok(
            .init(
                body: .json(
                    try await orderStep(input.path.id) { [shipment] in
                        try await $0.markShipped($1, shipment: shipment, by: $2, on: $3)
                    })))
    }

    func deliverOrder(_ input: Operations.DeliverOrder.Input) async throws -> Operations.DeliverOrder.Output {
        .ok(.init(body: .json(try await orderStep(input.path.id) { try await $0.markDelivered($1, by: $2, on: $3) })))
    }

    func confirmReceipt(_ input: Operations.ConfirmReceipt.Input) async throws -> Operations.ConfirmReceipt.Output {
        .ok(.init(body: .json(try await orderStep(input.path.id) { try await $0.confirmReceipt($1, by: $2, on: $3) })))
    }

    /// One move of an order's state machine, answered with the whole order.
    func orderStep(
        _ id: String, _ step: (OrderService, UUID, Principal, any Database) async throws -> Order
    ) async throws -> Components.Schemas.Order {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let order = try await step(request.jishi.orders, try Self.uuid(id, field: "id"), principal, request.db)
        return try await APIMapping.order(order, on: request.db)
    }
}
