import JishiKit
import Vapor

/// The web pages, registered from `SitePath`. Registered by `configure`.
enum WebRoutes {
    typealias Handler = @Sendable (Request) async throws -> Response

    static func register(on app: Application) throws {
        let pages = app.grouped(WebBodyLimit())
        func get(_ path: SitePath, _ handler: @escaping Handler) {
            pages.get(path.components, use: logInFirst(handler))
        }
        func post(_ path: SitePath, _ handler: @escaping Handler) { WebBodyLimit.post(path, on: pages, use: handler) }

        get(.home, HomeController.show)
        get(.register, AccountPages.showRegister)
        post(.register, AccountPages.register)
        get(.logIn, AccountPages.showLogIn)
        post(.logIn, AccountPages.logIn)
        post(.logOut, AccountPages.logOut)
        post(.language, LanguageSwitch.choose)

        get(.search, SearchController.show)
        get(.product, ProductController.show)
        get(.cart, CartController.show)
        post(.cartItems, CartController.setItem)
        get(.checkout, CheckoutController.show)
        post(.checkout, CheckoutController.submit)
        get(.checkoutSummary, CheckoutController.summary)
        post(.checkoutPay, CheckoutController.pay)
        get(.orders, OrderController.list)
        get(.order, OrderController.show)
        post(.orderCancel, OrderController.cancel)
        post(.orderConfirm, OrderController.confirmReceipt)
        post(.orderRefund, OrderController.requestRefund)
        post(.orderShip, OrderController.markShipped)
        post(.orderDeliver, OrderController.markDelivered)

        get(.shops, ShopController.list)
        get(.openShop, ShopController.showOpen)
        post(.openShop, ShopController.open)
        get(.shop, ShopController.dashboard)
        get(.shopOrders, ShopController.orders)
        get(.packingList, ShopController.packingList)
        get(.statement, ShopController.statement)
        get(.newProduct, ProductEditingController.showNew)
        get(.editProduct, ProductEditingController.showEdit)
        post(.updateVariant, ProductEditingController.updateVariant)
        post(.variantStock, ProductEditingController.setStock)
        post(.removePhoto, ProductEditingController.removePhoto)
        get(.sourcing, SourcingController.show)
        post(.sourcingLink, SourcingController.link)
        post(.sourcingAsk, SourcingController.ask)
        post(.supplyStep, SourcingController.supplyStep)
        get(.resellers, ResellersController.show)
        post(.resellerOffer, ResellersController.offer)
        post(.resellerWithdraw, ResellersController.withdraw)
        post(.resellerDecide, ResellersController.decide)

        get(.reviewLine, ReviewController.showForm)
        get(.shopReviews, ReviewController.shopReviews)
        post(.reviewReport, ReviewController.report)

        get(.messages, ChatController.list)
        get(.shopMessages, ChatController.shopList)
        post(.contactShop, ChatController.contact)
        get(.conversation, ChatController.show)
        post(.conversation, ChatController.send)
        post(.conversationRead, ChatController.markRead)
        post(.conversationBlock, ChatController.block)
        ChatLive.register(on: app)

        // A review or a reply has up to 2,000 characters (three bytes each, percent-encoded).
        let reviewForms = app.grouped(WebBodyLimit(maxBytes: ReviewController.maxFormBytes))
        WebBodyLimit.post(
            .reviewLine, on: reviewForms, maxBytes: ReviewController.maxFormBytes, use: ReviewController.write)
        WebBodyLimit.post(
            .reviewReply, on: reviewForms, maxBytes: ReviewController.maxFormBytes, use: ReviewController.reply)

        // A product's description may be long (5,000 characters, three bytes each and
        // percent-encoded): these forms may be larger than the others.
        let productLimit = ProductEditingController.maxFormBytes
        let productForms = app.grouped(WebBodyLimit(maxBytes: productLimit))
        WebBodyLimit.post(.newProduct, on: productForms, maxBytes: productLimit, use: ProductEditingController.create)
        WebBodyLimit.post(.editProduct, on: productForms, maxBytes: productLimit, use: ProductEditingController.update)
        WebBodyLimit.post(
            .addVariant, on: productForms, maxBytes: productLimit, use: ProductEditingController.addVariant)

        // A photo upload reads its own body, up to the photo limit plus the form around it, so
        // that a too-large photo comes back as a message on the product's page.
        app.on(.POST, SitePath.addPhoto.components, body: .stream, use: ProductEditingController.addPhoto)
        app.on(.POST, SitePath.reviewPhoto.components, body: .stream, use: ReviewPhotoController.add)
    }

    /// A page that needs an account sends a browser that is not signed in to the log-in page,
    /// which brings it back here afterwards.
    static func logInFirst(_ handler: @escaping Handler) -> Handler {
        { request in
            do {
                return try await handler(request)
            } catch let problem as Problem where problem.type == ProblemType.unauthenticated.uri {
                let session = WebSession.fromCookies(request)
                let here = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
                guard let next = SitePath.pagePath(here) else { throw problem }
                return WebPage.redirect(toPath: SitePath.logIn(returningTo: next), session: session)
            }
        }
    }
}

/// Forms are small: anything over 16 KB (unless a route says otherwise) is refused. A body
/// that declares a larger `Content-Length` is refused before it is read; any other (chunked, or
/// lying about its length) is refused once the bytes read pass the limit, by the route's own
/// body collection (`post`).
struct WebBodyLimit: AsyncMiddleware {
    static let defaultMaxBytes = 16 * 1024
    var maxBytes = Self.defaultMaxBytes

    /// A form route whose body is collected up to `maxBytes`, whatever its framing.
    static func post(
        _ path: SitePath, on routes: any RoutesBuilder, maxBytes: Int = defaultMaxBytes,
        use handler: @escaping WebRoutes.Handler
    ) {
        routes.on(.POST, path.components, body: .collect(maxSize: ByteCount(integerLiteral: maxBytes)), use: handler)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > maxBytes {
            throw Abort(.payloadTooLarge)
        }
        return try await next.respond(to: request)
    }
}
