import Community
import FluentKit
import Foundation
import Logistics
import Marketplace
import Stations

/// The demo agent's first assisted order, once the demo market exists: a product bought for the
/// station's first villager and paid in cash at the counter, so the drawer shows the cash taken
/// and the commission statement its first line. Then the station's consignment shop: two of the
/// villager's products listed with their consent, one of them bought by the demo buyer and
/// received, so the villager is owed a share the agent can pay out.
enum StationsDemoOrders {
    static func load(on database: any Database, services: JishiServices) async throws {
        guard let code = StationsDemo.stationCode(of: "agent"),
            let agent = try await Account.query(on: database).filter(\.$username == "agent").first(),
            let station = try await NetworkNode.query(on: database).filter(\.$code == code).first()?.id,
            let villager = try await Villager.query(on: database).filter(\.$stationID == station).sort(\.$createdAt)
                .first()?.id,
            let variant = try await Variant.query(on: database).join(
                Product.self, on: \Variant.$product.$id == \Product.$id
            )
            .filter(Product.self, \.$listed == true).filter(\.$stock > 2).sort(\.$priceMinor).first()?.id
        else { return }
        let principal = try await services.accounts.principal(for: try agent.requireID(), on: database)
        let placed = try await services.assistedOrders.order(
            [CheckoutService.Item(variantID: variant, quantity: 1)], for: villager,
            idempotencyKey: "demo-assisted-order", at: station, by: principal, on: database)
        _ = try await services.payments.confirmCash(
            checkoutID: placed.assisted.checkoutID,
            amountMinor: placed.orders.reduce(0) { $0 + $1.totalMinor }, idempotencyKey: "demo-assisted-cash",
            by: principal, on: database)
        try await delivered(variant, at: station, agent: principal, on: database, services: services)
        try await consign(for: villager, at: station, agent: principal, on: database, services: services)
    }

    /// A second assisted order, for the station's second villager, shipped by its shop and
    /// delivered: one the villager can bring back to the counter.
    private static func delivered(
        _ variant: UUID, at station: UUID, agent: Principal, on database: any Database, services: JishiServices
    ) async throws {
        guard
            let villager = try await Villager.query(on: database).filter(\.$stationID == station)
                .sort(\.$createdAt).offset(1).first()?.id,
            let product = try await Variant.find(variant, on: database)?.$product.id,
            let shop = try await Product.find(product, on: database)?.$shop.id,
            let owner = try await Shop.find(shop, on: database)?.$owner.id
        else { return }
        let placed = try await services.assistedOrders.order(
            [CheckoutService.Item(variantID: variant, quantity: 1)], for: villager,
            idempotencyKey: "demo-assisted-order-2", at: station, by: agent, on: database)
        _ = try await services.payments.confirmCash(
            checkoutID: placed.assisted.checkoutID,
            amountMinor: placed.orders.reduce(0) { $0 + $1.totalMinor }, idempotencyKey: "demo-assisted-cash-2",
            by: agent, on: database)
        let seller = try await services.accounts.principal(for: owner, on: database)
        for order in placed.orders {
            let id = try order.requireID()
            _ = try await services.orders.markShipped(id, by: seller, on: database)
            _ = try await services.orders.markDelivered(id, by: seller, on: database)
        }
    }

    private static func consign(
        for villager: UUID, at station: UUID, agent: Principal, on database: any Database, services: JishiServices
    ) async throws {
        let consignments = services.consignments
        let eggs = try await consignments.consign(
            ConsignmentService.Input(
                villagerID: villager, title: "散养土鸡蛋 30枚", description: "丁庄村自家散养，每周一收集。",
                categoryID: CategoryTaxonomy.id(for: "farm"), priceMinor: 4_500, stock: 20,
                consignorShareBasisPoints: 9_000, agreed: true, witness: "村委会 丁会计"),
            idempotencyKey: "demo-consign-eggs", at: station, by: agent, on: database)
        _ = try await consignments.consign(
            ConsignmentService.Input(
                villagerID: villager, title: "手工老粗布床单", description: "纯棉老粗布，手工织。",
                categoryID: CategoryTaxonomy.id(for: "handicrafts"), priceMinor: 16_800, stock: 3,
                consignorShareBasisPoints: 8_500, agreed: true, witness: "村委会 丁会计"),
            idempotencyKey: "demo-consign-sheet", at: station, by: agent, on: database)
        guard let variant = eggs.variant?.id,
            let buyerAccount = try await Account.query(on: database).filter(\.$username == "buyer").first(),
            let village = try await NetworkNode.find(station, on: database)?.$village.id
        else { return }
        let buyer = try await services.accounts.principal(for: try buyerAccount.requireID(), on: database)
        let bought = try await services.checkouts.checkout(
            CheckoutService.Request(
                items: [CheckoutService.Item(variantID: variant, quantity: 2)],
                delivery: DeliveryAddress(name: "王芳", phone: "13800000001", villageID: village, addressLine: "村口"),
                paymentMethod: .online),
            idempotencyKey: "demo-consignment-checkout", by: buyer, on: database)
        _ = try await services.payments.pay(
            checkoutID: try bought.checkout.requireID(), provider: "sandbox", token: "tok_ok",
            idempotencyKey: "demo-consignment-pay", by: buyer, on: database)
        for order in bought.orders {
            let id = try order.requireID()
            _ = try await services.orders.markShipped(id, by: agent, on: database)
            _ = try await services.orders.markDelivered(id, by: agent, on: database)
            _ = try await services.orders.confirmReceipt(id, by: buyer, on: database)
        }
    }
}
