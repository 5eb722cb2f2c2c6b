import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func offerToResellers(_ input: Operations.OfferToResellers.Input) async throws
        -> Operations.OfferToResellers.Output
    {
        let (request, principal) = try await signedIn()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        var tiers: [UUID: [PriceTiers.Tier]] = [:]
        for (index, variant) in body.variants.enumerated() {
            let id = try Self.uuid(variant.variantId, field: "variants[\(index)].variantId")
            guard tiers[id] == nil else {
                throw Problem.validation("variants[\(index)].variantId", "Each variant once.")
            }
            tiers[id] = variant.tiers.map { .init(minQuantity: $0.minQuantity, unitPriceMinor: $0.unitPriceMinor) }
        }
        let detail = try await request.jishi.sourcing.offer(
            productID: try Self.uuid(input.path.id, field: "id"),
            audience: SourcingOffer.Audience(rawValue: body.audience.rawValue) ?? .approved, tiers: tiers,
            by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.sourcingOffer(detail))))
    }

    func withdrawSourcingOffer(_ input: Operations.WithdrawSourcingOffer.Input) async throws
        -> Operations.WithdrawSourcingOffer.Output
    {
        let (request, principal) = try await signedIn()
        try await request.jishi.sourcing.withdraw(
            productID: try Self.uuid(input.path.id, field: "id"), by: principal, on: request.db)
        return .noContent(.init())
    }

    func listSourcingCatalogue(_ input: Operations.ListSourcingCatalogue.Input) async throws
        -> Operations.ListSourcingCatalogue.Output
    {
        let (request, principal) = try await signedIn()
        let page = try await request.jishi.sourcing.catalogue(
            forReseller: try Self.uuid(input.path.shopId, field: "shopId"),
            page: PageRequest(limit: input.query.limit, offset: input.query.offset), by: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try page.items.map(APIMapping.sourcingOffer), total: page.total,
                        limit: page.request.limit, offset: page.request.offset))))
    }

    func linkProduct(_ input: Operations.LinkProduct.Input) async throws -> Operations.LinkProduct.Output {
        let (request, principal) = try await signedIn()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let prices = try body.variants.enumerated().map { index, variant in
            (try Self.uuid(variant.sourceVariantId, field: "variants[\(index)].sourceVariantId"), variant.priceMinor)
        }
        let (product, variants) = try await request.jishi.sourcing.link(
            sourceProductID: try Self.uuid(body.sourceProductId, field: "sourceProductId"),
            into: try Self.uuid(input.path.shopId, field: "shopId"), title: body.title, description: body.description,
            prices: prices, by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.product(product, variants))))
    }

    func requestResellerApproval(_ input: Operations.RequestResellerApproval.Input) async throws
        -> Operations.RequestResellerApproval.Output
    {
        let (request, principal) = try await signedIn()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let approval = try await request.jishi.sourcing.requestApproval(
            producerShopID: try Self.uuid(input.path.shopId, field: "shopId"),
            resellerShopID: try Self.uuid(body.resellerShopId, field: "resellerShopId"),
            message: body.message ?? "", by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.approval(approval, resellerName: nil))))
    }

    func listResellerRequests(_ input: Operations.ListResellerRequests.Input) async throws
        -> Operations.ListResellerRequests.Output
    {
        let (request, principal) = try await signedIn()
        let approvals = try await request.jishi.sourcing.approvals(
            ofProducer: try Self.uuid(input.path.shopId, field: "shopId"), by: principal, on: request.db)
        let resellers = try await request.jishi.shops.shops(withIDs: approvals.map(\.$reseller.id), on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try approvals.map {
                            try APIMapping.approval($0, resellerName: resellers[$0.$reseller.id]?.name)
                        })
                )))
    }

    func decideResellerRequest(_ input: Operations.DecideResellerRequest.Input) async throws
        -> Operations.DecideResellerRequest.Output
    {
        let (request, principal) = try await signedIn()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let approval = try await request.jishi.sourcing.decide(
            try Self.uuid(input.path.approvalId, field: "approvalId"),
            producerShopID: try Self.uuid(input.path.shopId, field: "shopId"),
            decision: SourcingService.Decision(rawValue: body.decision.rawValue) ?? .reject, by: principal,
            on: request.db)
        return .ok(.init(body: .json(try APIMapping.approval(approval, resellerName: nil))))
    }

    func listSupplyOrders(_ input: Operations.ListSupplyOrders.Input) async throws
        -> Operations.ListSupplyOrders.Output
    {
        let (request, principal) = try await signedIn()
        let page = try await request.jishi.supply.orders(
            ofShop: try Self.uuid(input.path.shopId, field: "shopId"),
            side: input.query.side.flatMap { SupplyService.Side(rawValue: $0.rawValue) } ?? .reseller,
            status: try Self.orderStatus(input.query.status),
            page: PageRequest(limit: input.query.limit, offset: input.query.offset), by: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try page.items.map(APIMapping.supplyOrderSummary), total: page.total,
                        limit: page.request.limit, offset: page.request.offset))))
    }

    func placeBulkOrder(_ input: Operations.PlaceBulkOrder.Input) async throws -> Operations.PlaceBulkOrder.Output {
        let (request, principal) = try await signedIn()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let items = try body.items.enumerated().map { index, item in
            SupplyService.Item(
                variantID: try Self.uuid(item.variantId, field: "items[\(index)].variantId"), quantity: item.quantity)
        }
        let (order, replayed) = try await request.jishi.supply.placeBulk(
            from: try Self.uuid(input.path.shopId, field: "shopId"), items: items,
            delivery: try Self.delivery(body.delivery), idempotencyKey: input.headers.idempotencyKey, by: principal,
            on: request.db)
        let detail = try await request.jishi.supply.detail(order.requireID(), for: principal, on: request.db)
        let mapped = try APIMapping.supplyOrder(detail)
        return replayed ? .ok(.init(body: .json(mapped))) : .created(.init(body: .json(mapped)))
    }

    func getSupplyOrder(_ input: Operations.GetSupplyOrder.Input) async throws -> Operations.GetSupplyOrder.Output {
        .ok(.init(body: .json(try await supplyStep(input.path.supplyOrderId) { _, _, _, _ in })))
    }

    func shipSupplyOrder(_ input: Operations.ShipSupplyOrder.Input) async throws -> Operations.ShipSupplyOrder.Output {
        .ok(
            .init(
                body: .json(
                    try await supplyStep(input.path.supplyOrderId) { _ = try await $0.ship($1, by: $2, on: $3) })))
    }

    func deliverSupplyOrder(_ input: Operations.DeliverSupplyOrder.Input) async throws
        -> Operations.DeliverSupplyOrder.Output
    {
        .ok(
            .init(
                body: .json(
                    try await supplyStep(input.path.supplyOrderId) { _ = try await $0.deliver($1, by: $2, on: $3) })))
    }

    func confirmSupplyOrder(_ input: Operations.ConfirmSupplyOrder.Input) async throws
        -> Operations.ConfirmSupplyOrder.Output
    {
        .ok(
            .init(
                body: .json(
                    try await supplyStep(input.path.supplyOrderId) { _ = try await $0.confirm($1, by: $2, on: $3) })))
    }

    func cancelSupplyOrder(_ input: Operations.CancelSupplyOrder.Input) async throws
        -> Operations.CancelSupplyOrder.Output
    {
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let reason = body.reason ?? ""
        return .ok(
            .init(
                body: .json(
                    try await supplyStep(input.path.supplyOrderId) {
                        _ = try await $0.cancel($1, reason: reason, by: $2, on: $3)
                    })))
    }

    func creditSupplyOrder(_ input: Operations.CreditSupplyOrder.Input) async throws
        -> Operations.CreditSupplyOrder.Output
    {
        let (request, principal) = try await signedIn()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let credit = try await request.jishi.supply.credit(
            try Self.uuid(input.path.supplyOrderId, field: "supplyOrderId"), amountMinor: body.amountMinor,
            reason: body.reason, by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.supplyCredit(credit))))
    }

    /// One step on a supply order (or none, to read it), answered with the whole order.
    private func supplyStep(
        _ id: String, _ step: (SupplyService, UUID, Principal, any Database) async throws -> Void
    ) async throws -> Components.Schemas.SupplyOrder {
        let (request, principal) = try await signedIn()
        let orderID = try Self.uuid(id, field: "supplyOrderId")
        try await step(request.jishi.supply, orderID, principal, request.db)
        return try APIMapping.supplyOrder(
            try await request.jishi.supply.detail(orderID, for: principal, on: request.db))
    }

    private func signedIn() async throws -> (Request, Principal) {
        let request = try RequestContext.request()
        return (request, try await request.requirePrincipal())
    }

    static func delivery(_ address: Components.Schemas.DeliveryAddress) throws -> DeliveryAddress {
        DeliveryAddress(
            name: address.name, phone: address.phone,
            villageID: try address.villageId.map { try uuid($0, field: "delivery.villageId") },
            addressLine: address.addressLine)
    }
}

