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
        guard principal.hasCountyWide(.admin) else {
            throw Problem.forbidden("Only an admin of the county sets commission rates.")
        }
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

extension CategoryService {
    /// What a category's code may be: 2 to 32 of a–z, 0–9 and "-".
    public static let codeLength = 2...32

    /// Adds a category (admin only), with its names in both languages and its commission rate.
    public func create(
        code: String, name: String, nameEn: String, basisPoints: Int, by principal: Principal,
        on database: any Database
    ) async throws -> Category {
        guard principal.hasCountyWide(.admin) else {
            throw Problem.forbidden("Only an admin of the county adds categories.")
        }
        let code = code.trimmingCharacters(in: .whitespaces).lowercased()
        guard Self.codeLength.contains(code.count),
            code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
            throw Problem.validation("code", "Use 2 to 32 of the letters a–z, digits and '-'.")
        }
        let name = try requireText(name, field: "name", length: 1...40)
        let nameEn = try requireText(nameEn, field: "nameEn", length: 1...60)
        guard (0...Self.maximumCommissionBasisPoints).contains(basisPoints) else {
            throw Problem.validation(
                "commissionBps", "From 0 to \(Self.maximumCommissionBasisPoints) basis points (30 %).")
        }
        if try await Category.query(on: database).filter(\.$code == code).count() > 0 {
            throw Problem(type: .conflict, detail: "A category has that code already.", field: "code")
        }
        let category = Category(
            id: UUID(), code: code, name: name, nameEn: nameEn,
            commissionBasisPoints: basisPoints)
        do {
            try await category.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem(type: .conflict, detail: "A category has that code already.", field: "code")
        }
        return category
    }
}
