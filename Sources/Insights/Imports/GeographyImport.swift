import Community
import FluentKit
import Foundation
import JishiKit

/// The official division list (区划代码) as CSV: `county_code,county_name,town_code,town_name,
/// town_kind,village_code,village_name,village_kind,households,latitude,longitude`, one row per
/// village. Loads new counties, towns and villages and updates those already there by code
/// (names, kinds, parents, household counts and places), so importing a file again changes
/// nothing and never duplicates. The whole file is checked first; with any bad row nothing is
/// written and every bad line and column is named.
///
/// A town's point is the mean of its villages' points in the file.
public struct GeographyImport: Sendable {
    public static let columns = [
        "county_code", "county_name", "town_code", "town_name", "town_kind", "village_code", "village_name",
        "village_kind", "households", "latitude", "longitude",
    ]
    public static let householdCounts = 0...1_000_000
    public static let nameLength = 1...40

    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    public struct Outcome: Hashable, Sendable {
        public var counties = Change()
        public var towns = Change()
        public var villages = Change()

        public struct Change: Hashable, Sendable {
            public var added = 0
            public var updated = 0
            public var unchanged = 0
        }
    }

    struct CountyRow: Equatable {
        var code: String
        var name: String
    }

    struct TownRow: Equatable {
        var code: String
        var county: String
        var name: String
        var kind: Town.Kind
    }

    struct VillageRow {
        var code: String
        var town: String
        var name: String
        var kind: Village.Kind
        var households: Int
        var point: GeoPoint
    }

    /// Checks the file and loads it in one transaction, or throws `CSVFile.Refused`. Through the
    /// API and pages (`principal` given) only an admin of everywhere loads the division list.
    public func run(_ data: Data, by principal: Principal? = nil, on database: any Database) async throws -> Outcome {
        if let principal {
            try Authorization.require(principal, .manageGeography, .place(Place()))
        }
        let rows = try CSVFile.rows(data, required: Self.columns)
        var errors: [CSVFile.LineError] = []
        var counties: [String: (row: CountyRow, line: Int)] = [:]
        var towns: [String: (row: TownRow, line: Int)] = [:]
        var villages: [String: (row: VillageRow, line: Int)] = [:]
        var order: [String] = []
        for row in rows {
            func fail(_ column: String, _ message: String) {
                errors.append(CSVFile.LineError(line: row.line, column: column, message: message))
            }
            let before = errors.count
            let countyCode = row["county_code"]
            if !Self.digits(countyCode, 6) { fail("county_code", "Six digits, such as 371721.") }
            let townCode = row["town_code"]
            if !Self.digits(townCode, 9) || !townCode.hasPrefix(countyCode) {
                fail("town_code", "Nine digits starting with the county's code.")
            }
            let villageCode = row["village_code"]
            if !Self.digits(villageCode, 12) || !villageCode.hasPrefix(townCode) {
                fail("village_code", "Twelve digits starting with the town's code.")
            }
            var names: [String: String] = [:]
            for column in ["county_name", "town_name", "village_name"] {
                let name = row[column]
                if !Self.nameLength.contains(name.count) || TextRule.forbiddenScalar(in: name) != nil {
                    fail(column, "A name of 1 to 40 characters, no control characters.")
                }
                names[column] = name
            }
            let townKind = Self.townKind(row["town_kind"])
            if townKind == nil { fail("town_kind", "Write town (镇), township (乡) or subdistrict (街道).") }
            let villageKind = Self.villageKind(row["village_kind"])
            if villageKind == nil {
                fail("village_kind", "Write administrative (村委会) or residents (居委会).")
            }
            let households = Int(row["households"])
            if households.map({ !Self.householdCounts.contains($0) }) ?? true {
                fail("households", "A whole number of households from 0 to 1000000.")
            }
            let latitude = Double(row["latitude"])
            if latitude.map({ !(-90...90).contains($0) }) ?? true {
                fail("latitude", "Degrees north from -90 to 90, such as 34.83.")
            }
            let longitude = Double(row["longitude"])
            if longitude.map({ !(-180...180).contains($0) }) ?? true {
                fail("longitude", "Degrees east from -180 to 180, such as 115.54.")
            }
            guard errors.count == before, let townKind, let villageKind, let households, let latitude,
                let longitude
            else { continue }
            let county = CountyRow(code: countyCode, name: names["county_name"]!)
            if let first = counties[countyCode], first.row != county {
                fail("county_name", "County \(countyCode) is named \"\(first.row.name)\" on line \(first.line).")
            } else if counties[countyCode] == nil {
                counties[countyCode] = (county, row.line)
            }
            let town = TownRow(code: townCode, county: countyCode, name: names["town_name"]!, kind: townKind)
            if let first = towns[townCode], first.row != town {
                let column = first.row.name != town.name ? "town_name" : "town_kind"
                fail(
                    column,
                    "Town \(townCode) is \"\(first.row.name)\", \(first.row.kind.rawValue), on line \(first.line).")
            } else if towns[townCode] == nil {
                towns[townCode] = (town, row.line)
            }
            if let first = villages[villageCode] {
                fail("village_code", "Village \(villageCode) is on line \(first.line) already.")
            } else {
                villages[villageCode] = (
                    VillageRow(
                        code: villageCode, town: townCode, name: names["village_name"]!, kind: villageKind,
                        households: households, point: GeoPoint(latitude: latitude, longitude: longitude)),
                    row.line
                )
                order.append(villageCode)
            }
        }
        if rows.isEmpty { errors.append(CSVFile.LineError(line: 2, column: nil, message: "The file has no villages.")) }
        guard errors.isEmpty else { throw CSVFile.Refused(errors: errors) }
        return try await load(
            counties: counties.values.map(\.row), towns: towns.values.map(\.row),
            villages: order.compactMap { villages[$0]?.row }, on: database)
    }

