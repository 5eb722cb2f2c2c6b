import Community
import JishiKit
import Marketplace
import Vapor

/// The cart: `GET /cart`, and `POST /cart/items`, which the product page's buttons ("add to
/// cart", "buy now") and the cart's own (change the quantity, remove) all send.
enum CartController {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        var model = CartPage.Model.load(try await request.jishi.cart.lines(of: principal, on: request.db))
        model.notice = request.notice
        return page(model, session: session)
    }

    @Sendable static func setItem(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        guard let variantID = UUID(uuidString: form.trimmed("variant")) else {
            // No variant chosen: only the product page can send that.
            guard let productID = UUID(uuidString: form.trimmed("product")) else {
                throw Problem.validation("variant", "Choose a variant.")
            }
            var model = try await ProductPage.Model.load(
                productID, viewer: principal, language: session.language, services: services, on: request.db)
            model.chosenVariant = nil
            model.quantity = form["quantity"]
            model.errors[.variant] = FormMessage(.errorChooseVariant)
            return ProductController.page(model, session: session, status: .badRequest)
        }
        guard let variant = try await Variant.find(variantID, on: request.db) else {
            throw Problem.notFound("The variant", field: "variant")
        }
        let then = form["then"]
        let quantity = then == "remove" ? 0 : FormInput.count(form["quantity"])
        let smallest = (then == "set" || then == "remove") ? 0 : 1
        guard let quantity, (smallest...CheckoutService.maximumQuantity).contains(quantity) else {
            let message = FormMessage(.errorQuantity, String(smallest), String(CheckoutService.maximumQuantity))
            if then == "set" {
                var model = CartPage.Model.load(try await services.cart.lines(of: principal, on: request.db))
                model.lineErrors[variantID] = message
                return page(model, session: session, status: .badRequest)
            }
            var model = try await ProductPage.Model.load(
                variant.$product.id, viewer: principal, language: session.language, services: services,
                on: request.db)
            model.chosenVariant = variantID
            model.quantity = form["quantity"]
            model.errors[.quantity] = message
            return ProductController.page(model, session: session, status: .badRequest)
        }
        switch then {
        case "buy":
            // Nothing is written: the checkout form is for this one variant.
            return WebPage.redirect(
                toPath: SitePath.checkout.path + "?variant=\(variantID.uuidString.lowercased())&quantity=\(quantity)",
                session: session)
        case "set", "remove":
            _ = try await services.cart.set(variantID: variantID, quantity: quantity, by: principal, on: request.db)
            return WebPage.redirect(toPath: Notice.cartUpdated.on(SitePath.cart.path), session: session)
        default:
            let already =
                try await services.cart.items(of: principal, on: request.db)
                .first { $0.$variant.id == variantID }?.quantity ?? 0
            let total = min(already + quantity, CheckoutService.maximumQuantity)
            _ = try await services.cart.set(variantID: variantID, quantity: total, by: principal, on: request.db)
            return WebPage.redirect(toPath: Notice.addedToCart.on(SitePath.cart.path), session: session)
        }
    }

    private static func page(_ model: CartPage.Model, session: WebSession, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let view = CartPage.View(model: model, context: PageContext(session: session, current: .cart))
        return WebPage.response(view.html, status: status, session: session)
    }
}
