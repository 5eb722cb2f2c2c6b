import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func orderPage(_ page: JishiKit.Page<Order>) throws -> Components.Schemas.OrderPage {
        Components.Schemas.OrderPage(
            items: try page.items.map(orderSummary), total: page.total, limit: page.request.limit,
            offset: page.request.offset)
    }

    static func orderSummary(_ order: Order) throws -> Components.Schemas.OrderSummary {
        Components.Schemas.OrderSummary(
            id: try order.requireID().uuidString, shopId: order.$shop.id.uuidString,
            checkoutId: order.$checkout.id.uuidString,
            status: .init(rawValue: order.status.rawValue) ?? .pendingPayment, totalMinor: order.totalMinor,
            createdAt: order.createdAt)
    }

    static func order(_ order: Order, on database: any Database) async throws -> Components.Schemas.Order {
        let id = try order.requireID()
        let detail = try await OrderService.detail(of: order, on: database)
        let (lines, events, refunds) = (detail.lines, detail.events, detail.refunds)
        return Components.Schemas.Order(
            id: id.uuidString, checkoutId: order.$checkout.id.uuidString, shopId: order.$shop.id.uuidString,
            status: .init(rawValue: order.status.rawValue) ?? .pendingPayment, totalMinor: order.totalMinor,
            refundReservedMinor: order.refundReservedMinor, createdAt: order.createdAt,
            delivery: .init(
                name: order.deliveryName, phone: order.deliveryPhone,
                villageId: order.deliveryVillageID?.uuidString, addressLine: order.deliveryAddress),
            lines: lines.map { line in
                Components.Schemas.OrderLine(
                    id: line.id?.uuidString ?? "", variantId: line.$variant.id.uuidString, title: line.title,
                    variantName: line.variantName, sku: line.sku,
                    unitPriceMinor: line.unitPriceMinor, quantity: line.quantity)
            },
            history: events.map { orderEvent(from: $0.from, to: $0.to, reason: $0.reason, at: $0.at) },
            refunds: try refunds.map(refund),
            shipment: order.shipment.map {
                .init(carrier: .init(rawValue: $0.carrier.rawValue) ?? .shop, trackingNumber: $0.trackingNumber)
            })
    }

    static func orderEvent(from: OrderStatus?, to: OrderStatus, reason: String, at: Date)
        -> Components.Schemas.OrderEvent
    {
        Components.Schemas.OrderEvent(
            from: from.flatMap { .init(rawValue: $0.rawValue) }, to: .init(rawValue: to.rawValue) ?? .pendingPayment,
            reason: reason, at: at)
    }
}
