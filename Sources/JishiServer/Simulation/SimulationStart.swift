import Community
import FluentKit
import Foundation
import Insights
import JishiKit
import Logistics
import Marketplace
import Simulation

/// Where a scenario starts, read from the database: the chosen village (or every village of
/// the chosen town) with its census households, its industry, today's shops, the last twelve
/// months' sales (the village ledger Insights keeps, as the growth figures read it), whether a
/// station serves it, its town, and its distance from the county hub (the county seat) when
/// the network has one.
struct SimulationStart {
    var context: InsightsContext

    /// A place one may simulate: a town, or a village of one.
    struct Place: Sendable {
        var code: String
        var name: String
        var nameEn: String
        var level: SimulationRun.Level
        var townCode: String
    }

    /// The towns and villages of `principal`'s scope, for the form's menu: each town, then its
    /// villages.
    static func places(_ principal: Principal, on database: any Database) async throws -> [(
        place: Place, label: (zh: String, en: String)
    )] {
        let scope = try await InsightsScope.of(principal, on: database)
        var places: [(place: Place, label: (zh: String, en: String))] = []
        let villages = Dictionary(grouping: try await GeographyRows.villages(on: database), by: { $0.$town.id })
        for town in try await GeographyRows.towns(on: database) {
            guard let id = town.id, scope.sees(town: id) else { continue }
            places.append(
                (
                    Place(code: town.code, name: town.name, nameEn: town.nameEn, level: .town, townCode: town.code),
                    ("· " + town.name, "· " + town.nameEn)
                ))
            for village in villages[id] ?? [] {
                places.append(
                    (
                        Place(
                            code: village.code, name: village.name, nameEn: village.nameEn, level: .village,
                            townCode: town.code),
                        ("· · " + village.name, "· · " + village.nameEn)
                    ))
            }
        }
        return places
    }

    /// The town or village of `code`: `nil` when there is none, a `403` when it is out of scope.
    static func place(_ code: String, scope: InsightsScope, on database: any Database) async throws -> Place? {
        if code.count == 9, let town = try await Town.query(on: database).filter(\.$code == code).first() {
            guard try scope.sees(town: town.requireID()) else { throw Problem.forbidden("This town is out of scope.") }
            return Place(code: town.code, name: town.name, nameEn: town.nameEn, level: .town, townCode: town.code)
        }
        if code.count == 12, let village = try await Village.query(on: database).filter(\.$code == code).first() {
            guard scope.sees(town: village.$town.id) else { throw Problem.forbidden("This village is out of scope.") }
            let town = try await Town.find(village.$town.id, on: database)
            return Place(
                code: village.code, name: village.name, nameEn: village.nameEn, level: .village,
                townCode: town?.code ?? String(village.code.prefix(9)))
        }
        return nil
    }

    /// The industry a village's specialty sells in: the urban villages by the wholesale
    /// market sell clothing (the Guangzhou cases).
    static func industry(_ specialty: Village.Specialty) -> Industry {
        switch specialty {
        case .costumes: .costumes
        case .urbanWholesale: .clothing
        case .farmProducts: .farmProducts
        case .furniture: .furniture
        case .handicrafts: .handicrafts
        case .mixed: .mixed
        }
    }

