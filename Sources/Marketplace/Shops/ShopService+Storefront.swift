import Community
import FluentKit
import Foundation
import JishiKit

extension ShopService {
    /// Shops by id, for lists that name them (orders, search results). Public facts only.
    public func shops(withIDs ids: [UUID], on database: any Database) async throws -> [UUID: Shop] {
        guard !ids.isEmpty else { return [:] }
        let shops = try await Shop.query(on: database).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(shops.compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
    }
}
