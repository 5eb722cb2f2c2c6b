import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit

/// Quality and prices on Jishi's marketplace, per month, by village, town and category: orders,
/// the share refunded, the rating of the month's reviews, the median price paid and the shops
/// selling; and the alerts the county office watches for — a category's median price falling by
/// more than a share over three months while more shops sell it (the price war of Village D's
/// 2014), a village's refund rate at or above a threshold, its rating at or below one. The
/// office acknowledges or closes each alert with a note. Other platforms report sales, not
/// prices or reviews, so these figures are Jishi's own.
public struct QualityWatch: Sendable {
    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    /// The thresholds, set by the county office.
    public struct Rules: Codable, Hashable, Sendable {
        /// A category's median price down by more than this share over three months…
        public var priceDropShare = 0.2
        /// …a village's refund rate at or above this…
        public var refundRate = 0.15
        /// …its rating (1–5) at or below this…
        public var rating = 3.5
        /// …each counted from at least this many orders or reviews in the month.
        public var minimumOrders = 5
        public var minimumReviews = 3

        public init() {}

        static let key = "quality_rules"

        /// Throws a `400` naming the first value out of its range.
        func validate() throws {
            if !(0.01...0.9).contains(priceDropShare) {
                throw Problem.validation("priceDropShare", "A share from 0.01 to 0.9.")
            }
            if !(0.01...1).contains(refundRate) { throw Problem.validation("refundRate", "A share from 0.01 to 1.") }
            if !(1...5).contains(rating) { throw Problem.validation("rating", "A rating from 1 to 5.") }
            if !(1...1000).contains(minimumOrders) { throw Problem.validation("minimumOrders", "From 1 to 1000.") }
            if !(1...1000).contains(minimumReviews) { throw Problem.validation("minimumReviews", "From 1 to 1000.") }
        }
    }

    public enum Level: String, Sendable, Codable, CaseIterable {
        case village, town, category
    }

    /// One month's figures of a village, a town or a category.
    public struct Row: Hashable, Sendable {
        public var month: String
        public var level: Level
        /// The village's or town's division code, or the category's code.
        public var code: String
        public var orders = 0
        public var refundedOrders = 0
        public var reviews = 0
        public var ratingTotal = 0
        public var medianPriceMinor: Int64?
        public var shops = 0

        public init(
            month: String, level: Level, code: String, orders: Int = 0, refundedOrders: Int = 0, reviews: Int = 0,
            ratingTotal: Int = 0, medianPriceMinor: Int64? = nil, shops: Int = 0
        ) {
            self.month = month
            self.level = level
            self.code = code
            self.orders = orders
            self.refundedOrders = refundedOrders
            self.reviews = reviews
            self.ratingTotal = ratingTotal
            self.medianPriceMinor = medianPriceMinor
            self.shops = shops
        }

        public var refundRate: Double? { orders == 0 ? nil : Double(refundedOrders) / Double(orders) }
        /// The mean of the reviews' three stars, 1–5.
        public var rating: Double? { reviews == 0 ? nil : Double(ratingTotal) / Double(reviews * 3) }
    }

