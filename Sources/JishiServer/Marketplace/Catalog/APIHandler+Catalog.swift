import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import OpenAPIRuntime
import Vapor

extension APIHandler {
    func updateProduct(_ input: Operations.UpdateProduct.Input) async throws -> Operations.UpdateProduct.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let changes = CatalogService.ProductChanges(
            title: body.title, description: body.description,
            categoryID: try body.categoryId.map { try Self.uuid($0, field: "categoryId") }, listed: body.listed,
            attributes: body.attributes?.map { .init(name: $0.name, value: $0.value) })
        let detail = try await request.jishi.catalog.update(
            try Self.uuid(input.path.id, field: "id"), changes, by: principal, shops: request.jishi.shops,
            on: request.db)
        return .ok(.init(body: .json(try APIMapping.product(detail))))
    }

    func addVariant(_ input: Operations.AddVariant.Input) async throws -> Operations.AddVariant.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let variant = try await request.jishi.catalog.addVariant(
            .init(
                sku: body.sku ?? "", name: body.name ?? "", price: Money(minorUnits: body.priceMinor, currency: .cny),
                stock: body.stock, weightGrams: body.weightGrams ?? 0),
            to: try Self.uuid(input.path.id, field: "id"), by: principal, shops: request.jishi.shops, on: request.db)
        return .created(.init(body: .json(try APIMapping.variant(variant))))
    }

    func updateVariant(_ input: Operations.UpdateVariant.Input) async throws -> Operations.UpdateVariant.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let variant = try await request.jishi.catalog.updateVariant(
            try Self.uuid(input.path.variantId, field: "variantId"), name: body.name,
            price: body.priceMinor.map { Money(minorUnits: $0, currency: .cny) }, by: principal,
            shops: request.jishi.shops, on: request.db)
        return .ok(.init(body: .json(try APIMapping.variant(variant))))
    }

    func setStock(_ input: Operations.SetStock.Input) async throws -> Operations.SetStock.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let variant = try await request.jishi.catalog.setStock(
            try Self.uuid(input.path.variantId, field: "variantId"), to: body.stock, expected: body.expectedStock,
            by: principal, shops: request.jishi.shops, on: request.db)
        return .ok(.init(body: .json(try APIMapping.variant(variant))))
    }

    func addPhoto(_ input: Operations.AddPhoto.Input) async throws -> Operations.AddPhoto.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let store = request.jishi.photos
        let bytes: Data
        switch input.body {
        case .jpeg(let body), .png(let body): bytes = try await Self.collect(body, limit: store.maximumBytes)
        }
        let photo = try await request.jishi.catalog.addPhoto(
            bytes, declaredType: request.headers.first(name: .contentType),
            to: try Self.uuid(input.path.id, field: "id"), by: principal, shops: request.jishi.shops, store: store,
            on: request.db)
        return .created(.init(body: .json(try APIMapping.photo(photo))))
    }

    func deletePhoto(_ input: Operations.DeletePhoto.Input) async throws -> Operations.DeletePhoto.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        try await request.jishi.catalog.removePhoto(
            try Self.uuid(input.path.photoId, field: "photoId"), by: principal, shops: request.jishi.shops,
            store: request.jishi.photos, on: request.db)
        return .noContent(.init())
    }

    func listCategories(_ input: Operations.ListCategories.Input) async throws -> Operations.ListCategories.Output {
        let request = try RequestContext.request()
        let categories = try await CategoryService().all(on: request.db)
        return .ok(.init(body: .json(try categories.map(APIMapping.category))))
    }

    func setCommission(_ input: Operations.SetCommission.Input) async throws -> Operations.SetCommission.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let category = try await CategoryService().setCommission(
            try Self.uuid(input.path.categoryId, field: "categoryId"), basisPoints: body.commissionBps,
            by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.category(category))))
    }

}

extension APIHandler {
    func addProduct(_ input: Operations.AddProduct.Input) async throws -> Operations.AddProduct.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let shopID = try Self.uuid(input.path.shopId, field: "shopId")
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let variants = body.variants.map { variant in
            CatalogService.NewVariant(
                sku: variant.sku ?? "", name: variant.name ?? "",
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
}