extension APIMapping {
    static func sourcingOffer(_ detail: SourcingOfferDetail) throws -> Components.Schemas.SourcingOffer {
        Components.Schemas.SourcingOffer(
            productId: detail.offer.$product.id.uuidString, shopId: detail.offer.$shop.id.uuidString,
            shopName: detail.producer.name, title: detail.product.title,
            audience: .init(rawValue: detail.offer.audience.rawValue) ?? .approved, updatedAt: detail.offer.updatedAt,
            variants: try detail.variants.map { entry in
                Components.Schemas.OfferedVariant(
                    variantId: try entry.variant.requireID().uuidString, sku: entry.variant.sku,
                    name: entry.variant.name, retailPriceMinor: entry.variant.priceMinor, stock: entry.variant.stock,
                    tiers: entry.tiers.tiers.map {
                        .init(minQuantity: $0.minQuantity, unitPriceMinor: $0.unitPriceMinor)
                    }
                )
            })
    }

    static func approval(_ approval: ResellerApproval, resellerName: String?) throws
        -> Components.Schemas.ResellerApproval
    {
        Components.Schemas.ResellerApproval(
            id: try approval.requireID().uuidString, producerShopId: approval.$producer.id.uuidString,
            resellerShopId: approval.$reseller.id.uuidString, resellerShopName: resellerName,
            status: .init(rawValue: approval.status.rawValue) ?? .requested, message: approval.message,
            requestedAt: approval.requestedAt, decidedAt: approval.decidedAt)
    }

