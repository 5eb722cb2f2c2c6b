import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The categories with their commission rates, each with a form to change its rate (in
/// percent, as people say it: "5", "2.5", "5%"), and the form that adds a category.
enum CategoriesPage {
    enum Field: String, Sendable {
        case code, name, nameEn, rate
    }

    struct Row: Equatable, Sendable {
        var id: UUID
        var code: String
        var name: HomePage.Name
        var basisPoints: Int
    }

    struct Model: Equatable, Sendable {
        var rows: [Row]
        /// A rate that came back with a problem, as typed, by category.
        var rateDrafts: [UUID: String] = [:]
        var rateErrors: [UUID: FormMessage] = [:]
        /// The new category's fields as typed, and their problems.
        var fields: [Field: String] = [:]
        var errors: [Field: FormMessage] = [:]
        var notice: ManageNotice?
    }

    /// "5", "2.5", "5%", "５％" as basis points (500, 250 …); `nil` for anything else.
    static func basisPoints(_ text: String) -> Int? {
        var text = FormInput.halfWidth(text).trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") || text.hasSuffix("％") { text.removeLast() }
        // A percentage with up to two decimals is read as yuan are: hundredths.
        return FormInput.yuan(text).flatMap { Int(exactly: $0) }
    }

    static func percent(_ basisPoints: Int) -> String { PageContext.percent(basisPoints) }
}

extension CategoriesPage.Model {
    static func load(on database: any Database) async throws -> Self {
        let categories = try await CategoryService().all(on: database)
        return Self(
            rows: categories.compactMap { category in
                category.id.map {
                    CategoriesPage.Row(
                        id: $0, code: category.code, name: HomePage.Name(zhHans: category.name, en: category.nameEn),
                        basisPoints: category.commissionBasisPoints)
                }
            })
    }
}
