import Community
import FluentKit
import JishiKit
import Marketplace
import Vapor

/// Reviews on the web: the buyer's form for one delivered line, the shop's list of its reviews
/// with the reply form, and reporting a review. The review service decides who may do what.
enum ReviewController {
    /// A review or a reply of 2,000 characters, three bytes each and percent-encoded, plus the
    /// rest of the form.
    static let maxFormBytes = 24 * 1024

    @Sendable static func showForm(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let model = try await ReviewFormPage.Model.load(
            orderID: try request.pageID("order"), lineID: try request.pageID("line"), principal: principal,
            services: request.jishi, on: request.db)
        return formPage(model, session: session)
    }

    @Sendable static func write(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        var model = try await ReviewFormPage.Model.load(
            orderID: try request.pageID("order"), lineID: try request.pageID("line"), principal: principal,
            services: services, on: request.db)
        guard let ratings = model.take(form) else { return formPage(model, session: session, status: .badRequest) }
        do {
            _ = try await services.reviews.write(
                lineID: model.lineID, ratings: ratings, text: model.text, by: principal, on: request.db)
        } catch let problem as Problem where problem.status == 409 {
            model.failure = FormMessage(
                problem.type == ProblemType.invalidTransition.uri ? .reviewNotYet : .reviewDone)
            return formPage(model, session: session, status: .conflict)
        } catch let problem as Problem where problem.status == 400 {
            model.errors[problem.field.flatMap(ReviewFormPage.Field.init(rawValue:)) ?? .text] = FormMessage(
                .errorFieldInvalid)
            return formPage(model, session: session, status: .badRequest)
        }
        return WebPage.redirect(toPath: Notice.reviewed.on(SitePath.order.path(model.orderID)), session: session)
    }

    @Sendable static func shopReviews(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let offset = FormInput.count((try? request.query.get(String.self, at: "offset")) ?? "") ?? 0
        var model = try await ShopReviewsPage.Model.load(
            try request.pageID("shop"), offset: offset, principal: principal, services: request.jishi, on: request.db)
        model.notice = request.notice
        return reviewsPage(model, session: session)
    }

    @Sendable static func reply(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        let reviewID = try request.pageID("review")
        guard let review = try await Review.find(reviewID, on: request.db), !review.hidden else {
            throw Problem.notFound("The review")
        }
        let shopID = review.$shop.id
        let text = form.trimmed("text")
        var problem: FormMessage?
        if text.isEmpty {
            problem = FormMessage(.errorRequired)
        } else if text.count > ReviewService.maximumTextLength {
            problem = FormMessage(.errorTooLong, String(ReviewService.maximumTextLength))
        } else {
            do {
                _ = try await services.reviews.reply(reviewID, text: text, by: principal, on: request.db)
            } catch let refused as Problem where refused.status == 409 {
                problem = FormMessage(.reviewAlreadyReplied)
            } catch let refused as Problem where refused.status == 400 {
                problem = FormMessage(.errorFieldInvalid)
            }
        }
        guard let problem else {
            return WebPage.redirect(toPath: Notice.replied.on(SitePath.shopReviews.path(shopID)), session: session)
        }
        var model = try await ShopReviewsPage.Model.load(
            shopID, offset: 0, principal: principal, services: services, on: request.db)
        model.drafts[reviewID] = text
        model.errors[reviewID] = problem
        return reviewsPage(
            model, session: session, status: problem.key == .reviewAlreadyReplied ? .conflict : .badRequest)
    }

    @Sendable static func report(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let reviewID = try request.pageID("review")
        guard let review = try await Review.find(reviewID, on: request.db), !review.hidden else {
            throw Problem.notFound("The review")
        }
        // An empty reason still counts as a report: the reporter need not explain.
        let reason = String(form.trimmed("reason").prefix(500))
        try await request.jishi.reviews.report(
            reviewID, reason: reason.isEmpty ? "reported from the product page" : reason, by: principal,
            on: request.db)
        let next = SitePath.pagePath(form.fields["next"]) ?? SitePath.product.path(review.$product.id)
        return WebPage.redirect(toPath: Notice.reported.on(next), session: session)
    }

    private static func formPage(
        _ model: ReviewFormPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let context = PageContext(
            session: session, current: .reviewLine, returnPath: SitePath.reviewLine.path(model.orderID, model.lineID))
        return WebPage.response(
            ReviewFormPage.View(model: model, context: context).html, status: status, session: session)
    }

    private static func reviewsPage(
        _ model: ShopReviewsPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let context = PageContext(session: session, current: .shopReviews, returnPath: model.path)
        return WebPage.response(
            ShopReviewsPage.View(model: model, context: context).html, status: status, session: session)
    }
}
