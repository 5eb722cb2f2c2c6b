import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func openShop(_ input: Operations.OpenShop.Input) async throws -> Operations.OpenShop.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let shop = try await request.jishi.shops.open(
            .init(
                name: body.name, description: body.description ?? "",
                villageID: try Self.uuid(body.villageId, field: "villageId"),
                kind: Shop.Kind(rawValue: body.kind.rawValue) ?? .individual, brandName: body.brandName,
                licenceNumber: body.licenceNumber,
                householdID: try body.householdId.map { try Self.uuid($0, field: "householdId") }),
            by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.shop(shop))))
    }

    func addProduct(_ input: Operations.AddProduct.Input) async throws -> Operations.AddProduct.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let shopID = try Self.uuid(input.path.shopId, field: "shopId")
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let variants = body.variants.map { variant in
            CatalogService.NewVariant(
                sku: variant.sku, name: variant.name ?? "",
                price: Money(minorUnits: variant.priceMinor, currency: .cny),
                stock: variant.stock, weightGrams: variant.weightGrams ?? 0)
        }
        let (product, made) = try await request.jishi.catalog.addProduct(
            .init(
                title: body.title, description: body.description ?? "",
                categoryID: try Self.uuid(body.categoryId, field: "categoryId"), variants: variants,
                attributes: (body.attributes ?? []).map { .init(name: $0.name, value: $0.value) }),
            to: shopID, by: principal, shops: request.jishi.shops, on: request.db)
        return .created(.init(body: .json(try APIMapping.product(product, made))))
    }

    func getProduct(_ input: Operations.GetProduct.Input) async throws -> Operations.GetProduct.Output {
        let request = try RequestContext.request()
        let viewer = request.bearerToken == nil ? nil : try await request.requirePrincipal()
        let detail = try await request.jishi.catalog.detail(
            try Self.uuid(input.path.id, field: "id"), viewer: viewer, on: request.db)
        return .ok(.init(body: .json(try APIMapping.product(detail))))
    }

    func checkout(_ input: Operations.Checkout.Input) async throws -> Operations.Checkout.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let delivery = try Self.delivery(body.delivery)
        let method = Checkout.PaymentMethod(rawValue: body.paymentMethod.rawValue) ?? .online
        let key = input.headers.idempotencyKey
        let result: CheckoutService.Result
        if let items = body.items {
            let lines = try items.enumerated().map { index, item in
                CheckoutService.Item(
                    variantID: try Self.uuid(item.variantId, field: "items[\(index)].variantId"),
                    quantity: item.quantity)
            }
            result = try await request.jishi.checkouts.checkout(
                .init(items: lines, delivery: delivery, paymentMethod: method), idempotencyKey: key, by: principal,
                on: request.db)
        } else {
            result = try await request.jishi.checkouts.checkoutCart(
                delivery: delivery, paymentMethod: method, idempotencyKey: key, by: principal, on: request.db)
        }
        return .created(
            .init(
                body: .json(
                    .init(
                        checkoutId: try result.checkout.requireID().uuidString,
                        orders: try result.orders.map(APIMapping.orderSummary),
                        totalMinor: result.checkout.totalMinor, expiresAt: result.checkout.expiresAt))))
    }

    func payCheckout(_ input: Operations.PayCheckout.Input) async throws -> Operations.PayCheckout.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let result = try await request.jishi.payments.pay(
            checkoutID: try Self.uuid(input.path.checkoutId, field: "checkoutId"), provider: body.provider.rawValue,
            token: body.token, idempotencyKey: input.headers.idempotencyKey, by: principal, on: request.db)
        let answer = try APIMapping.paymentResult(result)
        return result.payment.status == .pending
            ? .accepted(.init(body: .json(answer))) : .created(.init(body: .json(answer)))
    }

    func getOrder(_ input: Operations.GetOrder.Input) async throws -> Operations.GetOrder.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let order = try await request.jishi.orders.order(
            try Self.uuid(input.path.id, field: "id"), for: principal, on: request.db)
        return .ok(.init(body: .json(try await APIMapping.order(order, on: request.db))))
    }

    func cancelOrder(_ input: Operations.CancelOrder.Input) async throws -> Operations.CancelOrder.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        var reason = "cancelled"
        if case .json(let body)? = input.body, let given = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines),
            !given.isEmpty
        {
            reason = given
        }
        let order = try await request.jishi.orders.cancel(
            try Self.uuid(input.path.id, field: "id"), by: principal, reason: reason, on: request.db)
        return .ok(.init(body: .json(try await APIMapping.order(order, on: request.db))))
    }

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
