import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Year Y's recognition of every village, town and county in the database (or in a reader's
/// scope), with the evidence of every decision. Jishi's own shops are brought up to date first
/// (`JishiShopSync`); the figures come from the village ledger of every platform
/// (`VillageMonths`), and the rules from `Recognition`.
public struct RecognitionService: Sendable {
    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    public struct Report: Hashable, Sendable {
        public var year: Int
        public var villages: [VillageResult]
        public var towns: [TownResult]
        public var counties: [CountyResult]
    }

    public struct VillageResult: Hashable, Sendable {
        public var code: String
        public var name: String
        public var nameEn: String
        public var townCode: String
        public var kind: Village.Kind
        public var households: Int
        public var salesMinor: Int64
        public var activeShops: Int
        public var reason: Recognition.VillageReason
        public var recognised: Bool { reason.recognised }
    }

    public struct TownResult: Hashable, Sendable {
        public var code: String
        public var name: String
        public var nameEn: String
        public var countyCode: String
        public var kind: Town.Kind
        public var villages: Int
        public var salesMinor: Int64
        public var activeShops: Int
        public var taobaoVillages: Int
        public var reason: Recognition.TownReason
        public var recognised: Bool { reason.recognised }
    }

    public struct CountyResult: Hashable, Sendable {
        public var code: String
        public var name: String
        public var nameEn: String
        public var taobaoVillages: Int
        public var taobaoTowns: Int
        public var cluster: Recognition.Cluster
    }

    /// The year's report: everything when `principal` is nil (the command line), else the
    /// counties and towns the principal may view insights of (403 when none).
    public func report(year: Int, by principal: Principal?, on database: any Database) async throws -> Report {
        guard Recognition.years.contains(year) else {
            throw Problem.validation("year", "A year from 2009 to 2099.")
        }
        let scope = try await InsightsScope.of(principal, on: database)
        try await JishiShopSync(context: context).refresh(on: database)
        let window = Recognition.Window(year: year)
        let figures = try await villageFigures(window, on: database)
        let counties = try await GeographyRows.counties(on: database)
        let towns = try await GeographyRows.towns(on: database)
        let villages = try await GeographyRows.villages(on: database)

        var countyOf: [UUID: County] = [:]
        for county in counties { if let id = county.id { countyOf[id] = county } }
        var townOf: [UUID: Town] = [:]
        for town in towns { if let id = town.id { townOf[id] = town } }

        var villageResults: [UUID: [VillageResult]] = [:]
        for village in villages {
            guard let id = village.id, let town = townOf[village.$town.id] else { continue }
            let figure = figures[id] ?? VillageFigure()
            villageResults[village.$town.id, default: []].append(
                VillageResult(
                    code: village.code, name: village.name, nameEn: village.nameEn, townCode: town.code,
                    kind: village.kind, households: village.householdCount, salesMinor: figure.sales,
                    activeShops: figure.active,
                    reason: Recognition.village(
                        kind: village.kind, salesMinor: figure.sales, activeShops: figure.active,
                        households: village.householdCount, year: year)))
        }
        var report = Report(year: year, villages: [], towns: [], counties: [])
        var countyVillages: [UUID: Int] = [:]
        var countyTowns: [UUID: Int] = [:]
        for town in towns {
            guard let id = town.id, let county = countyOf[town.$county.id] else { continue }
            let members = villageResults[id] ?? []
            let taobao = members.filter(\.recognised).count
            let sales = members.reduce(Int64(0)) { $0 + $1.salesMinor }
            let active = members.reduce(0) { $0 + $1.activeShops }
            let result = TownResult(
                code: town.code, name: town.name, nameEn: town.nameEn, countyCode: county.code, kind: town.kind,
                villages: members.count, salesMinor: sales, activeShops: active, taobaoVillages: taobao,
                reason: Recognition.town(
                    kind: town.kind, salesMinor: sales, activeShops: active, taobaoVillages: taobao, year: year))
            countyVillages[town.$county.id, default: 0] += taobao
            if result.recognised { countyTowns[town.$county.id, default: 0] += 1 }
            if scope.sees(town: id) {
                report.towns.append(result)
                report.villages += members
            }
        }
        for county in counties {
            guard let id = county.id, scope.sees(county: id) else { continue }
            let n = countyVillages[id] ?? 0
            report.counties.append(
                CountyResult(
                    code: county.code, name: county.name, nameEn: county.nameEn, taobaoVillages: n,
                    taobaoTowns: countyTowns[id] ?? 0, cluster: Recognition.Cluster(taobaoVillages: n)))
        }
        report.villages.sort { $0.code < $1.code }
        return report
    }

    /// A village's figures at an evaluation: sales in the window, shops active at E, shops open at E.
    struct VillageFigure {
        var sales: Int64 = 0
        var active = 0
        var open = 0
    }

    /// Each village's sales in the window and its shops active at E, of every platform; with
    /// `open`, also its shops open at E; with `prefix`, only of the villages whose code starts
    /// with it. Read from the village ledger (`VillageMonths`), which holds each month's active
    /// shops by `Recognition.Activity`.
    func villageFigures(
        _ window: Recognition.Window, open: Bool = false, prefix: String? = nil, on database: any Database
    ) async throws -> [UUID: VillageFigure] {
        let sql = try database.sql()
        var place: SQLQueryString = ""
        if let prefix {
            place =
                " AND village_id IN (SELECT id FROM villages WHERE code >= \(bind: prefix) AND code < \(bind: prefix + "~"))"
        }
        // A province's villages and months: read at the driver's speed (`FastRows`).
        func rows(_ query: SQLQueryString) async throws -> [(UUID, Int64)] {
            try await FastRows.all(query, as: (UUID, Int64).self, columns: ["village_id", "n"], on: sql)
        }
        var figures: [UUID: VillageFigure] = [:]
        for (village, sales) in try await rows(
            """
            SELECT village_id, CAST(SUM(sales_minor) AS BIGINT) AS n FROM insights_village_months
            WHERE month >= \(bind: window.firstMonth) AND month <= \(bind: window.lastMonth)\(place)
            GROUP BY village_id
            """)
        {
            figures[village, default: VillageFigure()].sales = sales
        }
        for (village, active) in try await rows(
            """
            SELECT village_id, active AS n FROM insights_village_months
            WHERE month = \(bind: window.lastMonth) AND active <> 0\(place)
            """)
        {
            figures[village, default: VillageFigure()].active = Int(active)
        }
        if open {
            for (village, shops) in try await rows(
                """
                SELECT village_id, CAST(SUM(opened - closed) AS BIGINT) AS n FROM insights_village_months
                WHERE month <= \(bind: window.lastMonth)\(place)
                GROUP BY village_id
                """)
            {
                figures[village, default: VillageFigure()].open = Int(shops)
            }
        }
        return figures
    }
}
