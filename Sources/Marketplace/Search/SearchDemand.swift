import FluentKit
import Foundation
import JishiKit
import SQLKit

/// What people search for, counted per month and never tied to a person: each query text (folded
/// to lower case, spaces collapsed, at most 40 characters) has its number of searches and how
/// many of them found nothing. The stations' market-demand report reads it; a search counts
/// once, on its first page.
public enum SearchDemand {
    public static let schema = "search_demand"
    public static let maximumLength = 40

    /// Counts a search of `query` that found `total` products.
    public static func record(_ query: SearchQuery, total: Int, at now: Date, on database: any Database) async throws {
        guard query.offset == 0, let text = normalized(query.text) else { return }
        let month = Months.month(of: now)
        let empty = total == 0 ? 1 : 0
        let sql = try SearchIndex.sqlDatabase(database)
        try await sql.raw(
            """
            INSERT INTO \(ident: schema) ("month", "query", "searches", "empty") VALUES (\(bind: month), \(bind: text), 1, \(bind: empty)) \
            ON CONFLICT ("month", "query") DO UPDATE SET "searches" = \(ident: schema)."searches" + 1, \
            "empty" = \(ident: schema)."empty" + \(bind: empty)
            """
        ).run()
    }

    /// The query as counted; `nil` for a blank one.
    static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return nil }
        return String(words.joined(separator: " ").prefix(maximumLength))
    }

    public struct Row: Sendable, Decodable {
        public var query: String
        public var searches: Int
        public var empty: Int
    }

    /// The month's most searched queries, and those that most often found nothing.
    public static func top(month: String, limit: Int = 10, on database: any Database) async throws
        -> (searched: [Row], unmet: [Row])
    {
        let sql = try SearchIndex.sqlDatabase(database)
        let searched = try await sql.raw(
            """
            SELECT "query", CAST("searches" AS BIGINT) AS "searches", CAST("empty" AS BIGINT) AS "empty" \
            FROM \(ident: schema) WHERE "month" = \(bind: month) ORDER BY "searches" DESC, "query" LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: Row.self)
        let unmet = try await sql.raw(
            """
            SELECT "query", CAST("searches" AS BIGINT) AS "searches", CAST("empty" AS BIGINT) AS "empty" \
            FROM \(ident: schema) WHERE "month" = \(bind: month) AND "empty" > 0 ORDER BY "empty" DESC, "query" LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: Row.self)
        return (searched, unmet)
    }
}

/// Months in Beijing time, as YYYY-MM.
public enum Months {
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }

    public static func month(of date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }

    /// The first instant of `month` and of the month after it; `nil` for text that is not a month.
    public static func range(of month: String) -> (start: Date, end: Date)? {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]), (1...12).contains(number),
            let start = calendar.date(from: DateComponents(year: year, month: number, day: 1)),
            let end = calendar.date(byAdding: .month, value: 1, to: start)
        else { return nil }
        return (start, end)
    }

    /// `month` less `count` months (YYYY-MM).
    public static func before(_ month: String, _ count: Int) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return month }
        let index = parts[0] * 12 + parts[1] - 1 - count
        return String(format: "%04d-%02d", index / 12, index % 12 + 1)
    }

    /// The month after `month`.
    public static func next(_ month: String) -> String {
        guard let end = range(of: month)?.end else { return month }
        return self.month(of: end)
    }

    /// The same month a year before.
    public static func yearBefore(_ month: String) -> String {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]) else { return month }
        return String(format: "%04d-", year - 1) + parts[1]
    }
}

/// The count of searches per month and query.
public struct CreateSearchDemand: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(SearchDemand.schema)
            .field("month", .string, .required)
            .field("query", .string, .required)
            .field("searches", .int64, .required)
            .field("empty", .int64, .required)
            .unique(on: "month", "query")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(SearchDemand.schema).delete()
    }
}
