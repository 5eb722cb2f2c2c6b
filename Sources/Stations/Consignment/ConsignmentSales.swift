import FluentKit
import Foundation
import JishiKit
import Marketplace

/// What the marketplace tells the stations about sales: a paid order of a consignment shop
/// earns each consignor their share of their lines and the agents their commission at the rate
/// in force; a refund gives both back in proportion. Inside the payment's or refund's
/// transaction, once per order line and per refund.
public struct ConsignmentSales: SaleObserver {
    let dependencies: Dependencies

    public init(dependencies: Dependencies) { self.dependencies = dependencies }

    public func paid(_ orders: [Order], by actorID: UUID?, on database: any Database) async throws {
        let shopIDs = Set(orders.map { $0.$shop.id })
        let shops = try await ConsignmentShop.query(on: database).filter(\.$shopID ~~ shopIDs).all()
        guard !shops.isEmpty else { return }
        let stationOfShop = Dictionary(shops.map { ($0.shopID, $0.stationID) }, uniquingKeysWith: { first, _ in first })
        let now = dependencies.now()
        for order in orders {
            guard let stationID = stationOfShop[order.$shop.id] else { continue }
            let orderID = try order.requireID()
            let lines = try await OrderLine.query(on: database).filter(\.$order.$id == orderID).with(\.$variant).all()
            let productIDs = Set(lines.map { $0.variant.$product.id })
            let listings = try await ConsignmentListing.query(on: database).filter(\.$productID ~~ productIDs).all()
            let byProduct = Dictionary(listings.map { ($0.productID, $0) }, uniquingKeysWith: { first, _ in first })
            var base: Int64 = 0
            for line in lines {
                guard let listing = byProduct[line.variant.$product.id] else { continue }
                let lineID = try line.requireID()
                let key = "sale:" + lineID.uuidString.lowercased()
                guard try await ConsignorLine.query(on: database).filter(\.$idempotencyKey == key).first() == nil
                else { continue }
                try await ConsignorLine(
                    id: dependencies.uuid(), stationID: stationID, villagerID: listing.villagerID, kind: .sale,
                    amountMinor: CommissionService.share(
                        of: line.totalMinor, basisPoints: listing.consignorShareBasisPoints),
                    baseMinor: line.totalMinor, orderID: orderID, listingID: listing.id, actorID: actorID,
                    idempotencyKey: key, at: now
                ).create(on: database)
                base += line.totalMinor
            }
            guard base > 0 else { continue }
            try await CommissionService(dependencies: dependencies).earn(
                .consignmentSale, baseMinor: base, reference: orderID,
                key: "consignment:" + orderID.uuidString.lowercased(), at: stationID, by: nil, on: database)
        }
    }

    public func refunded(_ amount: Money, ofOrder orderID: UUID, refundID: UUID, on database: any Database)
        async throws
    {
        let lines = try await ConsignorLine.query(on: database).filter(\.$orderID == orderID).all()
        let sales = lines.filter { $0.kind == .sale }
        guard !sales.isEmpty, let order = try await Order.find(orderID, on: database), order.totalMinor > 0 else {
            return
        }
        let refund = min(amount.minorUnits, order.totalMinor)
        let now = dependencies.now()
        var consignedBase: Int64 = 0
        for sale in sales {
            let saleID = try sale.requireID()
            consignedBase += sale.baseMinor
            let key = "refund:\(refundID.uuidString.lowercased()):\(saleID.uuidString.lowercased())"
            guard !lines.contains(where: { $0.idempotencyKey == key }) else { continue }
            let givenBack = -lines.filter { $0.saleID == saleID }.reduce(0) { $0 + $1.amountMinor }
            // The share of the refund that falls on this line; a full refund gives it all back.
            let due = refund == order.totalMinor ? sale.amountMinor : sale.amountMinor * refund / order.totalMinor
            let back = min(due, sale.amountMinor - givenBack)
            guard back > 0 else { continue }
            try await ConsignorLine(
                id: dependencies.uuid(), stationID: sale.stationID, villagerID: sale.villagerID, kind: .refund,
                amountMinor: -back, baseMinor: refund, orderID: orderID, listingID: sale.listingID, saleID: saleID,
                idempotencyKey: key, at: now
            ).create(on: database)
        }
        try await CommissionService(dependencies: dependencies).giveBack(
            refundMinor: refund == order.totalMinor ? consignedBase : consignedBase * refund / order.totalMinor,
            of: orderID, key: "consignment-refund:" + refundID.uuidString.lowercased(), on: database)
    }
}
