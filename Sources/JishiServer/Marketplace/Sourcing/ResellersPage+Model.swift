import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A producer's reseller settings: which products are open to resellers, to whom and at
/// what wholesale tiers, and the requests of shops that want to resell.
enum ResellersPage {
    struct VariantRow: Equatable, Sendable {
        var id: UUID
        var label: String
        var retailPriceMinor: Int64
        /// The form's fields as shown: the price from one unit, and an optional lower price
        /// from a larger quantity.
        var base = ""
        var bulkFrom = ""
        var bulkPrice = ""
    }

    struct ProductRow: Equatable, Sendable {
        var id: UUID
        var title: String
        var audience: SourcingOffer.Audience?
        var variants: [VariantRow]
    }

    struct RequestRow: Equatable, Sendable {
        var id: UUID
        var resellerName: String
        var status: ResellerApproval.Status
        var message: String
        var requestedAt: Date
    }

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var shopName: String
        var products: [ProductRow] = []
        var requests: [RequestRow] = []
        var notice: Notice?
        var error: String?
    }

    static let shown = 50
}

extension ResellersPage.Model {
    static func load(
        _ shopID: UUID, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> ResellersPage.Model {
        let shop = try await services.shops.requireStaff(of: shopID, principal, on: database)
        var model = ResellersPage.Model(shopID: shopID, shopName: shop.name)
        let page = try await services.catalog.products(
            ofShop: shopID, page: PageRequest(limit: ResellersPage.shown, offset: 0), by: principal,
            shops: services.shops, on: database)
        let own = page.items.filter { $0.0.sourceProductID == nil }
        let productIDs = try own.map { try $0.0.requireID() }
        let offers =
            productIDs.isEmpty
            ? [] : try await SourcingOffer.query(on: database).filter(\.$product.$id ~~ productIDs).all()
        let audience = Dictionary(uniqueKeysWithValues: offers.map { ($0.$product.id, $0.audience) })
        let variantIDs = try own.flatMap { try $0.1.map { try $0.requireID() } }
        let tiers = Dictionary(
            grouping: variantIDs.isEmpty
                ? [] : try await WholesaleTier.query(on: database).filter(\.$variant.$id ~~ variantIDs).all(),
            by: { $0.$variant.id })
        model.products = try own.map { product, variants in
            ResellersPage.ProductRow(
                id: try product.requireID(), title: product.title, audience: audience[try product.requireID()],
                variants: try variants.map { variant in
                    let list = (tiers[try variant.requireID()] ?? []).sorted { $0.minQuantity < $1.minQuantity }
                    var row = ResellersPage.VariantRow(
                        id: try variant.requireID(), label: variant.label,
                        retailPriceMinor: variant.priceMinor)
                    if let first = list.first { row.base = FormInput.yuanText(first.unitPriceMinor) }
                    if let bulk = list.dropFirst().first {
                        row.bulkFrom = String(bulk.minQuantity)
                        row.bulkPrice = FormInput.yuanText(bulk.unitPriceMinor)
                    }
                    return row
                })
        }
        let approvals = try await services.sourcing.approvals(ofProducer: shopID, by: principal, on: database)
        let resellers = try await services.shops.shops(withIDs: approvals.map(\.$reseller.id), on: database)
        model.requests = try approvals.map {
            ResellersPage.RequestRow(
                id: try $0.requireID(), resellerName: resellers[$0.$reseller.id]?.name ?? "", status: $0.status,
                message: $0.message, requestedAt: $0.requestedAt)
        }
        return model
    }
}
