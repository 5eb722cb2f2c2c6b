import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
import Persistence
import SQLKit

/// How a place's e-commerce grew, per year or per month: households, shops open and active at
/// each period's end (by the recognition's activity rule, evaluated at that end), orders and
/// sales in the period on every platform, and the parcels the network carried into and out of
/// its villages. A place is the county, a town or a village, named by its division code; a
/// county's or a town's figures are its villages' sums.
public struct GrowthFigures: Sendable {
    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    public enum Period: String, Sendable, CaseIterable, Codable {
        case year, month
    }

    /// One period's figures.
    public struct Point: Hashable, Sendable {
        /// YYYY or YYYY-MM.
        public var period: String
        public var households: Int
        /// Shops open at the period's end.
        public var shops: Int
        /// Shops active at the period's end (the recognition's rule at that date).
        public var activeShops: Int
        public var orders: Int64
        public var salesMinor: Int64
        public var parcelsIn: Int
        public var parcelsOut: Int

        /// Open shops per household, as a share (one shop a household); 0 without households.
        public var shopShare: Double { households == 0 ? 0 : Double(shops) / Double(households) }
    }

    public struct Series: Sendable {
        public var code: String
        public var name: String
        public var nameEn: String
        public var level: Level
        public var period: Period
        public var points: [Point]
    }

    public enum Level: String, Sendable, Codable {
        case county, town, village
    }

    /// The first year of the yearly series: the first Taobao villages' year.
    public static let firstYear = 2009

    /// The range a series covers when none is given: every year from 2009 to this one, or the
    /// last 24 months to this one.
    public func defaultRange(_ period: Period) -> (from: String, to: String) {
        let month = Months.month(of: context.dependencies.now())
        switch period {
        case .year: return (String(Self.firstYear), String(month.prefix(4)))
        case .month: return (Months.before(month, 23), month)
        }
    }

    /// At most this many periods in one series.
    public static let maximumPeriods = 240

    /// The series of `code` (a county, town or village; the first county the reader sees when
    /// nil) from `from` to `to` (YYYY for years, YYYY-MM for months), in the reader's scope.
    public func series(
        of code: String?, period: Period, from: String, to: String, by principal: Principal?, on database: any Database
    ) async throws -> Series {
        let scope = try await InsightsScope.of(principal, on: database)
        let place = try await Self.place(code, scope: scope, on: database)
        let periods = try Self.periods(period, from: from, to: to)
        try await JishiShopSync(context: context).refresh(on: database)
        let villages = try await GeographyRows.villages(prefix: place.code, on: database)
        let ids = Set(villages.compactMap(\.id))
        let households = villages.reduce(0) { $0 + $1.householdCount }
        let months = try await placeMonths(prefix: place.code, on: database)
        let parcels = try await parcelCounts(villages: ids, period: period, on: database)
        // A period not over yet is judged at the end of the last whole month.
        let lastWhole = Months.before(Months.month(of: context.dependencies.now()), 1)
        var points: [Point] = []
        for label in periods {
            let end = min(label.count == 4 ? label + "-12" : label, lastWhole)
            var point = Point(
                period: label, households: households, shops: 0, activeShops: 0, orders: 0, salesMinor: 0,
                parcelsIn: 0, parcelsOut: 0)
            for row in months {
                if row.month <= end { point.shops += Int(row.opened - row.closed) }
                if row.month == end { point.activeShops = Int(row.active) }
                if row.month.hasPrefix(label) {
                    point.orders += row.orders
                    point.salesMinor += row.sales
                }
            }
            point.parcelsIn = parcels[label]?.in ?? 0
            point.parcelsOut = parcels[label]?.out ?? 0
            points.append(point)
        }
        return Series(
            code: place.code, name: place.name, nameEn: place.nameEn, level: place.level, period: period,
            points: points)
    }

    /// The periods from `from` to `to`, or a `400` naming the bad one.
    static func periods(_ period: Period, from: String, to: String) throws -> [String] {
        switch period {
        case .year:
            guard let first = Int(from), from.count == 4, Recognition.years.contains(first) else {
                throw Problem.validation("from", "A year such as 2009.")
            }
            guard let last = Int(to), to.count == 4, Recognition.years.contains(last), last >= first else {
                throw Problem.validation("to", "A year from `from` on, such as 2026.")
            }
            return (first...last).map(String.init)
        case .month:
            guard PlatformCodes.isMonth(from) else { throw Problem.validation("from", "A month such as 2026-01.") }
            guard PlatformCodes.isMonth(to), to >= from else {
                throw Problem.validation("to", "A month from `from` on, such as 2026-11.")
            }
            var months = [from]
            while months.last! < to {
                months.append(Months.next(months.last!))
                guard months.count <= maximumPeriods else {
                    throw Problem.validation("to", "At most \(maximumPeriods) months.")
                }
            }
            return months
        }
    }

