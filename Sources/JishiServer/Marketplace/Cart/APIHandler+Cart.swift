import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func getCart(_ input: Operations.GetCart.Input) async throws -> Operations.GetCart.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let items = try await request.jishi.cart.items(of: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.cart(items))))
    }

    func setCartItem(_ input: Operations.SetCartItem.Input) async throws -> Operations.SetCartItem.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let items = try await request.jishi.cart.set(
            variantID: try Self.uuid(input.path.variantId, field: "variantId"), quantity: body.quantity, by: principal,
            on: request.db)
        return .ok(.init(body: .json(APIMapping.cart(items))))
    }
}
