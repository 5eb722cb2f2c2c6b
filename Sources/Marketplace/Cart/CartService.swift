import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// The buyer's cart: one across all shops, turned into orders by checkout.
public struct CartService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    public func items(of principal: Principal, on database: any Database) async throws -> [CartItem] {
        try await CartItem.query(on: database).filter(\.$buyer.$id == principal.accountID)
            .sort(\.$variant.$id).all()
    }

    /// Sets how many of a variant the cart holds; 0 takes it out.
    public func set(
        variantID: UUID, quantity: Int, by principal: Principal, on database: any Database
    ) async throws -> [CartItem] {
        try Authorization.require(principal, .buy, .marketplace)
        guard (0...CheckoutService.maximumQuantity).contains(quantity) else {
            throw Problem.validation("quantity", "A quantity from 0 to \(CheckoutService.maximumQuantity).")
        }
        guard try await Variant.find(variantID, on: database) != nil else {
            throw Problem.notFound("The variant", field: "variantId")
        }
        let now = context.dependencies.now()
        let id = context.dependencies.uuid()
        try await context.transactions.transaction(on: database) { db in
            let existing = try await CartItem.query(on: db).filter(\.$buyer.$id == principal.accountID)
                .filter(\.$variant.$id == variantID).first()
            switch (existing, quantity) {
            case (let item?, 0):
                try await item.delete(on: db)
            case (let item?, _):
                item.quantity = quantity
                item.updatedAt = now
                try await item.save(on: db)
            case (nil, 0):
                break
            case (nil, _):
                try await CartItem(
                    id: id, buyerID: principal.accountID, variantID: variantID, quantity: quantity, at: now
                )
                .create(on: db)
            }
        }
        return try await items(of: principal, on: database)
    }

    /// The cart as checkout items; a `400` naming `items` when it is empty.
    func checkoutItems(of principal: Principal, on database: any Database) async throws -> [CheckoutService.Item] {
        let items = try await items(of: principal, on: database)
        guard !items.isEmpty else { throw Problem(type: .missingField, detail: "The cart is empty.", field: "items") }
        return items.map { CheckoutService.Item(variantID: $0.$variant.id, quantity: $0.quantity) }
    }
}