    /// The figures of `months` (YYYY-MM) in the reader's scope: a category's figures over the
    /// villages the reader sees.
    public func figures(months: [String], by principal: Principal?, on database: any Database) async throws -> [Row] {
        let scope = try await InsightsScope.of(principal, on: database)
        guard let first = months.min().flatMap(Months.range(of:))?.start,
            let end = months.max().flatMap(Months.range(of:))?.end
        else { return [] }
        var places: [UUID: (village: String, town: String)] = [:]
        var towns: [UUID: String] = [:]
        for town in try await GeographyRows.towns(on: database) {
            if let id = town.id, scope.sees(town: id) { towns[id] = town.code }
        }
        for village in try await GeographyRows.villages(on: database) {
            if let id = village.id, let town = towns[village.$town.id] { places[id] = (village.code, town) }
        }
        let sql = try database.sql()
        struct Line: Decodable {
            var order_id: UUID
            var shop_id: UUID
            var created_at: Date
            var village_id: UUID
            var category: String
            var unit_price_minor: Int64
            var quantity: Int
        }
        let sold = ["paid", "shipped", "delivered", "completed", "refunded"].map { "'\($0)'" }.joined(separator: ",")
        let lines = try await sql.raw(
            """
            SELECT o.id AS order_id, o.shop_id, o.created_at, s.village_id, c.code AS category, ol.unit_price_minor,
              ol.quantity
            FROM order_lines ol JOIN orders o ON o.id = ol.order_id JOIN shops s ON s.id = o.shop_id
              JOIN variants va ON va.id = ol.variant_id JOIN products p ON p.id = va.product_id
              JOIN categories c ON c.id = p.category_id
            WHERE o.status IN (\(unsafeRaw: sold)) AND o.created_at >= \(bind: first) AND o.created_at < \(bind: end)
            """
        ).all(decoding: Line.self)
        struct Refunded: Decodable { var order_id: UUID }
        let refunded = Set(
            try await sql.raw(
                """
                SELECT DISTINCT r.order_id FROM refunds r JOIN orders o ON o.id = r.order_id
                WHERE r.status = 'refunded' AND o.created_at >= \(bind: first) AND o.created_at < \(bind: end)
                """
            ).all(decoding: Refunded.self).map(\.order_id))
        struct Rated: Decodable {
            var described: Int
            var service: Int
            var shipping: Int
            var created_at: Date
            var village_id: UUID
            var category: String
        }
        let reviews = try await sql.raw(
            """
            SELECT r.described, r.service, r.shipping, r.created_at, s.village_id, c.code AS category
            FROM reviews r JOIN shops s ON s.id = r.shop_id JOIN products p ON p.id = r.product_id
              JOIN categories c ON c.id = p.category_id
            WHERE r.hidden = \(bind: false) AND r.created_at >= \(bind: first) AND r.created_at < \(bind: end)
            """
        ).all(decoding: Rated.self)

        struct Key: Hashable {
            var month: String
            var level: Level
            var code: String
        }
        struct Tally {
            var orders: Set<UUID> = []
            var shops: Set<UUID> = []
            var prices: [Int64] = []
            var reviews = 0
            var stars = 0
        }
        var tallies: [Key: Tally] = [:]
        let wanted = Set(months)
        func keys(_ month: String, village: UUID, category: String) -> [Key] {
            guard wanted.contains(month), let place = places[village] else { return [] }
            return [
                Key(month: month, level: .village, code: place.village),
                Key(month: month, level: .town, code: place.town),
                Key(month: month, level: .category, code: category),
            ]
        }
        for line in lines {
            for key in keys(Months.month(of: line.created_at), village: line.village_id, category: line.category) {
                tallies[key, default: Tally()].orders.insert(line.order_id)
                tallies[key, default: Tally()].shops.insert(line.shop_id)
                // Each unit sold is a price paid; a line of many units counts as at most 100.
                tallies[key, default: Tally()].prices += Array(
                    repeating: line.unit_price_minor, count: min(max(line.quantity, 1), 100))
            }
        }
        for review in reviews {
            for key in keys(Months.month(of: review.created_at), village: review.village_id, category: review.category)
            {
                tallies[key, default: Tally()].reviews += 1
                tallies[key, default: Tally()].stars += review.described + review.service + review.shipping
            }
        }
        return tallies.map { key, tally in
            let prices = tally.prices.sorted()
            let median: Int64? =
                prices.isEmpty
                ? nil
                : prices.count % 2 == 1
                    ? prices[prices.count / 2] : (prices[prices.count / 2 - 1] + prices[prices.count / 2]) / 2
            return Row(
                month: key.month, level: key.level, code: key.code, orders: tally.orders.count,
                refundedOrders: tally.orders.filter(refunded.contains).count, reviews: tally.reviews,
                ratingTotal: tally.stars, medianPriceMinor: median, shops: tally.shops.count)
        }.sorted { ($0.month, $0.level.rawValue, $0.code) < ($1.month, $1.level.rawValue, $1.code) }
    }

