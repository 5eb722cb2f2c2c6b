import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The buyer's review of one line of an order that has arrived: stars for the item as
/// described, the service and the shipping speed, and text. Photos are added afterwards, under
/// the review on the product's page.
enum ReviewFormPage {
    enum Field: String, CaseIterable, Sendable {
        case described, service, shipping, text
    }

    struct Model: Equatable, Sendable {
        var orderID: UUID
        var lineID: UUID
        /// The product and the kind bought ("明制马面裙 · 红色 L").
        var item: String
        var orderStatus: OrderStatus
        /// Whether the line has been reviewed already (the form is then not shown).
        var reviewed: Bool
        /// The form as typed ("" until chosen).
        var described = ""
        var service = ""
        var shipping = ""
        var text = ""
        var errors: [Field: FormMessage] = [:]
        var failure: FormMessage?

        var canReview: Bool { !reviewed && [.delivered, .completed].contains(orderStatus) }
    }
}

extension ReviewFormPage.Model {
    /// The line of the buyer's own order; anyone else's order, or a line of another order, is a `404`.
    static func load(
        orderID: UUID, lineID: UUID, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> Self {
        let detail = try await services.orders.detail(orderID, for: principal, on: database)
        guard detail.order.$buyer.id == principal.accountID, let line = detail.lines.first(where: { $0.id == lineID })
        else { throw Problem.notFound("The order line") }
        let reviewed = try await Review.query(on: database).filter(\.$orderLine.$id == lineID).count() > 0
        return Self(
            orderID: orderID, lineID: lineID, item: line.description, orderStatus: detail.order.status,
            reviewed: reviewed)
    }

    /// Takes the submitted form; `ratings` is set when every star field is 1–5 and the text fits.
    mutating func take(_ form: FormValues) -> Ratings? {
        described = form.trimmed("described")
        service = form.trimmed("service")
        shipping = form.trimmed("shipping")
        text = form.trimmed("text")
        func stars(_ value: String, _ field: ReviewFormPage.Field) -> Int? {
            guard let stars = Int(value), (1...5).contains(stars) else {
                errors[field] = FormMessage(.errorStars)
                return nil
            }
            return stars
        }
        let ratings = (stars(described, .described), stars(service, .service), stars(shipping, .shipping))
        if text.count > ReviewService.maximumTextLength {
            errors[.text] = FormMessage(.errorTooLong, String(ReviewService.maximumTextLength))
        }
        guard errors.isEmpty, let described = ratings.0, let service = ratings.1, let shipping = ratings.2 else {
            return nil
        }
        return Ratings(described: described, service: service, shipping: shipping)
    }
}
