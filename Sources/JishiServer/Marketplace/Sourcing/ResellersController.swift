import Foundation
import JishiKit
import Marketplace
import Vapor

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