    /// What a month's figures raise, by `rules`: `rows` hold month `month` and the month three
    /// before it.
    public static func alerts(in rows: [Row], month: String, rules: Rules) -> [Raised] {
        let earlier = Months.before(month, 3)
        var raised: [Raised] = []
        let before = Dictionary(
            rows.filter { $0.month == earlier && $0.level == .category }.map { ($0.code, $0) },
            uniquingKeysWith: { a, _ in a })
        for row in rows where row.month == month {
            switch row.level {
            case .category:
                guard let then = before[row.code], let price = row.medianPriceMinor, let was = then.medianPriceMinor,
                    was > 0, row.orders >= rules.minimumOrders, then.orders >= rules.minimumOrders
                else { continue }
                let drop = 1 - Double(price) / Double(was)
                if drop > rules.priceDropShare, row.shops > then.shops {
                    raised.append(
                        Raised(
                            kind: .priceWar, subject: row.code, month: month, value: Double(price),
                            previous: Double(was),
                            shops: row.shops, previousShops: then.shops))
                }
            case .village:
                if row.orders >= rules.minimumOrders, let rate = row.refundRate, rate >= rules.refundRate {
                    raised.append(
                        Raised(
                            kind: .refundRate, subject: row.code, month: month, value: rate, previous: nil,
                            shops: row.shops))
                }
                if row.reviews >= rules.minimumReviews, let rating = row.rating, rating <= rules.rating {
                    raised.append(
                        Raised(
                            kind: .rating, subject: row.code, month: month, value: rating, previous: nil,
                            shops: row.shops))
                }
            case .town:
                continue
            }
        }
        return raised.sorted { ($0.kind.rawValue, $0.subject) < ($1.kind.rawValue, $1.subject) }
    }

    /// An alert as the rules raise it.
    public struct Raised: Hashable, Sendable {
        public var kind: InsightsAlert.Kind
        public var subject: String
        public var month: String
        public var value: Double
        public var previous: Double?
        public var shops: Int
        public var previousShops: Int?
    }

    /// The county office's rules, or the defaults.
    public func rules(on database: any Database) async throws -> Rules {
        guard let text = try await InsightsState.find(Rules.key, on: database)?.value,
            let rules = try? JSONDecoder().decode(Rules.self, from: Data(text.utf8))
        else { return Rules() }
        return rules
    }

    /// Sets the rules (the county's officials and admins).
    public func setRules(_ rules: Rules, by principal: Principal, on database: any Database) async throws -> Rules {
        try PlatformCodes.requireReporter(principal)
        try rules.validate()
        let text = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
        try await context.transactions.transaction(on: database) { db in
            try await InsightsState.query(on: db).filter(\.$id == Rules.key).delete()
            try await InsightsState(key: Rules.key, value: text).create(on: db)
        }
        return rules
    }

    /// Looks at `month` (the last whole month by default) and records what it raises; an alert
    /// raised before for the same thing and month is left as it is. Returns the alerts new now.
    /// The monthly job runs it; through the API, the county's officials and admins.
    @discardableResult
    public func detect(month: String? = nil, by principal: Principal?, on database: any Database) async throws
        -> [InsightsAlert]
    {
        if let principal { try PlatformCodes.requireReporter(principal) }
        let month = month ?? Months.before(Months.month(of: context.dependencies.now()), 1)
        guard PlatformCodes.isMonth(month) else { throw Problem.validation("month", "A month such as 2026-11.") }
        let rows = try await figures(months: [Months.before(month, 3), month], by: nil, on: database)
        let raised = Self.alerts(in: rows, month: month, rules: try await rules(on: database))
        let dependencies = context.dependencies
        return try await context.transactions.transaction(on: database) { db in
            var added: [InsightsAlert] = []
            for alert in raised {
                let exists = try await InsightsAlert.query(on: db).filter(\.$kind == alert.kind)
                    .filter(\.$subject == alert.subject).filter(\.$month == alert.month).count()
                guard exists == 0 else { continue }
                let row = InsightsAlert(
                    id: dependencies.uuid(), raised: alert, at: dependencies.now())
                try await row.create(on: db)
                added.append(row)
            }
            return added
        }
    }

