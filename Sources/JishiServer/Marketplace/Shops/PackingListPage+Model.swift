import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A printable packing list: for each chosen order (or, when none is chosen, every order
/// waiting to be shipped), where it goes and what goes in the parcel.
enum PackingListPage {
    static let maximumOrders = 200

    struct Entry: Equatable, Sendable {
        var id: UUID
        var createdAt: Date
        var recipient: String
        var phone: String
        var village: HomePage.Name?
        var address: String
        var lines: [Line]
    }

    struct Line: Equatable, Sendable {
        var title: String
        /// The kind to pack ("红色 L"); empty for a product of one kind.
        var variantName: String
        var sku: String
        var quantity: Int
    }

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var shopName: String
        var entries: [Entry]
        var printedAt: Date
    }
}

extension PackingListPage.Model {
    /// The chosen orders, each of which must be this shop's (else `404`); none chosen means
    /// every paid order.
    static func load(
        _ shopID: UUID, orderIDs: [UUID], principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> Self {
        let shop = try await services.shops.requireStaff(of: shopID, principal, on: database)
        var orders: [Order] = []
        if orderIDs.isEmpty {
            orders = try await services.orders.orders(
                ofShop: shopID, status: .paid, page: JishiKit.PageRequest(limit: PackingListPage.maximumOrders),
                by: principal, on: database
            ).items
        } else {
            for id in orderIDs.prefix(PackingListPage.maximumOrders) {
                let order = try await services.orders.order(id, for: principal, on: database)
                guard order.$shop.id == shopID else { throw Problem.notFound("The order", field: "order") }
                orders.append(order)
            }
        }
        let lines = try await services.orders.lines(of: orders.compactMap(\.id), on: database)
        let villages = try await PackingListPage.villageNames(orders, on: database)
        return Self(
            shopID: shopID, shopName: shop.name,
            entries: orders.compactMap { order in
                order.id.map { id in
                    PackingListPage.Entry(
                        id: id, createdAt: order.createdAt, recipient: order.deliveryName, phone: order.deliveryPhone,
                        village: order.deliveryVillageID.flatMap { villages[$0] }, address: order.deliveryAddress,
                        lines: (lines[id] ?? []).map {
                            PackingListPage.Line(
                                title: $0.title, variantName: $0.variantName, sku: $0.sku, quantity: $0.quantity)
                        })
                }
            }, printedAt: services.dependencies.now())
    }
}

extension PackingListPage {
    /// The names of the delivery villages of `orders`, by village id: one query.
    static func villageNames(_ orders: [Order], on database: any Database) async throws -> [UUID: HomePage.Name] {
        let ids = Array(Set(orders.compactMap(\.deliveryVillageID)))
        guard !ids.isEmpty else { return [:] }
        let villages = try await Village.query(on: database).filter(\.$id ~~ ids).all()
        return Dictionary(
            villages.compactMap { v in v.id.map { ($0, HomePage.Name(zhHans: v.name, en: v.nameEn)) } },
            uniquingKeysWith: { a, _ in a })
    }

    /// The short order number printed on slips: the first eight characters of its id.
    static func number(_ id: UUID) -> String { String(id.uuidString.prefix(8)) }
}
