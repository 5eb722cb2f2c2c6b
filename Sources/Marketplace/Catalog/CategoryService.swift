import Community
import FluentKit
import Foundation
import JishiKit

/// The category taxonomy and its commission rates.
public struct CategoryService: Sendable {
    public init() {}

    /// The highest commission an admin may set: 30 %.
    public static let maximumCommissionBasisPoints = 3_000

    public func all(on database: any Database) async throws -> [Category] {
        try await Category.query(on: database).sort(\.$code).all()
    }

    /// Sets a category's rate (admin only). Lines already sold keep the rate fixed on them.
    public func setCommission(
        _ categoryID: UUID, basisPoints: Int, by principal: Principal, on database: any Database
    ) async throws -> Category {
        guard principal.has(.admin) else { throw Problem.forbidden("Only an admin sets commission rates.") }
        guard (0...Self.maximumCommissionBasisPoints).contains(basisPoints) else {
            throw Problem.validation(
                "commissionBps", "From 0 to \(Self.maximumCommissionBasisPoints) basis points (30 %).")
        }
        guard let category = try await Category.find(categoryID, on: database) else {
            throw Problem.notFound("The category", field: "categoryId")
        }
        category.commissionBasisPoints = basisPoints
        try await category.save(on: database)
        return category
    }
}
