import Community
import FluentKit
import Foundation
import JishiKit

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
