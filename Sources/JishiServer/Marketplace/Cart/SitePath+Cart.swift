import Foundation

extension SitePath {
    static let cart = SitePath("/cart", page: true)
    /// POST: put a variant in the cart (or change its quantity; 0 takes it out).
    static let cartItems = SitePath("/cart/items", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let cartPaths: [SitePath] = [.cart, .cartItems]
}
