import Foundation
import JishiKit
import SQLKit

/// Where a page of results ended: the last row's sort keys and product id, as an opaque token
/// that the next request passes back as `after`.
///
/// The token names its sort, so a cursor of one order is refused by another rather than
/// silently skipping rows.
struct SearchCursor: Hashable {
    /// One result order: its keys (all in one direction, then the product id).
    struct Order: Hashable {
        let name: String
        let keys: [String]
        let ascending: Bool

        init(_ sort: SearchQuery.Sort, hasText: Bool) {
            switch sort {
            case .relevance where hasText: (name, keys, ascending) = ("relevance", ["tier", "rank_key"], false)
            case .relevance, .newest: (name, keys, ascending) = ("newest", ["created"], false)
            case .priceAsc: (name, keys, ascending) = ("price_asc", ["min_price"], true)
            case .priceDesc: (name, keys, ascending) = ("price_desc", ["min_price"], false)
            case .sales: (name, keys, ascending) = ("sales", ["sold"], false)
            case .rating: (name, keys, ascending) = ("rating", ["rated"], false)
            }
        }

        /// Relevance: tier by tier, each in the engine's order (``SearchService/Plan/tieredRows``).
        var tiered: Bool { name == "relevance" }

        /// Sales: units sold are in ``SearchIndex/salesTable`` (`ss`), in the order of its indexes.
        var sales: Bool { name == "sales" }

        /// The table whose columns the keys are: `ss` for sales, the search row `d` otherwise.
        var alias: String { sales ? "ss" : "d" }

        var orderBy: String {
            (keys + ["product_id"]).map { "\(alias).\($0) \(ascending ? "ASC" : "DESC")" }.joined(separator: ", ")
        }
    }

    let order: String
    let values: [Int64]
    let id: UUID

    init(row: any SQLRow, order: Order, id: UUID) throws {
        self.order = order.name
        self.values = try order.keys.map { try row.decode(column: $0, as: Int64.self) }
        self.id = id
    }

    /// Reads a token, refusing (a problem naming `after`) one that is malformed or of another order.
    init(token: String, sort: SearchQuery.Sort, hasText: Bool) throws {
        let order = Order(sort, hasText: hasText)
        let refused = Problem.validation("after", "Use the next cursor of the previous page, with the same sort.")
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 200, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8)
        else { throw refused }
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == order.name, let id = UUID(uuidString: String(parts[2])) else {
            throw refused
        }
        let values = parts[1].split(separator: ",").compactMap { Int64($0) }
        guard values.count == order.keys.count else { throw refused }
        self.order = order.name
        self.values = values
        self.id = id
    }

    var token: String {
        Data("\(order);\(values.map(String.init).joined(separator: ","));\(id.uuidString)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Rows after this one in `order`: one row comparison over the keys and the id.
    func predicate(_ order: Order) -> SQLQueryString {
        var left: SQLQueryString = "("
        var right: SQLQueryString = "("
        for (index, key) in order.keys.enumerated() {
            left += "\(unsafeRaw: order.alias).\(unsafeRaw: key), "
            right += "\(bind: values[index]), "
        }
        left += "\(unsafeRaw: order.alias).product_id)"
        right += "\(bind: id))"
        return left + (order.ascending ? " > " : " < ") + right
    }
}
