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

/// The producer's side: which products resellers may source, at what tiers, and who may.
enum ResellersController {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shopID = try request.pageID("shop")
        var model = try await ResellersPage.Model.load(
            shopID, principal: principal, services: request.jishi, on: request.db)
        model.notice = request.notice
        return page(model, session: session)
    }

    @Sendable static func offer(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let shopID = try request.pageID("shop")
        let services = request.jishi
        var model = try await ResellersPage.Model.load(shopID, principal: principal, services: services, on: request.db)
        guard let productID = UUID(uuidString: form["product"]),
            let index = model.products.firstIndex(where: { $0.id == productID })
        else { throw Problem.notFound("The product", field: "product") }
        let text = SourcingController.context(session)
        var tiers: [UUID: [PriceTiers.Tier]] = [:]
        var invalid = false
        for (position, variant) in model.products[index].variants.enumerated() {
            let key = variant.id.uuidString.lowercased()
            var row = variant
            row.base = form.trimmed("base-" + key)
            row.bulkFrom = form.trimmed("from-" + key)
            row.bulkPrice = form.trimmed("bulk-" + key)
            model.products[index].variants[position] = row
            guard !row.base.isEmpty else { continue }
            guard let base = FormInput.yuan(row.base) else {
                invalid = true
                continue
            }
            var list = [PriceTiers.Tier(minQuantity: 1, unitPriceMinor: base)]
            if !row.bulkFrom.isEmpty || !row.bulkPrice.isEmpty {
                guard let from = FormInput.count(row.bulkFrom), let price = FormInput.yuan(row.bulkPrice) else {
                    invalid = true
                    continue
                }
                list.append(.init(minQuantity: from, unitPriceMinor: price))
            }
            tiers[variant.id] = list
        }
        let audience: SourcingOffer.Audience = form["audience"] == "approved" ? .approved : .everyone
        model.products[index].audience = audience
        if invalid {
            model.error = text.text(.errorFieldInvalid)
            return page(model, session: session, status: .badRequest)
        }
        do {
            _ = try await services.sourcing.offer(
                productID: productID, audience: audience, tiers: tiers, by: principal, on: request.db)
        } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 404 {
            model.error = text.text(ProblemType(uri: problem.type)?.titleKey ?? .errorFieldInvalid)
            if let detail = problem.detail { model.error! += " " + detail }
            return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(toPath: Notice.offerSaved.on(SitePath.resellers.path(shopID)), session: session)
    }

    @Sendable static func withdraw(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let shopID = try request.pageID("shop")
        guard let productID = UUID(uuidString: form["product"]) else {
            throw Problem.notFound("The product", field: "product")
        }
        _ = try await request.jishi.shops.requireStaff(of: shopID, principal, on: request.db)
        try await request.jishi.sourcing.withdraw(productID: productID, by: principal, on: request.db)
        return WebPage.redirect(toPath: Notice.offerWithdrawn.on(SitePath.resellers.path(shopID)), session: session)
    }

    @Sendable static func decide(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let shopID = try request.pageID("shop")
        guard let decision = SourcingService.Decision(rawValue: form["decision"]) else {
            throw Problem.validation("decision", "approve, reject or revoke.")
        }
        _ = try await request.jishi.sourcing.decide(
            try request.pageID("approval"), producerShopID: shopID, decision: decision, by: principal, on: request.db)
        return WebPage.redirect(toPath: Notice.decided.on(SitePath.resellers.path(shopID)), session: session)
    }

    static func page(_ model: ResellersPage.Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let context = PageContext(
            session: session, current: .resellers, returnPath: SitePath.resellers.path(model.shopID))
        return WebPage.response(
            ResellersPage.View(model: model, context: context).html, status: status, session: session)
    }
}
