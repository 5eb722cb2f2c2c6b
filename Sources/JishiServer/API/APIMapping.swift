import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

/// Domain models to API schemas.
enum APIMapping {
    static func account(_ account: Account, on request: Request) async throws -> Components.Schemas.Account {
        let id = try account.requireID()
        let principal = try await request.jishi.accounts.principal(for: id, on: request.db)
        return Components.Schemas.Account(
            id: id.uuidString, username: account.username, displayName: account.displayName,
            preferredLanguage: Components.Schemas.Language(rawValue: account.language.rawValue) ?? .zhHans,
            roles: principal.grants.map(roleGrant), createdAt: account.createdAt)
    }

    static func roleGrant(_ grant: RoleGrant) -> Components.Schemas.RoleGrant {
        Components.Schemas.RoleGrant(
            role: Components.Schemas.Role(rawValue: grant.role.rawValue) ?? .buyer,
            scope: .init(
                kind: .init(rawValue: grant.scope.kind.rawValue) ?? .everywhere, id: grant.scope.id?.uuidString))
    }

    static func villageSummary(_ village: Village) throws -> Components.Schemas.VillageSummary {
        Components.Schemas.VillageSummary(
            id: try village.requireID().uuidString, townId: village.$town.id.uuidString, name: village.name,
            nameEn: village.nameEn, location: .init(latitude: village.latitude, longitude: village.longitude),
            householdCount: village.householdCount,
            specialty: Components.Schemas.Specialty(rawValue: village.specialty.rawValue) ?? .mixed)
    }

    static func shop(_ shop: Shop) throws -> Components.Schemas.Shop {
        Components.Schemas.Shop(
            id: try shop.requireID().uuidString, name: shop.name, description: shop.description,
            villageId: shop.$village.id.uuidString, kind: .init(rawValue: shop.kind.rawValue) ?? .individual,
            brandName: shop.brandName, status: .init(rawValue: shop.status.rawValue) ?? .active)
    }

    static func product(_ product: Product, _ variants: [Variant]) throws -> Components.Schemas.Product {
        Components.Schemas.Product(
            id: try product.requireID().uuidString, shopId: product.$shop.id.uuidString,
            categoryId: product.$category.id.uuidString, title: product.title, description: product.description,
            originVillageId: product.$originVillage.id?.uuidString, listed: product.listed,
            variants: try variants.map { variant in
                Components.Schemas.Variant(
                    id: try variant.requireID().uuidString, sku: variant.sku, name: variant.name,
                    priceMinor: variant.priceMinor, currency: .cny, stock: variant.stock)
            })
    }

    static func orderSummary(_ order: Order) throws -> Components.Schemas.OrderSummary {
        Components.Schemas.OrderSummary(
            id: try order.requireID().uuidString, shopId: order.$shop.id.uuidString,
            status: .init(rawValue: order.status.rawValue) ?? .pendingPayment, totalMinor: order.totalMinor)
    }

    static func order(_ order: Order, on database: any Database) async throws -> Components.Schemas.Order {
        let id = try order.requireID()
        let lines = try await OrderLine.query(on: database).filter(\.$order.$id == id).sort(\.$sku).all()
        let events = try await OrderEvent.query(on: database).filter(\.$order.$id == id).sort(\.$at).all()
        return Components.Schemas.Order(
            id: id.uuidString, checkoutId: order.$checkout.id.uuidString, shopId: order.$shop.id.uuidString,
            status: .init(rawValue: order.status.rawValue) ?? .pendingPayment, totalMinor: order.totalMinor,
            lines: lines.map { line in
                Components.Schemas.OrderLine(
                    variantId: line.$variant.id.uuidString, title: line.title, sku: line.sku,
                    unitPriceMinor: line.unitPriceMinor, quantity: line.quantity)
            },
            history: events.map { event in
                Components.Schemas.OrderEvent(
                    from: event.from.flatMap { .init(rawValue: $0.rawValue) },
                    to: .init(rawValue: event.to.rawValue) ?? .pendingPayment,
                    reason: event.reason, at: event.at)
            })
    }

    static func cart(_ items: [CartItem]) -> Components.Schemas.Cart {
        Components.Schemas.Cart(
            items: items.map { .init(variantId: $0.$variant.id.uuidString, quantity: $0.quantity) })
    }
}