    /// The alerts the reader sees (a village's when they see its town; a category's when they
    /// see a whole county), newest month first, of `status` if given.
    public func alerts(status: InsightsAlert.Status?, by principal: Principal?, on database: any Database) async throws
        -> [InsightsAlert]
    {
        let scope = try await InsightsScope.of(principal, on: database)
        var query = InsightsAlert.query(on: database)
        if let status { query = query.filter(\.$status == status) }
        let all = try await query.sort(\.$month, .descending).sort(\.$kind).sort(\.$subject).all()
        let villages = try await visibleVillages(scope, on: database)
        return all.filter { alert in
            alert.kind == .priceWar ? !scope.counties.isEmpty : villages.contains(alert.subject)
        }
    }

    /// Acknowledges or closes an alert with a note; a closed alert stays closed (`409`).
    public func decide(
        _ id: UUID, to status: InsightsAlert.Status, note: String, by principal: Principal, on database: any Database
    ) async throws -> InsightsAlert {
        guard status != .open else { throw Problem.validation("status", "Acknowledge or close.") }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...500).contains(note.count), TextRule.forbiddenScalar(in: note, multiline: true) == nil else {
            throw Problem.validation("note", "Say what was done: 1 to 500 characters.")
        }
        guard try await alerts(status: nil, by: principal, on: database).contains(where: { $0.id == id }) else {
            throw Problem.notFound("The alert", field: "alertId")
        }
        let now = context.dependencies.now()
        return try await context.transactions.transaction(on: database) { db in
            guard let alert = try await InsightsAlert.find(id, on: db) else {
                throw Problem.notFound("The alert", field: "alertId")
            }
            guard alert.status != .closed, alert.status != status else {
                throw Problem(type: .conflict, detail: "The alert is \(alert.status.rawValue) already.")
            }
            alert.status = status
            alert.note = note
            alert.decidedBy = principal.accountID
            alert.decidedAt = now
            try await alert.update(on: db)
            return alert
        }
    }

    func visibleVillages(_ scope: InsightsScope, on database: any Database) async throws -> Set<String> {
        Set(try await GeographyRows.villages(on: database).filter { scope.sees(town: $0.$town.id) }.map(\.code))
    }
}

/// An alert the quality watch raised, and what the office did with it.
public final class InsightsAlert: Model, @unchecked Sendable {
    public static let schema = "insights_alerts"

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case priceWar = "price_war"
        case refundRate = "refund_rate"
        case rating
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case open, acknowledged, closed
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: Kind
    /// A village's code (refunds, rating) or a category's (prices).
    @Field(key: "subject") public var subject: String
    @Field(key: "month") public var month: String
    /// The month's median price in fen, refund rate or rating.
    @Field(key: "value") public var value: Double
    /// The median price three months before (prices).
    @OptionalField(key: "previous") public var previous: Double?
    @Field(key: "shops") public var shops: Int
    @OptionalField(key: "previous_shops") public var previousShops: Int?
    @Field(key: "status") public var status: Status
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @Field(key: "raised_at") public var raisedAt: Date

    public init() {}

    init(id: UUID, raised: QualityWatch.Raised, at: Date) {
        self.id = id
        self.kind = raised.kind
        self.subject = raised.subject
        self.month = raised.month
        self.value = raised.value
        self.previous = raised.previous
        self.shops = raised.shops
        self.previousShops = raised.previousShops
        self.status = .open
        self.raisedAt = at
    }
}

/// The quality watch's alerts.
public struct CreateInsightsAlerts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(InsightsAlert.schema)
            .id()
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("month", .string, .required)
            .field("value", .double, .required)
            .field("previous", .double)
            .field("shops", .int, .required)
            .field("previous_shops", .int)
            .field("status", .string, .required)
            .field("note", .string)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("raised_at", .datetime, .required)
            .unique(on: "kind", "subject", "month")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(InsightsAlert.schema).delete()
    }
}
