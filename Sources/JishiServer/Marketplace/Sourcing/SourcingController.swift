import Foundation
import JishiKit
import Marketplace
import Vapor

/// The reseller's side of sourcing (the catalogue to source from, listing at one's own price,
/// asking producers for approval) and both sides' supply orders.
enum SourcingController {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shopID = try request.pageID("shop")
        var model = try await SourcingPage.Model.load(
            shopID, principal: principal, services: request.jishi, on: request.db)
        model.notice = request.notice
        return page(model, session: session)
    }

    /// Lists an offered product at the prices typed. The whole page is loaded only to show it
    /// again with what went wrong; a listing that works goes straight back to it.
    @Sendable static func link(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let shopID = try request.pageID("shop")
        let services = request.jishi
        let notOffered = Problem.notFound("The offered product", field: "product")
        guard let productID = UUID(uuidString: form["product"]),
            let offer = try await services.sourcing.offerDetail(productID: productID, on: request.db),
            try await services.sourcing.mayResell(offer.offer, resellerShopID: shopID, on: request.db)
        else { throw notOffered }
        var typed: [UUID: String] = [:]
        var prices: [(sourceVariantID: UUID, priceMinor: Int64)] = []
        var invalid = false
        for entry in offer.variants {
            let id = try entry.variant.requireID()
            let text = form.trimmed("price-" + id.uuidString.lowercased())
            typed[id] = text
            guard !text.isEmpty, !invalid else { continue }
            guard let price = FormInput.yuan(text) else {
                invalid = true
                continue
            }
            prices.append((id, price))
        }
        func failed(_ message: L10nKey, _ status: HTTPResponseStatus) async throws -> Response {
            var model = try await SourcingPage.Model.load(
                shopID, principal: principal, services: services, on: request.db)
            guard model.offers.contains(where: { $0.productID == productID }) else { throw notOffered }
            model.typed = typed
            model.error = context(session).text(message)
            return page(model, session: session, status: status)
        }
        if invalid { return try await failed(.errorFieldInvalid, .badRequest) }
        do {
            _ = try await services.sourcing.link(
                sourceProductID: productID, into: shopID, title: nil, description: nil, prices: prices, by: principal,
                on: request.db)
        } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 404 {
            return try await failed(
                problem.field?.hasSuffix("priceMinor") == true
                    ? .errorBelowWholesale : ProblemType(uri: problem.type)?.titleKey ?? .errorFieldInvalid,
                HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(toPath: Notice.linked.on(SitePath.sourcing.path(shopID)), session: session)
    }

    @Sendable static func ask(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let shopID = try request.pageID("shop")
        guard let producerID = UUID(uuidString: form["producer"]) else {
            throw Problem.notFound("The producer", field: "producer")
        }
        _ = try await request.jishi.sourcing.requestApproval(
            producerShopID: producerID, resellerShopID: shopID, message: "", by: principal, on: request.db)
        return WebPage.redirect(toPath: Notice.approvalRequested.on(SitePath.sourcing.path(shopID)), session: session)
    }

    /// Ships, delivers or confirms a supply order, as the page's shop.
    @Sendable static func supplyStep(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let shopID = try request.pageID("shop")
        let orderID = try request.pageID("supply")
        let supply = request.jishi.supply
        let detail = try await supply.detail(orderID, for: principal, on: request.db)
        guard detail.order.$producer.id == shopID || detail.order.$reseller.id == shopID else {
            throw Problem.notFound("The supply order", field: "supply")
        }
        switch form["step"] {
        case "ship": _ = try await supply.ship(orderID, by: principal, on: request.db)
        case "deliver": _ = try await supply.deliver(orderID, by: principal, on: request.db)
        case "confirm": _ = try await supply.confirm(orderID, by: principal, on: request.db)
        default: throw Problem.validation("step", "ship, deliver or confirm.")
        }
        return WebPage.redirect(toPath: Notice.supplyMoved.on(SitePath.sourcing.path(shopID)), session: session)
    }

    static func context(_ session: WebSession) -> PageContext { PageContext(session: session, current: .sourcing) }

    static func page(_ model: SourcingPage.Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let context = PageContext(
            session: session, current: .sourcing, returnPath: SitePath.sourcing.path(model.shopID))
        return WebPage.response(
            SourcingPage.View(model: model, context: context).html, status: status, session: session)
    }
}
