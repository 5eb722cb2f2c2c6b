import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace

/// One order: its lines, total, delivery, history and refunds, with the steps the viewer may
/// take now — the buyer's (pay, cancel while unpaid, confirm receipt, ask for a refund) and the
/// shop's (mark shipped, mark delivered).
enum OrderPage {
    enum Field: String, CaseIterable, Sendable {
        case amount, reason, carrier, trackingNumber
    }

    struct Line: Equatable, Sendable {
        var id: UUID
        var title: String
        /// The kind bought ("红色 L"); empty for a product of one kind.
        var variantName: String
        /// The seller's stock code, shown to the shop only.
        var sku: String
        var unitPriceMinor: Int64
        var quantity: Int
        var totalMinor: Int64
        /// Whether the buyer has reviewed this line (once per line).
        var reviewed = false
    }

    struct Event: Equatable, Sendable {
        var at: Date
        var from: OrderStatus?
        var to: OrderStatus
        var reason: String
    }

    struct RefundRow: Equatable, Sendable {
        var amountMinor: Int64
        var reason: String
        var status: Refund.Status
        var requestedAt: Date
    }

    struct Model: Equatable, Sendable {
        var id: UUID
        var checkoutID: UUID
        var createdAt: Date
        var status: OrderStatus
        var shopID: UUID
        var shopName: String
        var lines: [Line]
        var totalMinor: Int64
        var refundableMinor: Int64
        var recipient: String
        var phone: String
        var village: HomePage.Name?
        var address: String
        var events: [Event]
        var refunds: [RefundRow]
        var isBuyer: Bool
        var isStaff: Bool
        var paymentMethod: Checkout.PaymentMethod?
        /// How it travels, once shipped.
        var shipment: Shipment?
        /// Its parcel's journey, when the county network carries it.
        var journey: ParcelJourney?
        /// The shipping form as typed, when it comes back.
        var shipCarrier = ""
        var shipTracking = ""
        /// The refund form as typed, when it comes back.
        var refundAmount = ""
        var refundReason = ""
        var errors: [Field: FormMessage] = [:]
        var failure: FormMessage?
        var notice: Notice?

        // What the page offers is what the order's state machine and the services allow.
        var canPay: Bool { isBuyer && status.canMove(to: .paid) && paymentMethod == .online }
        var canCancel: Bool { isBuyer && OrderService.cancellable(byBuyer: true).contains(status) }
        var canConfirm: Bool { isBuyer && status.canMove(to: .completed) }
        var canAskRefund: Bool { isBuyer && RefundService.refundable.contains(status) && refundableMinor > 0 }
        /// Sent by the producer of its linked products, which ships and delivers it.
        var dropShipped = false
        var canShip: Bool { isStaff && status.canMove(to: .shipped) && !dropShipped }
        var canMarkDelivered: Bool { isStaff && status.canMove(to: .delivered) && !dropShipped }
        /// The buyer reviews each line once the order has arrived.
        var canReview: Bool { isBuyer && ReviewService.reviewable.contains(status) }
    }
}

extension OrderPage.Model {
    static func load(
        _ id: UUID, principal: Principal, language: JishiKit.Language, services: JishiServices,
        on database: any Database
    ) async throws -> Self {
        let detail = try await services.orders.detail(id, for: principal, on: database)
        let order = detail.order
        let isBuyer = order.$buyer.id == principal.accountID
        let isStaff = try await services.orders.isStaff(principal, of: order, on: database)
        var village: HomePage.Name?
        if let villageID = order.deliveryVillageID, let found = try await Village.find(villageID, on: database) {
            village = HomePage.Name(zhHans: found.name, en: found.nameEn)
        }
        let method = isBuyer ? try await Checkout.find(order.$checkout.id, on: database)?.paymentMethod : nil
        let reviewed = Set(
            try await Review.query(on: database).filter(\.$order.$id == id).all().map { $0.$orderLine.id })
        var model = Self(
            id: id, checkoutID: order.$checkout.id, createdAt: order.createdAt, status: order.status,
            shopID: order.$shop.id, shopName: detail.shop.name,
            lines: detail.lines.compactMap { line in
                line.id.map {
                    OrderPage.Line(
                        id: $0, title: line.title, variantName: line.variantName, sku: line.sku,
                        unitPriceMinor: line.unitPriceMinor,
                        quantity: line.quantity, totalMinor: line.totalMinor, reviewed: reviewed.contains($0))
                }
            },
            totalMinor: order.totalMinor, refundableMinor: order.totalMinor - order.refundReservedMinor,
            recipient: order.deliveryName, phone: order.deliveryPhone, village: village,
            address: order.deliveryAddress,
            events: detail.events.map { OrderPage.Event(at: $0.at, from: $0.from, to: $0.to, reason: $0.reason) },
            refunds: detail.refunds.map {
                OrderPage.RefundRow(
                    amountMinor: $0.amountMinor, reason: $0.reason, status: $0.status, requestedAt: $0.requestedAt)
            },
            isBuyer: isBuyer, isStaff: isStaff, paymentMethod: method, shipment: order.shipment)
        if isStaff { model.dropShipped = try await services.supply.supplyOrder(ofRetailOrder: id, on: database) != nil }
        if order.shipment != nil, let tracking = try await services.parcels.tracking(ofOrder: id, on: database) {
            model.journey = ParcelJourney(tracking, language: language)
        }
        return model
    }
}