    struct Place {
        var code: String
        var name: String
        var nameEn: String
        var level: Level
    }

    /// The county, town or village of `code` if the scope sees it (`404` when there is none,
    /// `403` when it is out of scope); without a code, the first county the scope sees whole,
    /// else its first town.
    static func place(_ code: String?, scope: InsightsScope, on database: any Database) async throws -> Place {
        guard let code else {
            if let county = try await GeographyRows.counties(on: database).first(where: {
                $0.id.map(scope.sees(county:)) ?? false
            }) {
                return Place(code: county.code, name: county.name, nameEn: county.nameEn, level: .county)
            }
            let town = try await GeographyRows.towns(on: database).first {
                $0.id.map(scope.sees(town:)) ?? false
            }
            guard let town else { throw Problem.forbidden("This account may not view insights here.") }
            return Place(code: town.code, name: town.name, nameEn: town.nameEn, level: .town)
        }
        guard [6, 9, 12].contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Problem.validation("place", "A county's (6 digits), town's (9) or village's (12) code.")
        }
        if let county = try await County.query(on: database).filter(\.$code == code).first() {
            guard try scope.sees(county: county.requireID()) else {
                throw Problem.forbidden("This account may not view the whole county.")
            }
            return Place(code: county.code, name: county.name, nameEn: county.nameEn, level: .county)
        }
        if let town = try await Town.query(on: database).filter(\.$code == code).first() {
            guard try scope.sees(town: town.requireID()) else { throw Problem.forbidden("This town is out of scope.") }
            return Place(code: town.code, name: town.name, nameEn: town.nameEn, level: .town)
        }
        if let village = try await Village.query(on: database).filter(\.$code == code).first() {
            guard scope.sees(town: village.$town.id) else { throw Problem.forbidden("This village is out of scope.") }
            return Place(code: village.code, name: village.name, nameEn: village.nameEn, level: .village)
        }
        throw Problem.notFound("A county, town or village with this code", field: "place")
    }

    /// The village ledger's months (`VillageMonths`) summed over the villages whose code starts
    /// with `prefix`, in order.
    func placeMonths(prefix: String, on database: any Database) async throws -> [PlaceMonth] {
        try await FastRows.all(
            """
            SELECT m.month, CAST(SUM(m.opened) AS BIGINT) AS opened, CAST(SUM(m.closed) AS BIGINT) AS closed,
              CAST(SUM(m.active) AS BIGINT) AS active, CAST(SUM(m.orders) AS BIGINT) AS orders,
              CAST(SUM(m.sales_minor) AS BIGINT) AS sales
            FROM insights_village_months m JOIN villages v ON v.id = m.village_id
            WHERE v.code >= \(bind: prefix) AND v.code < \(bind: prefix + "~")
            GROUP BY m.month ORDER BY m.month
            """, as: (String, Int64, Int64, Int64, Int64, Int64).self,
            columns: ["month", "opened", "closed", "active", "orders", "sales"], on: try database.sql()
        ).map { PlaceMonth(month: $0, opened: $1, closed: $2, active: $3, orders: $4, sales: $5) }
    }

    struct PlaceMonth {
        var month: String
        var opened: Int64
        var closed: Int64
        var active: Int64
        var orders: Int64
        var sales: Int64
    }

    /// Parcels registered for `villages` per period (Beijing time), by direction.
    func parcelCounts(villages: Set<UUID>, period: Period, on database: any Database) async throws
        -> [String: (in: Int, out: Int)]
    {
        guard !villages.isEmpty else { return [:] }
        struct Row: Decodable {
            var direction: String
            var created_at: Date
        }
        var counts: [String: (in: Int, out: Int)] = [:]
        for chunk in GeographyImport.chunks(villages.map(\.uuidString)) {
            let ids = chunk.compactMap(UUID.init(uuidString:))
            for row in try await database.sql().raw(
                "SELECT direction, created_at FROM parcels WHERE village_id IN (\(binds: ids))"
            ).all(decoding: Row.self) {
                let month = Months.month(of: row.created_at)
                let label = period == .year ? String(month.prefix(4)) : month
                if row.direction == Parcel.Direction.inbound.rawValue {
                    counts[label, default: (0, 0)].in += 1
                } else {
                    counts[label, default: (0, 0)].out += 1
                }
            }
        }
        return counts
    }

    public static let csvHeader =
        "place,period,households,shops,active_shops,shop_share,orders,sales_minor,parcels_in,parcels_out"

    public static func csv(_ series: Series) -> String {
        CSVFile.text(
            header: csvHeader,
            rows: series.points.map {
                [
                    series.code, $0.period, String($0.households), String($0.shops), String($0.activeShops),
                    String(format: "%.4f", $0.shopShare), String($0.orders), String($0.salesMinor),
                    String($0.parcelsIn),
                    String($0.parcelsOut),
                ]
            })
    }
}

