import Community
import FluentKit
import Foundation
import JishiKit

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