    static func supplyOrderSummary(_ order: SupplyOrder) throws -> Components.Schemas.SupplyOrderSummary {
        Components.Schemas.SupplyOrderSummary(
            id: try order.requireID().uuidString, producerShopId: order.$producer.id.uuidString,
            resellerShopId: order.$reseller.id.uuidString, retailOrderId: order.$retailOrder.id?.uuidString,
            kind: .init(rawValue: order.kind.rawValue) ?? .bulk,
            status: .init(rawValue: order.status.rawValue) ?? .pendingPayment, totalMinor: order.totalMinor,
            creditedMinor: order.creditedMinor, createdAt: order.createdAt)
    }

    static func supplyOrder(_ detail: SupplyOrderDetail) throws -> Components.Schemas.SupplyOrder {
        let order = detail.order
        return Components.Schemas.SupplyOrder(
            id: try order.requireID().uuidString, producerShopId: order.$producer.id.uuidString,
            resellerShopId: order.$reseller.id.uuidString, retailOrderId: order.$retailOrder.id?.uuidString,
            kind: .init(rawValue: order.kind.rawValue) ?? .bulk,
            status: .init(rawValue: order.status.rawValue) ?? .pendingPayment, totalMinor: order.totalMinor,
            creditedMinor: order.creditedMinor, createdAt: order.createdAt,
            delivery: .init(
                name: order.deliveryName, phone: order.deliveryPhone, villageId: order.deliveryVillageID?.uuidString,
                addressLine: order.deliveryAddress),
            lines: try detail.lines.map { line in
                Components.Schemas.SupplyOrderLine(
                    id: try line.requireID().uuidString, variantId: line.$variant.id.uuidString, title: line.title,
                    variantName: line.variantName, sku: line.sku, unitPriceMinor: line.unitPriceMinor,
                    quantity: line.quantity)
            },
            history: detail.events.map { orderEvent(from: $0.from, to: $0.to, reason: $0.reason, at: $0.at) },
            credits: try detail.credits.map(supplyCredit))
    }

    static func supplyCredit(_ credit: SupplyCredit) throws -> Components.Schemas.SupplyCredit {
        Components.Schemas.SupplyCredit(
            id: try credit.requireID().uuidString, amountMinor: credit.amountMinor, reason: credit.reason,
            at: credit.at)
    }
}
