import Community
import JishiKit
import Marketplace
import Vapor

/// Checkout and payment: `GET/POST /checkout`, `GET /checkouts/:checkout` and
/// `POST /checkouts/:checkout/pay` (the sandbox's test buttons).
enum CheckoutController {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let single = try singleItem(
            variant: try? request.query.get(String.self, at: "variant"),
            quantity: try? request.query.get(String.self, at: "quantity"))
        var model = try await CheckoutPage.Model.load(
            single: single, key: FormInput.idempotencyKey(request.jishi.dependencies), principal: principal,
            language: session.language, services: request.jishi, on: request.db)
        model.name = session.viewer?.displayName ?? ""
        return checkoutPage(model, session: session)
    }

    @Sendable static func submit(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        let single = try singleItem(
            variant: form.fields["variant"].flatMap { $0.isEmpty ? nil : $0 }, quantity: form.fields["quantity"])
        let submittedKey = form.trimmed("key")
        let key =
            FormInput.isIdempotencyKey(submittedKey) ? submittedKey : FormInput.idempotencyKey(services.dependencies)
        var model = try await CheckoutPage.Model.load(
            single: single, key: key, principal: principal, language: session.language, services: services,
            on: request.db)
        model.take(form)
        guard model.errors.isEmpty else { return checkoutPage(model, session: session, status: .badRequest) }

        let result: CheckoutService.Result
        do {
            if let single {
                result = try await services.checkouts.checkout(
                    CheckoutService.Request(
                        items: [CheckoutService.Item(variantID: single.variantID, quantity: single.quantity)],
                        delivery: model.delivery, paymentMethod: model.method),
                    idempotencyKey: key, by: principal, on: request.db)
            } else {
                result = try await services.checkouts.checkoutCart(
                    delivery: model.delivery, paymentMethod: model.method, idempotencyKey: key, by: principal,
                    on: request.db)
            }
        } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 403 {
            let field = problem.field.map { $0.replacingOccurrences(of: "delivery.", with: "") }
            switch (ProblemType(uri: problem.type), field) {
            case (.validation, "villageId"?), (.notFound, "villageId"?):
                model.errors[.village] = FormMessage(.errorFieldInvalid)
            case (.validation, "name"?): model.errors[.name] = FormMessage(.errorFieldInvalid)
            case (.validation, "phone"?): model.errors[.phone] = FormMessage(.errorPhone)
            case (.validation, "addressLine"?): model.errors[.address] = FormMessage(.errorFieldInvalid)
            case (.idempotencyKeyReused, _):
                // The form was sent before with other details; this is a new checkout.
                model.key = FormInput.idempotencyKey(services.dependencies)
                model.failure = FormMessage(.checkoutResubmitted)
            case (.missingField, _): model.failure = FormMessage(.cartEmpty)
            case (.insufficientStock, _): model.failure = FormMessage(.problemInsufficientStock)
            case (.conflict, _), (.notFound, _): model.failure = FormMessage(.checkoutNotForSale)
            default: model.failure = FormMessage(.errorFieldInvalid)
            }
            let status = HTTPResponseStatus(statusCode: problem.status)
            return checkoutPage(model, session: session, status: status)
        }
        let summary = SitePath.checkoutSummary.path(try result.checkout.requireID())
        return WebPage.redirect(
            toPath: model.method == .cashAtStation ? Notice.cashOrder.on(summary) : summary, session: session)
    }

    @Sendable static func summary(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("checkout")
        let model = try await PaymentPage.Model.load(
            id, key: FormInput.idempotencyKey(request.jishi.dependencies), principal: principal,
            services: request.jishi, on: request.db)
        return paymentPage(model, session: session, notice: request.notice)
    }

    @Sendable static func pay(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("checkout")
        let form = try FormValues.verified(request, session: session)
        let services = request.jishi
        let token = form["token"]
        guard token == "tok_ok" || token == "tok_decline", FormInput.isIdempotencyKey(form["key"]) else {
            throw Problem.validation("token", "Use the page's buttons.")
        }
        do {
            let paid = try await services.payments.pay(
                checkoutID: id, provider: "sandbox", token: token, idempotencyKey: form["key"], by: principal,
                on: request.db)
            let next =
                paid.orders.count == 1
                ? SitePath.order.path(try paid.orders[0].requireID()) : SitePath.orders.path
            return WebPage.redirect(toPath: Notice.paid.on(next), session: session)
        } catch let problem as Problem
            where problem.type == ProblemType.paymentDeclined.uri || problem.type == ProblemType.conflict.uri
        {
            // A fresh key: trying again is a new payment attempt.
            var model = try await PaymentPage.Model.load(
                id, key: FormInput.idempotencyKey(services.dependencies), principal: principal, services: services,
                on: request.db)
            model.failure = FormMessage(
                problem.type == ProblemType.paymentDeclined.uri ? .paymentDeclinedRetry : .paymentNotPayable)
            return paymentPage(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
    }

    /// The one variant of a "buy now", from the query or the form; `nil` for the cart.
    private static func singleItem(variant: String?, quantity: String?) throws -> CheckoutPage.Single? {
        guard let variant else { return nil }
        guard let id = UUID(uuidString: variant) else { throw Problem.notFound("The variant", field: "variant") }
        guard let count = FormInput.count(quantity ?? ""), (1...CheckoutService.maximumQuantity).contains(count)
        else { throw Problem.validation("quantity", "A quantity from 1 to \(CheckoutService.maximumQuantity).") }
        return CheckoutPage.Single(variantID: id, quantity: count)
    }

    private static func checkoutPage(
        _ model: CheckoutPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let returnPath =
            model.single.map {
                SitePath.checkout.path + "?variant=\($0.variantID.uuidString.lowercased())&quantity=\($0.quantity)"
            } ?? SitePath.checkout.path
        let context = PageContext(session: session, current: .checkout, returnPath: returnPath)
        return WebPage.response(
            CheckoutPage.View(model: model, context: context).html, status: status, session: session)
    }

    private static func paymentPage(
        _ model: PaymentPage.Model, session: WebSession, notice: Notice? = nil, status: HTTPResponseStatus = .ok
    ) -> Response {
        let context = PageContext(
            session: session, current: .checkoutSummary, returnPath: SitePath.checkoutSummary.path(model.checkoutID))
        var view = PaymentPage.View(model: model, context: context)
        view.notice = notice
        return WebPage.response(view.html, status: status, session: session)
    }
}
