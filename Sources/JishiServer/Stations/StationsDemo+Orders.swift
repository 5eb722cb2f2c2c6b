import Community
import FluentKit
import Foundation
import Logistics
import Marketplace
import Stations

/// The demo agent's first assisted order, once the demo market exists: a product bought for the
/// station's first villager and paid in cash at the counter, so the drawer shows the cash taken
/// and the commission statement its first line.
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
    }
}
