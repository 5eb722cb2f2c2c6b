import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Vapor

/// An admin on a shop's seller pages is there on purpose, never by a typed address.
///
/// The marketplace lets an admin act for any shop (`ShopService.requireStaff`), which the API
/// keeps. On the pages, a signed-in admin who is not the shop's staff gets the seller's pages
/// (`/shops/:shop/…`, a product's editing pages) as anyone else would: not found. The one way
/// in is the admin view, `/shops/:shop?view=admin`, which the staff shop page links to: the
/// dashboard, read-only, under a banner saying whose eyes these are. Its forms and the other
/// seller pages stay the shop's own.
struct AdminView: AsyncMiddleware {
    static let query = "view=admin"

    /// The dashboard in admin view.
    static func dashboard(_ shopID: UUID) -> String { SitePath.shop.path(shopID) + "?" + query }

    /// The seller's pages, by the shop they belong to.
    private static let shopPaths = SitePath.allCases.filter {
        $0.rawValue.hasPrefix("/shops/:shop") && $0 != .contactShop
    }
    private static let productPaths = SitePath.allCases.filter {
        $0.rawValue.hasPrefix("/products/:product/")
    }
    /// The first segments of those paths (`shops`, `products`): every other request, the API's
    /// among them, passes on after one comparison. Matching each request against every seller
    /// path took about 5 % of the server's CPU in `bench/checkout`, for requests that were
    /// never a seller page.
    private static let firstSegments = Set(
        (shopPaths + productPaths).compactMap {
            $0.rawValue.split(separator: "/").first.map(String.init)
        })

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = Substring(request.url.path)
        // What `SitePath.matches` would compare first: the segment after the leading `/`.
        let first = path.dropFirst().prefix { $0 != "/" }
        guard path.hasPrefix("/"), Self.firstSegments.contains(String(first)) else {
            return try await next.respond(to: request)
        }
        let shopPath = Self.shopPaths.contains { $0.matches(path) }
        let productPath = !shopPath && Self.productPaths.contains { $0.matches(path) }
        guard shopPath || productPath,
            request.cookies[
                WebSession.cookieName(
                    WebSession.sessionCookieBase, secure: request.jishi.config.http.secureCookies)] != nil
        else { return try await next.respond(to: request) }
        let session = try await WebSession.load(request)
        guard let principal = session.principal, principal.has(.admin) else {
            return try await next.respond(to: request)
        }
        let parts = path.split(separator: "/")
        guard parts.count >= 2, let id = UUID(uuidString: String(parts[1])) else {
            return try await next.respond(to: request)
        }
        let shopID: UUID
        if shopPath {
            shopID = id
        } else {
            guard let product = try await Product.find(id, on: request.db) else {
                return try await next.respond(to: request)
            }
            shopID = product.$shop.id
        }
        if try await ShopStaff.exists(accountID: principal.accountID, shopID: shopID, on: request.db) {
            return try await next.respond(to: request)
        }
        let deliberate =
            request.method == .GET && SitePath.shop.matches(path) && request.url.query == Self.query
        guard deliberate else { throw Problem.notFound("The shop") }
        return try await next.respond(to: request)
    }
}