    private func load(counties: [CountyRow], towns: [TownRow], villages: [VillageRow], on database: any Database)
        async throws -> Outcome
    {
        let dependencies = context.dependencies
        var centres: [String: (lat: Double, lon: Double, n: Double)] = [:]
        for village in villages {
            centres[village.town, default: (0, 0, 0)].lat += village.point.latitude
            centres[village.town, default: (0, 0, 0)].lon += village.point.longitude
            centres[village.town, default: (0, 0, 0)].n += 1
        }
        let townCentres = centres
        return try await context.transactions.transaction(on: database) { db in
            var outcome = Outcome()
            var countyIDs: [String: UUID] = [:]
            let knownCounties = try await County.query(on: db).filter(\.$code ~~ counties.map(\.code)).all()
            for row in counties.sorted(by: { $0.code < $1.code }) {
                if let county = knownCounties.first(where: { $0.code == row.code }) {
                    if county.name != row.name {
                        county.name = row.name
                        try await county.update(on: db)
                        outcome.counties.updated += 1
                    } else {
                        outcome.counties.unchanged += 1
                    }
                    countyIDs[row.code] = try county.requireID()
                } else {
                    let county = County(id: dependencies.uuid(), code: row.code, name: row.name, nameEn: row.name)
                    try await county.create(on: db)
                    countyIDs[row.code] = try county.requireID()
                    outcome.counties.added += 1
                }
            }
            var townIDs: [String: UUID] = [:]
            var knownTowns: [String: Town] = [:]
            for chunk in Self.chunks(towns.map(\.code)) {
                for town in try await Town.query(on: db).filter(\.$code ~~ chunk).all() { knownTowns[town.code] = town }
            }
            for row in towns.sorted(by: { $0.code < $1.code }) {
                guard let countyID = countyIDs[row.county] else { continue }
                let centre = townCentres[row.code] ?? (0, 0, 1)
                if let town = knownTowns[row.code] {
                    if town.name != row.name || town.kind != row.kind || town.$county.id != countyID {
                        town.name = row.name
                        town.kind = row.kind
                        town.$county.id = countyID
                        try await town.update(on: db)
                        outcome.towns.updated += 1
                    } else {
                        outcome.towns.unchanged += 1
                    }
                    townIDs[row.code] = try town.requireID()
                } else {
                    let town = Town(
                        id: dependencies.uuid(), countyID: countyID, code: row.code, kind: row.kind, name: row.name,
                        nameEn: row.name, latitude: centre.lat / centre.n, longitude: centre.lon / centre.n)
                    try await town.create(on: db)
                    townIDs[row.code] = try town.requireID()
                    outcome.towns.added += 1
                }
            }
            var knownVillages: [String: Village] = [:]
            for chunk in Self.chunks(villages.map(\.code)) {
                for village in try await Village.query(on: db).filter(\.$code ~~ chunk).all() {
                    knownVillages[village.code] = village
                }
            }
            for row in villages {
                guard let townID = townIDs[row.town] else { continue }
                if let village = knownVillages[row.code] {
                    if village.name != row.name || village.kind != row.kind || village.$town.id != townID
                        || village.householdCount != row.households || village.location != row.point
                    {
                        village.name = row.name
                        village.kind = row.kind
                        village.$town.id = townID
                        village.householdCount = row.households
                        village.latitude = row.point.latitude
                        village.longitude = row.point.longitude
                        try await village.update(on: db)
                        outcome.villages.updated += 1
                    } else {
                        outcome.villages.unchanged += 1
                    }
                } else {
                    try await Village(
                        id: dependencies.uuid(), townID: townID, code: row.code, kind: row.kind, name: row.name,
                        nameEn: row.name, location: row.point, householdCount: row.households, specialty: .mixed
                    ).create(on: db)
                    outcome.villages.added += 1
                }
            }
            return outcome
        }
    }

    static func chunks(_ codes: [String]) -> [[String]] {
        stride(from: 0, to: codes.count, by: 500).map { Array(codes[$0..<min($0 + 500, codes.count)]) }
    }

    static func digits(_ text: String, _ count: Int) -> Bool {
        text.count == count && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The town kind as the list writes it, in English or Chinese.
    static func townKind(_ text: String) -> Town.Kind? {
        switch text.lowercased() {
        case "town", "镇": .town
        case "township", "乡": .township
        case "subdistrict", "街道": .subdistrict
        default: nil
        }
    }

    /// The village kind as the list writes it, in English or Chinese.
    static func villageKind(_ text: String) -> Village.Kind? {
        switch text.lowercased() {
        case "administrative", "村委会", "村民委员会": .administrative
        case "residents", "居委会", "居民委员会": .residents
        default: nil
        }
    }
}
