import Community
import FluentKit
import JishiKit
import Marketplace
import Vapor

/// The buyer's orders (`GET /orders`), one order (`GET /orders/:order`) and the steps either
/// side takes on it. Someone else's order is a `404`, as the order service answers.
enum OrderController {
    @Sendable static func list(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let services = request.jishi
        let offset = FormInput.count((try? request.query.get(String.self, at: "offset")) ?? "") ?? 0
        let page = try await services.orders.orders(
            ofBuyer: principal, page: JishiKit.PageRequest(limit: OrderListPage.pageSize, offset: offset),
            on: request.db)
        let shops = try await services.shops.shops(withIDs: page.items.map(\.$shop.id), on: request.db)
        let lines = try await services.orders.lines(of: page.items.compactMap(\.id), on: request.db)
        var model = OrderListPage.Model(page: page, shops: shops, lines: lines)
        model.notice = request.notice
        let context = PageContext(session: session, current: .orders)
        return WebPage.response(OrderListPage.View(model: model, context: context).html, session: session)
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        var model = try await OrderPage.Model.load(
            try request.pageID("order"), principal: principal, language: session.language, services: request.jishi,
            on: request.db)
        model.notice = request.notice
        return page(model, session: session)
    }

    @Sendable static func cancel(_ request: Request) async throws -> Response {
        try await step(request, notice: .cancelled) { services, id, principal, db in
            _ = try await services.orders.cancel(id, by: principal, reason: "cancelled by buyer", on: db)
        }
    }

    @Sendable static func confirmReceipt(_ request: Request) async throws -> Response {
        try await step(request, notice: .confirmed) { services, id, principal, db in
            _ = try await services.orders.confirmReceipt(id, by: principal, on: db)
        }
    }

    /// Ships with the carrier and tracking number typed; a form that does not say how comes
    /// back explained and ships nothing.
    @Sendable static func markShipped(_ request: Request) async throws -> Response {
        let signedIn = try await FormValues.signedIn(request)
        let (session, principal, form) = signedIn
        let id = try request.pageID("order")
        let (carrier, tracking) = (form.trimmed("carrier"), form.trimmed("tracking"))
        do {
            let shipment = try Shipment.validated(carrier: carrier, trackingNumber: tracking)
            return try await step(request, signedIn: signedIn, notice: .shipped) { services, id, principal, db in
                _ = try await services.orders.markShipped(id, shipment: shipment, by: principal, on: db)
            }
        } catch let problem as Problem where problem.field == "carrier" || problem.field == "trackingNumber" {
            var model = try await OrderPage.Model.load(
                id, principal: principal, language: session.language, services: request.jishi, on: request.db)
            model.shipCarrier = carrier
            model.shipTracking = tracking
            model.errors[problem.field == "carrier" ? .carrier : .trackingNumber] = FormMessage(
                problem.field == "carrier"
                    ? .orderShipCarrierError
                    : problem.status == 409
                        ? .orderShipTrackingTaken
                        : tracking.isEmpty ? .orderShipTrackingNeeded : .orderShipTrackingError)
            return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
    }

    @Sendable static func markDelivered(_ request: Request) async throws -> Response {
        try await step(request, notice: .delivered) { services, id, principal, db in
            _ = try await services.orders.markDelivered(id, by: principal, on: db)
        }
    }

    @Sendable static func requestRefund(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let id = try request.pageID("order")
        let services = request.jishi
        var model = try await OrderPage.Model.load(
            id, principal: principal, language: session.language, services: services, on: request.db)
        model.refundAmount = form.trimmed("amount")
        model.refundReason = form.trimmed("reason")
        let amount = FormInput.yuan(model.refundAmount)
        if model.refundAmount.isEmpty {
            model.errors[.amount] = FormMessage(.errorRequired)
        } else if amount == nil || amount == 0 {
            model.errors[.amount] = FormMessage(.errorPrice)
        } else if let amount, amount > model.refundableMinor {
            model.errors[.amount] = FormMessage(.refundAtMost, Money(minorUnits: model.refundableMinor).formatted)
        }
        if model.refundReason.isEmpty {
            model.errors[.reason] = FormMessage(.errorRequired)
        } else if model.refundReason.count > FieldLimits.reason.upperBound {
            model.errors[.reason] = FormMessage(.errorTooLong, String(FieldLimits.reason.upperBound))
        }
        guard model.errors.isEmpty, let amount else { return page(model, session: session, status: .badRequest) }
        do {
            _ = try await services.refunds.request(
                orderID: id, amountMinor: amount, reason: model.refundReason, requiresReturn: form.isChecked("return"),
                by: principal, on: request.db)
        } catch let problem as Problem where problem.status == 400 {
            model.errors[problem.field == "reason" ? .reason : .amount] = FormMessage(.errorFieldInvalid)
            return page(model, session: session, status: .badRequest)
        }
        return WebPage.redirect(toPath: Notice.refundRequested.on(SitePath.order.path(id)), session: session)
    }

    /// A one-button step on an order: check the form, take the step, go back to the order (or
    /// to the page the form names). A step the order's state no longer allows comes back as a
    /// message on the order's page.
    /// `signedIn` is the form as a caller already read it (`FormValues.signedIn`), read here
    /// when it has not.
    private static func step(
        _ request: Request, signedIn: (WebSession, Principal, FormValues)? = nil, notice: Notice,
        _ action: (JishiServices, UUID, Principal, any Database) async throws -> Void
    ) async throws -> Response {
        let read: (WebSession, Principal, FormValues)
        if let signedIn { read = signedIn } else { read = try await FormValues.signedIn(request) }
        let (session, principal, form) = read
        let id = try request.pageID("order")
        let services = request.jishi
        do {
            try await action(services, id, principal, request.db)
        } catch let problem as Problem where problem.type == ProblemType.invalidTransition.uri {
            var model = try await OrderPage.Model.load(
                id, principal: principal, language: session.language, services: services, on: request.db)
            model.failure = FormMessage(.orderStepNotAllowed)
            return page(model, session: session, status: .conflict)
        }
        let next = SitePath.pagePath(form.fields["next"]) ?? SitePath.order.path(id)
        return WebPage.redirect(toPath: notice.on(next), session: session)
    }

    private static func page(_ model: OrderPage.Model, session: WebSession, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let context = PageContext(session: session, current: .order, returnPath: SitePath.order.path(model.id))
        return WebPage.response(OrderPage.View(model: model, context: context).html, status: status, session: session)
    }
}
