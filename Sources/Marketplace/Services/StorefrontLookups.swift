import Community
import FluentKit
import Foundation
import JishiKit

/// A line of the buyer's cart with what the cart page shows about it.
public struct CartLine: Sendable {
    public var item: CartItem
    public var variant: Variant
    public var product: Product
    public var shop: Shop

    /// Whether it can be bought now: listed, its shop open.
    public var isForSale: Bool { product.listed && shop.status == .active }
    public var totalMinor: Int64 { variant.priceMinor * Int64(item.quantity) }
}

extension CartService {
    /// The cart with each line's variant, product and shop: two queries.
    public func lines(of principal: Principal, on database: any Database) async throws -> [CartLine] {
        let items = try await items(of: principal, on: database)
        guard !items.isEmpty else { return [] }
        let variants = try await Variant.query(on: database).filter(\.$id ~~ items.map(\.$variant.id))
            .with(\.$product) { $0.with(\.$shop) }.all()
        try await SourcingService.showSourceStock(of: variants, on: database)
        let byID = Dictionary(variants.compactMap { v in v.id.map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
        return items.compactMap { item in
            guard let variant = byID[item.$variant.id] else { return nil }
            return CartLine(item: item, variant: variant, product: variant.product, shop: variant.product.shop)
        }
    }
}

extension CheckoutService {
    /// The buyer's own checkout with its orders; `404` for anyone else's.
    public func checkout(_ id: UUID, for principal: Principal, on database: any Database) async throws -> (
        checkout: Checkout, orders: [Order]
    ) {
        guard let checkout = try await Checkout.find(id, on: database), checkout.$buyer.id == principal.accountID
        else { throw Problem.notFound("The checkout", field: "checkoutId") }
        let orders = try await Order.query(on: database).filter(\.$checkout.$id == id).sort(\.$id).all()
        return (checkout, orders)
    }
}

extension CatalogService {
    /// Every category, by code.
    public func categories(on database: any Database) async throws -> [Category] {
        try await Category.query(on: database).sort(\.$code).all()
    }

    /// The first photo of each product that has one.
    public func coverPhotos(of productIDs: [UUID], on database: any Database) async throws -> [UUID: ProductPhoto] {
        guard !productIDs.isEmpty else { return [:] }
        let photos = try await ProductPhoto.query(on: database).filter(\.$product.$id ~~ productIDs)
            .sort(\.$position).sort(\.$createdAt).all()
        var covers: [UUID: ProductPhoto] = [:]
        for photo in photos where covers[photo.$product.id] == nil { covers[photo.$product.id] = photo }
        return covers
    }
}

extension ShopService {
    /// Shops by id, for lists that name them (orders, search results). Public facts only.
    public func shops(withIDs ids: [UUID], on database: any Database) async throws -> [UUID: Shop] {
        guard !ids.isEmpty else { return [:] }
        let shops = try await Shop.query(on: database).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(shops.compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
    }
}
