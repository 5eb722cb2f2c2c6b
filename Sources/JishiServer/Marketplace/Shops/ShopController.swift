import Community
import JishiKit
import Marketplace
import Vapor

/// The seller's pages: their shops, opening one, a shop's dashboard, its orders, packing
/// lists and statements. A shop the viewer does not work for is a `404`.
enum ShopController {
    @Sendable static func list(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shops = try await request.jishi.shops.shops(staffedBy: principal, on: request.db)
        let view = ShopListPage.View(
            model: ShopListPage.Model(shops), context: PageContext(session: session, current: .shops))
        return WebPage.response(view.html, session: session)
    }

    @Sendable static func showOpen(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        try Authorization.require(principal, .sell, .marketplace)
        var model = OpenShopPage.Model()
        model.towns = try await VillageMenu.load(request.jishi.geography, language: session.language, on: request.db)
        return openPage(model, session: session)
    }

    @Sendable static func open(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        var model = OpenShopPage.Model()
        model.towns = try await VillageMenu.load(services.geography, language: session.language, on: request.db)
        model.take(form)
        guard model.errors.isEmpty, let opening = model.opening else {
            return openPage(model, session: session, status: .badRequest)
        }
        let shop: Shop
        do {
            shop = try await services.shops.open(opening, by: principal, on: request.db)
        } catch let problem as Problem where problem.status == 400 || problem.status == 404 {
            model.errors[problem.field.flatMap(OpenShopPage.Field.init(rawValue:)) ?? .village] =
                FormMessage(.errorFieldInvalid)
            return openPage(model, session: session, status: .badRequest)
        }
        return WebPage.redirect(
            toPath: Notice.shopOpened.on(SitePath.shop.path(try shop.requireID())), session: session)
    }

    @Sendable static func dashboard(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("shop")
        var model = try await ShopPage.Model.load(id, principal: principal, services: request.jishi, on: request.db)
        model.notice = request.notice
        model.adminView = !(try await ShopStaff.exists(accountID: principal.accountID, shopID: id, on: request.db))
        let context = PageContext(
            session: session, current: .shop,
            returnPath: model.adminView ? AdminView.dashboard(id) : SitePath.shop.path(id))
        return WebPage.response(ShopPage.View(model: model, context: context).html, session: session)
    }

    @Sendable static func orders(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("shop")
        let status = try (try? request.query.get(String.self, at: "status")).map { value in
            guard let status = OrderStatus(rawValue: value) else {
                throw Problem.validation("status", "Not an order status.")
            }
            return status
        }
        let offset = FormInput.count((try? request.query.get(String.self, at: "offset")) ?? "") ?? 0
        var model = try await ShopOrdersPage.Model.load(
            id, filter: status, offset: offset, principal: principal, services: request.jishi, on: request.db)
        model.notice = request.notice
        let context = PageContext(session: session, current: .shopOrders, returnPath: model.path)
        return WebPage.response(ShopOrdersPage.View(model: model, context: context).html, session: session)
    }

    @Sendable static func packingList(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("shop")
        let chosen = (try? request.query.get([String].self, at: "order")) ?? []
        let orderIDs = try chosen.map { value in
            guard let orderID = UUID(uuidString: value) else { throw Problem.notFound("The order", field: "order") }
            return orderID
        }
        let model = try await PackingListPage.Model.load(
            id, orderIDs: orderIDs, principal: principal, services: request.jishi, on: request.db)
        let query = orderIDs.map { "order%5B%5D=" + $0.uuidString.lowercased() }.joined(separator: "&")
        let context = PageContext(
            session: session, current: .packingList,
            returnPath: SitePath.packingList.path(id) + (query.isEmpty ? "" : "?" + query))
        return WebPage.response(
            PackingListPage.View(model: model, context: context).html, session: session, runsPrintScript: true)
    }

    @Sendable static func statement(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("shop")
        let services = request.jishi
        let shop = try await services.shops.requireStaff(of: id, principal, on: request.db)
        let defaults = StatementPage.Model.defaultDays(now: services.dependencies.now())
        var model = StatementPage.Model(
            shopID: id, shopName: shop.name,
            from: (try? request.query.get(String.self, at: "from")) ?? defaults.from,
            to: (try? request.query.get(String.self, at: "to")) ?? defaults.to)
        if let period = model.period() {
            model.statement = try await services.statements.statement(
                shopID: id, from: period.from, to: period.to, by: principal, on: request.db)
        }
        let context = PageContext(
            session: session, current: .statement,
            returnPath: SitePath.statement.path(id) + "?from=\(model.from.urlQuerySafe)&to=\(model.to.urlQuerySafe)")
        return WebPage.response(
            StatementPage.View(model: model, context: context).html,
            status: model.errors.isEmpty ? .ok : .badRequest, session: session)
    }

    private static func openPage(_ model: OpenShopPage.Model, session: WebSession, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let view = OpenShopPage.View(model: model, context: PageContext(session: session, current: .openShop))
        return WebPage.response(view.html, status: status, session: session)
    }
}

extension String {
    /// The text percent-encoded for a query value (unreserved characters only left as they are).
    var urlQuerySafe: String {
        addingPercentEncoding(
            withAllowedCharacters: CharacterSet(
                charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? ""
    }
}
