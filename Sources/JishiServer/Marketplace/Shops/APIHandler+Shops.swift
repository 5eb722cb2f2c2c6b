import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func listMyShops(_ input: Operations.ListMyShops.Input) async throws -> Operations.ListMyShops.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let shops = try await request.jishi.shops.shops(staffedBy: principal, on: request.db)
        return .ok(.init(body: .json(try shops.map { try APIMapping.shop($0.shop) })))
    }

    func getShop(_ input: Operations.GetShop.Input) async throws -> Operations.GetShop.Output {
        let request = try RequestContext.request()
        let viewer = request.bearerToken == nil ? nil : try await request.requirePrincipal()
        let shop = try await request.jishi.shops.shop(
            try Self.uuid(input.path.shopId, field: "shopId"), viewer: viewer, on: request.db)
        return .ok(.init(body: .json(try APIMapping.shop(shop))))
    }

    func updateShop(_ input: Operations.UpdateShop.Input) async throws -> Operations.UpdateShop.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let shop = try await request.jishi.shops.update(
            shopID, name: body.name, description: body.description, by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.shop(shop))))
    }

    func upgradeShop(_ input: Operations.UpgradeShop.Input) async throws -> Operations.UpgradeShop.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let shop = try await request.jishi.shops.upgrade(
            shopID, brandName: body.brandName, licenceNumber: body.licenceNumber, by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.shop(shop))))
    }

    func suspendShop(_ input: Operations.SuspendShop.Input) async throws -> Operations.SuspendShop.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let shop = try await request.jishi.shops.suspend(
            shopID, reason: body.reason, by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.shop(shop))))
    }

    func reinstateShop(_ input: Operations.ReinstateShop.Input) async throws -> Operations.ReinstateShop.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let shop = try await request.jishi.shops.reinstate(
            shopID, reason: body.reason, by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.shop(shop))))
    }

    func closeShop(_ input: Operations.CloseShop.Input) async throws -> Operations.CloseShop.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        let shop = try await request.jishi.shops.close(shopID, by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.shop(shop))))
    }

    func reopenShop(_ input: Operations.ReopenShop.Input) async throws -> Operations.ReopenShop.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        let shop = try await request.jishi.shops.reopen(shopID, by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.shop(shop))))
    }

    func listShopStaff(_ input: Operations.ListShopStaff.Input) async throws -> Operations.ListShopStaff.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        let staff = try await request.jishi.shops.staff(of: shopID, by: principal, on: request.db)
        return .ok(.init(body: .json(try staff.map(APIMapping.staffMember))))
    }

    func addShopStaff(_ input: Operations.AddShopStaff.Input) async throws -> Operations.AddShopStaff.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let member = try await request.jishi.shops.addStaff(
            shopID, username: body.username, by: principal, on: request.db)
        try await member.$account.load(on: request.db)
        return .created(.init(body: .json(try APIMapping.staffMember(member))))
    }

    func removeShopStaff(_ input: Operations.RemoveShopStaff.Input) async throws -> Operations.RemoveShopStaff.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        try await request.jishi.shops.removeStaff(
            shopID, accountID: try Self.uuid(input.path.accountId, field: "accountId"), by: principal, on: request.db)
        return .noContent(.init())
    }

    func listShopOrders(_ input: Operations.ListShopOrders.Input) async throws -> Operations.ListShopOrders.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        let page = try await request.jishi.orders.orders(
            ofShop: shopID, status: try Self.orderStatus(input.query.status),
            page: PageRequest(limit: input.query.limit, offset: input.query.offset), by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.orderPage(page))))
    }

    func listShopProducts(_ input: Operations.ListShopProducts.Input) async throws
        -> Operations.ListShopProducts.Output
    {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        let page = try await request.jishi.catalog.products(
            ofShop: shopID, page: PageRequest(limit: input.query.limit, offset: input.query.offset), by: principal,
            shops: request.jishi.shops, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try page.items.map { try APIMapping.product($0.0, $0.1) }, total: page.total,
                        limit: page.request.limit, offset: page.request.offset))))
    }

    /// The request, the signed-in principal and the path's shop id: what every shop call needs.
    func shopCall(_ shopID: String) async throws -> (Request, Principal, UUID) {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        return (request, principal, try Self.uuid(shopID, field: "shopId"))
    }

    /// The `status` filter of an order list, naming the parameter when it is not a state.
    static func orderStatus(_ text: String?) throws -> OrderStatus? {
        guard let text, !text.isEmpty else { return nil }
        guard let status = OrderStatus(rawValue: text) else {
            throw Problem.validation(
                "status", "Use one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return status
    }
}

extension APIHandler {
    func openShop(_ input: Operations.OpenShop.Input) async throws -> Operations.OpenShop.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let shop = try await request.jishi.shops.open(
            .init(
                name: body.name, description: body.description ?? "",
                villageID: try Self.uuid(body.villageId, field: "villageId"),
                kind: Shop.Kind(rawValue: body.kind.rawValue) ?? .individual, brandName: body.brandName,
                licenceNumber: body.licenceNumber,
                householdID: try body.householdId.map { try Self.uuid($0, field: "householdId") }),
            by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.shop(shop))))
    }
}
