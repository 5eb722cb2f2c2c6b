import Foundation
import JishiKit
import Vapor

/// Every web page's path, declared once: routes are registered from it and links are made
/// from it, so a path never appears as a string anywhere else.
///
/// A segment written `:name` is a parameter; every parameter is an id (a UUID), so a link is
/// made with `path(_:)` and a request's value is read with `Request.pageID(_:)`.
enum SitePath: String, CaseIterable, Sendable {
    case home = "/"
    case register = "/register"
    case logIn = "/login"
    case logOut = "/logout"
    case language = "/language"

    // Buying.
    case search = "/search"
    case product = "/products/:product"
    case cart = "/cart"
    /// POST: put a variant in the cart (or change its quantity; 0 takes it out).
    case cartItems = "/cart/items"
    case checkout = "/checkout"
    case checkoutSummary = "/checkouts/:checkout"
    case checkoutPay = "/checkouts/:checkout/pay"
    case orders = "/orders"
    case order = "/orders/:order"
    case orderCancel = "/orders/:order/cancel"
    case orderConfirm = "/orders/:order/confirm"
    case orderRefund = "/orders/:order/refund"

    // Selling.
    case shops = "/shops"
    case openShop = "/shops/new"
    case shop = "/shops/:shop"
    case shopOrders = "/shops/:shop/orders"
    case packingList = "/shops/:shop/packing-list"
    case statement = "/shops/:shop/statement"
    case newProduct = "/shops/:shop/products/new"
    case editProduct = "/products/:product/edit"
    case addVariant = "/products/:product/variants"
    case updateVariant = "/products/:product/variants/:variant"
    case variantStock = "/products/:product/variants/:variant/stock"
    case addPhoto = "/products/:product/photos"
    case removePhoto = "/products/:product/photos/:photo/delete"
    case orderShip = "/orders/:order/ship"
    case orderDeliver = "/orders/:order/deliver"
    case sourcing = "/shops/:shop/sourcing"
    case sourcingLink = "/shops/:shop/sourcing/link"
    case sourcingAsk = "/shops/:shop/sourcing/ask"
    case resellers = "/shops/:shop/resellers"
    case resellerOffer = "/shops/:shop/resellers/offer"
    case resellerWithdraw = "/shops/:shop/resellers/withdraw"
    case resellerDecide = "/shops/:shop/resellers/:approval/decide"
    case supplyStep = "/shops/:shop/supply-orders/:supply/step"

    // Reviews.
    /// GET the review form for one line of a delivered order; POST writes the review.
    case reviewLine = "/orders/:order/lines/:line/review"
    case shopReviews = "/shops/:shop/reviews"
    case reviewReply = "/reviews/:review/reply"
    case reviewReport = "/reviews/:review/report"
    case reviewPhoto = "/reviews/:review/photos"

    // Chat.
    case messages = "/messages"
    /// GET the conversation; POST sends a message in it.
    case conversation = "/messages/:conversation"
    case conversationRead = "/messages/:conversation/read"
    case conversationBlock = "/messages/:conversation/block"
    case shopMessages = "/shops/:shop/messages"
    /// POST: the buyer's conversation with the shop, opened on first use.
    case contactShop = "/shops/:shop/contact"
    /// The conversation pages' WebSocket (signed in by the session cookie).
    case chatLive = "/chat/live"

    /// The path as a link target (for paths without parameters).
    var path: String { rawValue }

    /// The path with its parameters filled in, in order.
    func path(_ ids: UUID...) -> String {
        var remaining = ids[...]
        let segments = rawValue.split(separator: "/").map { segment -> String in
            guard segment.hasPrefix(":") else { return String(segment) }
            precondition(!remaining.isEmpty, "\(rawValue) needs more ids")
            return remaining.removeFirst().uuidString.lowercased()
        }
        precondition(remaining.isEmpty, "\(rawValue) takes fewer ids")
        return "/" + segments.joined(separator: "/")
    }

    /// The path as Vapor route components.
    var components: [PathComponent] {
        rawValue.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// Pages a browser may be sent back to after a form (never an action, never elsewhere).
    var isPage: Bool {
        switch self {
        case .home, .register, .logIn, .search, .product, .cart, .checkout, .checkoutSummary, .orders, .order, .shops,
            .openShop, .shop, .shopOrders, .packingList, .statement, .newProduct, .editProduct, .sourcing, .resellers,
            .reviewLine, .shopReviews, .messages, .conversation, .shopMessages:
            true
        case .logOut, .language, .cartItems, .checkoutPay, .orderCancel, .orderConfirm, .orderRefund, .addVariant,
            .updateVariant, .variantStock, .addPhoto, .removePhoto, .orderShip, .orderDeliver, .sourcingLink,
            .sourcingAsk, .resellerOffer, .resellerWithdraw, .resellerDecide, .supplyStep, .reviewReply, .reviewPhoto,
            .reviewReport, .conversationRead, .conversationBlock, .contactShop, .chatLive:
            false
        }
    }

    /// Whether `path` (without a query) is this pattern with ids in its parameters.
    func matches(_ path: Substring) -> Bool {
        let pattern = rawValue.split(separator: "/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if pattern.isEmpty { return path == "/" }
        guard path.hasPrefix("/"), parts.count == pattern.count else { return false }
        return zip(pattern, parts).allSatisfy { expected, part in
            expected.hasPrefix(":") ? UUID(uuidString: String(part)) != nil : expected == part
        }
    }

    /// The page at `path`, when `path` is exactly one of ours and a page. Used to check a
    /// `next` field before redirecting to it, so a form can never send anyone off-site.
    static func page(at path: String?) -> SitePath? {
        guard let path else { return nil }
        return allCases.first { $0.isPage && $0.matches(Substring(path)) }
    }

    /// `path` when it is one of our pages, with a query made only of harmless characters;
    /// `nil` otherwise. What a `next` field may redirect to.
    static func pagePath(_ path: String?) -> String? {
        guard let path, path.utf8.count <= 1_000 else { return nil }
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard page(at: String(parts[0])) != nil else { return nil }
        if parts.count == 2, !parts[1].unicodeScalars.allSatisfy(isQueryScalar) { return nil }
        return path
    }

    /// The log-in page, asked to come back to `next` afterwards.
    static func logIn(returningTo next: String) -> String {
        logIn.path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    private static func isQueryScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", "%", "=", "&", "+", "[", "]": true
        default: false
        }
    }
}

extension Request {
    /// The id in the path parameter `name`; a `404` when it is not one.
    func pageID(_ name: String) throws -> UUID {
        guard let value = parameters.get(name), let id = UUID(uuidString: value) else {
            throw Problem.notFound("The page")
        }
        return id
    }
}