extension GrowthFigures {
    /// A village on the county map: where it is, its households and its shops at the end of the
    /// last whole month, and whether it is on year Y's list.
    public struct VillageShare: Hashable, Sendable {
        public var code: String
        public var name: String
        public var nameEn: String
        public var townCode: String
        public var location: GeoPoint
        public var households: Int
        public var shops: Int
        public var activeShops: Int
        public var recognised: Bool

        public var shopShare: Double { households == 0 ? 0 : Double(shops) / Double(households) }
    }

    /// The villages of `code` (a county or town; the reader's first when nil) with their shops
    /// and year `year`'s recognition, for the map.
    public func villages(of code: String?, year: Int, by principal: Principal?, on database: any Database)
        async throws -> [VillageShare]
    {
        let scope = try await InsightsScope.of(principal, on: database)
        let place = try await Self.place(code, scope: scope, on: database)
        guard place.level != .village else { throw Problem.validation("place", "A county's or town's code.") }
        guard Recognition.years.contains(year) else {
            throw Problem.validation("year", "A year from 2009 to 2099.")
        }
        // A village's recognition is its own figures' (`Recognition.village`): the place's
        // villages are judged alone, not the whole report.
        let service = RecognitionService(context: context)
        try await JishiShopSync(context: context).refresh(on: database)
        let yearFigures = try await service.villageFigures(
            Recognition.Window(year: year), prefix: place.code, on: database)
        let lastWhole = Months.before(Months.month(of: context.dependencies.now()), 1)
        let parts = lastWhole.split(separator: "-").map { Int($0)! }
        let figures = try await service.villageFigures(
            Recognition.Window(year: parts[0], month: parts[1]), open: true, prefix: place.code, on: database)
        var towns: [UUID: String] = [:]
        for town in try await GeographyRows.towns(prefix: String(place.code.prefix(6)), on: database) {
            if let id = town.id { towns[id] = town.code }
        }
        return try await GeographyRows.villages(prefix: place.code, on: database)
            .filter { scope.sees(town: $0.$town.id) }
            .map { village in
                let figure = village.id.flatMap { figures[$0] }
                let judged = village.id.flatMap { yearFigures[$0] }
                let reason = Recognition.village(
                    kind: village.kind, salesMinor: judged?.sales ?? 0, activeShops: judged?.active ?? 0,
                    households: village.householdCount, year: year)
                return VillageShare(
                    code: village.code, name: village.name, nameEn: village.nameEn,
                    townCode: towns[village.$town.id] ?? "", location: village.location,
                    households: village.householdCount, shops: figure?.open ?? 0, activeShops: figure?.active ?? 0,
                    recognised: reason.recognised)
            }
    }

    /// The villages as GeoJSON points with their figures, and the county's staffed stations and
    /// pickup points as points of their own (`layer` says which).
    public static func geoJSON(_ villages: [VillageShare], stations: [NetworkNode]) throws -> Data {
        var features: [[String: Any]] = villages.map { village in
            [
                "type": "Feature",
                "geometry": ["type": "Point", "coordinates": [village.location.longitude, village.location.latitude]],
                "properties": [
                    "layer": "village", "code": village.code, "name": village.name, "townCode": village.townCode,
                    "households": village.households, "shops": village.shops, "activeShops": village.activeShops,
                    "shopShare": (village.shopShare * 10_000).rounded() / 10_000, "recognised": village.recognised,
                ] as [String: Any],
            ]
        }
        for node in stations {
            features.append([
                "type": "Feature",
                "geometry": ["type": "Point", "coordinates": [node.location.longitude, node.location.latitude]],
                "properties": ["layer": "station", "code": node.code, "name": node.name, "kind": node.kind.rawValue],
            ])
        }
        return try JSONSerialization.data(
            withJSONObject: ["type": "FeatureCollection", "features": features], options: [.sortedKeys])
    }
}
