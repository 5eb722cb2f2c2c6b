import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func cart(_ items: [CartItem]) -> Components.Schemas.Cart {
        Components.Schemas.Cart(
            items: items.map { .init(variantId: $0.$variant.id.uuidString, quantity: $0.quantity) })
    }
}
