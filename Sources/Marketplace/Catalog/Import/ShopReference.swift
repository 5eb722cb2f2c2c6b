import FluentKit
import Foundation
import JishiKit

/// How the county office names a shop on the command line: shops have no code of their own, so
/// by its id (as in its page's address) or by its exact name where no other shop has it.
public enum ShopReference {
    public static func find(_ reference: String, on database: any Database) async throws -> Shop {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if let id = UUID(uuidString: text), let shop = try await Shop.find(id, on: database) { return shop }
        let named = try await Shop.query(on: database).filter(\.$name == text).limit(2).all()
        switch named.count {
        case 1: return named[0]
        case 0: throw Problem(type: .notFound, detail: "No shop has the id or name \"\(text)\".", field: "shop")
        default:
            throw Problem.validation("shop", "More than one shop is called \"\(text)\": give the shop's id.")
        }
    }
}
