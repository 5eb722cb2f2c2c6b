import Community
import JishiKit
import Marketplace
import Vapor

/// An official's (or admin's) pages: reported reviews hidden or restored, shops suspended or
/// reinstated, each with a reason. The services decide whose scope reaches what; a reason
/// missing or refused comes back on the form with a `400`, a review or shop that moved on
/// meanwhile with a `409`, and nothing changes.
enum ModerationController {
    @Sendable static func reviews(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let hidden = (try? request.query.get(String.self, at: "show")) == "hidden"
        var model = try await ReportedReviewsPage.Model.load(
            showHidden: hidden, offset: ManageController.offset(request), principal: principal,
            services: request.jishi, on: request.db)
        model.notice = request.manageNotice
        return reviewsPage(model, session: session)
    }

    @Sendable static func hide(_ request: Request) async throws -> Response {
        try await decide(request, hidden: true)
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        try await decide(request, hidden: false)
    }

    private static func decide(_ request: Request, hidden: Bool) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        let reviewID = try request.pageID("review")
        let reason = form.trimmed("reason")
        var problem: (FormMessage, HTTPResponseStatus)?
        if let message = reasonError(reason, required: true) {
            problem = (message, .badRequest)
        } else {
            do {
                if hidden {
                    _ = try await services.reviews.hide(reviewID, reason: reason, by: principal, on: request.db)
                } else {
                    _ = try await services.reviews.unhide(reviewID, reason: reason, by: principal, on: request.db)
                }
            } catch let refused as Problem where refused.status == 409 {
                problem = (FormMessage(.moderationReviewMoved), .conflict)
            } catch let refused as Problem where refused.status == 400 {
                problem = (FormMessage(.errorFieldInvalid), .badRequest)
            }
        }
        // The list the form was on: waiting reviews when hiding, hidden ones when restoring.
        guard let (message, status) = problem else {
            let list = SitePath.reportedReviews.path + (hidden ? "" : "?show=hidden")
            return WebPage.redirect(
                toPath: (hidden ? ManageNotice.hidden : .restored).on(list), session: session)
        }
        var model = try await ReportedReviewsPage.Model.load(
            showHidden: !hidden, offset: 0, principal: principal, services: services, on: request.db)
        model.drafts[reviewID] = reason
        model.errors[reviewID] = message
        model.failure = message
        return reviewsPage(model, session: session, status: status)
    }

    @Sendable static func shops(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let status = try (try? request.query.get(String.self, at: "status")).map { value in
            guard let status = Shop.Status(rawValue: value) else {
                throw Problem.validation("status", "Not a shop status.")
            }
            return status
        }
        let model = try await ModeratedShopsPage.Model.load(
            filter: status, offset: ManageController.offset(request), principal: principal, services: request.jishi,
            on: request.db)
        let context = PageContext(session: session, current: .moderatedShops, returnPath: model.path)
        return WebPage.response(ModeratedShopsPage.View(model: model, context: context).html, session: session)
    }

    @Sendable static func shop(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        var model = try await ModeratedShopPage.Model.load(
            try request.pageID("shop"), principal: principal, services: request.jishi, on: request.db)
        model.notice = request.manageNotice
        return shopPage(model, session: session)
    }

    @Sendable static func suspend(_ request: Request) async throws -> Response {
        try await move(request, suspending: true)
    }

    @Sendable static func reinstate(_ request: Request) async throws -> Response {
        try await move(request, suspending: false)
    }

    private static func move(_ request: Request, suspending: Bool) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        let shopID = try request.pageID("shop")
        let reason = form.trimmed("reason")
        var problem: (FormMessage, HTTPResponseStatus)?
        // A suspension always says why; a reinstatement may.
        if let message = reasonError(reason, required: suspending) {
            problem = (message, .badRequest)
        } else {
            do {
                if suspending {
                    _ = try await services.shops.suspend(shopID, reason: reason, by: principal, on: request.db)
                } else {
                    _ = try await services.shops.reinstate(shopID, reason: reason, by: principal, on: request.db)
                }
            } catch let refused as Problem where refused.status == 409 {
                problem = (FormMessage(.moderationShopMoved), .conflict)
            } catch let refused as Problem where refused.status == 400 {
                problem = (FormMessage(.errorFieldInvalid), .badRequest)
            }
        }
        guard let (message, status) = problem else {
            return WebPage.redirect(
                toPath: (suspending ? ManageNotice.suspended : .reinstated).on(SitePath.moderatedShop.path(shopID)),
                session: session)
        }
        var model = try await ModeratedShopPage.Model.load(
            shopID, principal: principal, services: services, on: request.db)
        // A conflict shows the shop as it is now, with its own form and the message above it.
        model.reason = reason
        model.error = message
        return shopPage(model, session: session, status: status)
    }

    private static func reviewsPage(
        _ model: ReportedReviewsPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let context = PageContext(session: session, current: .reportedReviews, returnPath: model.path)
        return WebPage.response(
            ReportedReviewsPage.View(model: model, context: context).html, status: status, session: session)
    }

    private static func shopPage(
        _ model: ModeratedShopPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let context = PageContext(
            session: session, current: .moderatedShop, returnPath: SitePath.moderatedShop.path(model.shopID))
        return WebPage.response(
            ModeratedShopPage.View(model: model, context: context).html, status: status, session: session)
    }

    /// What is wrong with a moderation reason, if anything: empty where one is required, or
    /// longer than the 500 characters the record keeps.
    private static func reasonError(_ reason: String, required: Bool) -> FormMessage? {
        if required, reason.isEmpty { return FormMessage(.errorRequired) }
        if reason.count > 500 { return FormMessage(.errorTooLong, "500") }
        return nil
    }
}
