import Foundation
import Insights
import JishiAPI
import JishiKit
import OpenAPIRuntime

/// A seller's own report of their shops on other platforms and their monthly sales.
extension APIHandler {
    func listMyPlatformShops(_ input: Operations.ListMyPlatformShops.Input) async throws
        -> Operations.ListMyPlatformShops.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let shops = try await SellerReports(context: request.jishi.insightsContext).shops(
            by: principal, on: request.db)
        return .ok(.init(body: .json(.init(items: try shops.map(APIMapping.reportedShop)))))
    }

    func reportPlatformShop(_ input: Operations.ReportPlatformShop.Input) async throws
        -> Operations.ReportPlatformShop.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let shop = try await SellerReports(context: request.jishi.insightsContext).report(
            .init(
                platform: body.platform, shopRef: body.shopRef, kind: body.kind.rawValue, villageCode: body.villageCode,
                openedOn: body.openedOn, closedOn: body.closedOn, mainCategory: body.mainCategory),
            by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.reportedShop(shop))))
    }

    func reportPlatformSales(_ input: Operations.ReportPlatformSales.Input) async throws
        -> Operations.ReportPlatformSales.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let shop = try await SellerReports(context: request.jishi.insightsContext).reportSales(
            try Self.uuid(input.path.shopId, field: "shopId"), month: input.path.month, orders: body.orders,
            salesMinor: body.salesMinor, by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.reportedShop(shop))))
    }
}

extension APIMapping {
    static func reportedShop(_ reported: SellerReports.Shop) throws -> Components.Schemas.ReportedShop {
        let shop = reported.shop
        return .init(
            id: try shop.requireID().uuidString.lowercased(), platform: shop.platform, shopRef: shop.shopRef,
            kind: .init(rawValue: shop.kind.rawValue)!, villageCode: reported.villageCode, openedOn: shop.openedOn,
            closedOn: shop.closedOn, mainCategory: shop.mainCategory,
            sales: reported.sales.map { .init(month: $0.month, orders: $0.orders, salesMinor: $0.salesMinor) })
    }
}