    /// The scenario `request` asks for at `place`, from next year on, with its levers in the
    /// first year; the baseline is the same without `events`.
    func scenario(
        _ request: SimulationRequest, place: Place, name: String, by principal: Principal, on database: any Database
    ) async throws -> Scenario {
        let villages = try await GeographyRows.villages(prefix: place.code, on: database)
            .filter { $0.householdCount > 0 }
        let month = Months.month(of: context.dependencies.now())
        let lastWhole = Months.before(month, 1)
        let year = Int(lastWhole.prefix(4)) ?? 2026
        let growth = GrowthFigures(context: context)
        // Today's shops: open at the end of the last whole month, as the growth map reads them.
        let shares = try await growth.villages(of: place.townCode, year: year, by: principal, on: database)
        var shops: [String: Int] = [:]
        for share in shares { shops[share.code] = share.shops }
        // A station: an active village station of the network serves the village.
        var stations = Set<UUID>()
        var hub: GeoPoint?
        for node in try await NetworkNode.query(on: database).filter(\.$active == true).all() {
            if node.kind == .villageStation, let village = node.$village.id { stations.insert(village) }
            if node.kind == .countyHub, hub == nil { hub = node.location }
        }
        var specs: [VillageSpec] = []
        for village in villages {
            // The last twelve whole months' sales, on every platform.
            let series = try await growth.series(
                of: village.code, period: .month, from: Months.before(lastWhole, 11), to: lastWhole, by: principal,
                on: database)
            let sales = series.points.reduce(Int64(0)) { $0 + $1.salesMinor }
            let open = min(max(0, shops[village.code] ?? 0), 2 * village.householdCount)
            specs.append(
                VillageSpec(
                    code: village.code, name: village.name, town: place.townCode, households: village.householdCount,
                    industry: Self.industry(village.specialty),
                    distanceToCountyKm: hub.map { Double(village.location.distance(to: $0)) / 1000 },
                    initial: VillageSpec.InitialState(
                        shops: open, salesMinor: min(max(0, sales), 10_000_000_000_000),
                        station: village.id.map(stations.contains) ?? false),
                    residentsCommittee: village.kind == .residents))
        }
        let start = (Int(month.prefix(4)) ?? year) + 1
        return Scenario(
            name: name, start: start, end: start + request.years - 1, villages: specs,
            events: Self.events(request.levers, year: start, villages: specs, place: place))
    }

    /// The levers as events of `year`: for the village itself, or for every village of the
    /// town, with the training places and the returnees shared by households.
    static func events(_ levers: SimulationRequest.Levers, year: Int, villages: [VillageSpec], place: Place)
        -> [Event]
    {
        let village: String? = place.level == .village ? place.code : nil
        var events: [Event] = []
        if levers.station { events.append(Event(year: year, village: village, kind: .logisticsStation)) }
        if let coverage = levers.broadband {
            events.append(Event(year: year, village: village, kind: .broadband, coverage: coverage))
        }
        if let amount = levers.subsidyMinor {
            events.append(
                Event(
                    year: year, village: village, kind: .subsidy, amountMinor: amount, years: levers.subsidyYears ?? 1))
        }
        if levers.park { events.append(Event(year: year, village: village, kind: .ecommercePark)) }
        if levers.registries { events.append(Event(year: year, village: village, kind: .registries)) }
        for (total, kind) in [(levers.trainingPersonTimes, Event.Kind.training), (levers.returnees, .returnees)] {
            guard let total, total > 0 else { continue }
            for (code, share) in shared(total, among: villages) where share > 0 {
                events.append(
                    kind == .training
                        ? Event(year: year, village: code, kind: .training, personTimes: share)
                        : Event(year: year, village: code, kind: .returnees, households: share))
            }
        }
        return events
    }

    /// `total` shared among `villages` in proportion to their households, in whole numbers that
    /// add up to `total` (largest remainders first).
    static func shared(_ total: Int, among villages: [VillageSpec]) -> [(code: String, share: Int)] {
        let households = villages.reduce(0) { $0 + $1.households }
        guard households > 0 else { return [] }
        var shares = villages.map { (code: $0.code, exact: Double(total) * Double($0.households) / Double(households)) }
            .map { (code: $0.code, share: Int($0.exact.rounded(.down)), rest: $0.exact - $0.exact.rounded(.down)) }
        var left = total - shares.reduce(0) { $0 + $1.share }
        for index in shares.indices.sorted(by: {
            shares[$0].rest > shares[$1].rest || (shares[$0].rest == shares[$1].rest && $0 < $1)
        })
        where left > 0 {
            shares[index].share += 1
            left -= 1
        }
        return shares.map { ($0.code, $0.share) }
    }
}
