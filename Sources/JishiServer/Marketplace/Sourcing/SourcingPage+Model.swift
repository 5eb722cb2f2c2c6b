import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A shop's sourcing: the products it may resell (and list at its own price), the producers
/// it may ask for approval, and its supply orders on both sides.
enum SourcingPage {
    struct OfferVariant: Equatable, Sendable {
        var id: UUID
        var label: String
        var stock: Int
        var retailPriceMinor: Int64
        var tiers: [PriceTiers.Tier]
    }

    struct Offer: Equatable, Sendable {
        var productID: UUID
        var title: String
        var producerName: String
        /// The shop's own linked listing of it, once listed.
        var linkedProductID: UUID?
        var variants: [OfferVariant]
    }

    struct Producer: Equatable, Sendable {
        var shopID: UUID
        var name: String
        var status: ResellerApproval.Status?
    }

    struct SupplyRow: Equatable, Sendable {
        var id: UUID
        var kind: SupplyOrder.Kind
        var status: OrderStatus
        var totalMinor: Int64
        var otherShop: String
        var lines: [(title: String, quantity: Int, unitPriceMinor: Int64)]
        var deliverTo: String
        var createdAt: Date

        static func == (lhs: SupplyRow, rhs: SupplyRow) -> Bool {
            lhs.id == rhs.id && lhs.status == rhs.status && lhs.totalMinor == rhs.totalMinor
        }
    }

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var shopName: String
        var offers: [Offer] = []
        var producers: [Producer] = []
        var bought: [SupplyRow] = []
        var supplied: [SupplyRow] = []
        var notice: Notice?
        /// What went wrong with the last form, already in the page's language.
        var error: String?
        /// The prices as typed in a refused form, by offered variant.
        var typed: [UUID: String] = [:]
    }

    static let shown = 50
}

extension SourcingPage.Model {
    static func load(
        _ shopID: UUID, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> SourcingPage.Model {
        let shop = try await services.shops.requireStaff(of: shopID, principal, on: database)
        var model = SourcingPage.Model(shopID: shopID, shopName: shop.name)
        let page = try await services.sourcing.catalogue(
            forReseller: shopID, page: PageRequest(limit: SourcingPage.shown, offset: 0), by: principal, on: database)
        let linked = try await Product.query(on: database).filter(\.$shop.$id == shopID)
            .filter(\.$sourceProductID != nil).all()
        var linkedBySource: [UUID: UUID] = [:]
        for product in linked {
            if let source = product.sourceProductID { linkedBySource[source] = try product.requireID() }
        }
        model.offers = try page.items.map { detail in
            SourcingPage.Offer(
                productID: try detail.product.requireID(), title: detail.product.title,
                producerName: detail.producer.name, linkedProductID: linkedBySource[try detail.product.requireID()],
                variants: try detail.variants.map { entry in
                    SourcingPage.OfferVariant(
                        id: try entry.variant.requireID(),
                        label: entry.variant.label,
                        stock: entry.variant.stock, retailPriceMinor: entry.variant.priceMinor, tiers: entry.tiers.tiers
                    )
                })
        }
        model.producers = try await services.sourcing.standing(ofReseller: shopID, by: principal, on: database).map {
            SourcingPage.Producer(shopID: try $0.producer.requireID(), name: $0.producer.name, status: $0.status)
        }
        model.bought = try await rows(shopID, side: .reseller, principal: principal, services: services, on: database)
        model.supplied = try await rows(
            shopID, side: .producer, principal: principal, services: services, on: database)
        return model
    }

    private static func rows(
        _ shopID: UUID, side: SupplyService.Side, principal: Principal, services: JishiServices,
        on database: any Database
    ) async throws -> [SourcingPage.SupplyRow] {
        let page = try await services.supply.orders(
            ofShop: shopID, side: side, status: nil, page: PageRequest(limit: SourcingPage.shown, offset: 0),
            by: principal, on: database)
        let ids = try page.items.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let lines = Dictionary(
            grouping: try await SupplyOrderLine.query(on: database).filter(\.$supplyOrder.$id ~~ ids).sort(\.$sku)
                .all(), by: { $0.$supplyOrder.id })
        let others = page.items.map { side == .producer ? $0.$reseller.id : $0.$producer.id }
        let shops = try await services.shops.shops(withIDs: others, on: database)
        return try page.items.map { order in
            let id = try order.requireID()
            return SourcingPage.SupplyRow(
                id: id, kind: order.kind, status: order.status, totalMinor: order.totalMinor,
                otherShop: shops[side == .producer ? order.$reseller.id : order.$producer.id]?.name ?? "",
                lines: (lines[id] ?? []).map { ($0.title, $0.quantity, $0.unitPriceMinor) },
                deliverTo: order.deliveryName + ", " + order.deliveryAddress, createdAt: order.createdAt)
        }
    }
}
