import Community
import FluentKit
import Foundation
import JishiKit

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
