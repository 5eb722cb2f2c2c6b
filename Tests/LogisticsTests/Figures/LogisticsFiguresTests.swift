import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Testing

/// The county's figures from the demo day, planned, published and partly driven.
@Suite("Logistics: what the county sees")
struct LogisticsFiguresTests {
    static let date = "2026-12-03"

    /// The demo day planned and published; the plan.
    static func publishedDay(_ county: TestCounty) async throws -> PlanView {
        try await LogisticsDemo.loadDay(date, at: Date(), on: county.db)
        let service = DispatchService()
        let dispatcher = try await county.principal("dispatcher")
        let plan = try await service.plan(date, timeLimit: 0.3, seed: 5, by: .account(dispatcher), on: county.db).plan
        return try await service.publish(plan.id, by: dispatcher, on: county.db)
    }

    @Test(arguments: TestStore.available)
    func theFiguresCountEveryPlannedParcelAndShareThePlansWholeCost(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let plan = try await Self.publishedDay(county)
            let official = try await county.principal("official")
            let figures = LogisticsFigures()
            let report = try await figures.report(from: Self.date, to: Self.date, by: official, on: county.db)
            let tracking = Set(plan.runs.flatMap(\.stops).flatMap { $0.deliver + $0.pickup })
            let parcels = try await Parcel.query(on: county.db).filter(\.$dueDate == Self.date).all()
                .filter { tracking.contains($0.trackingNumber) }
            #expect(report.plans == 1)
            #expect(report.rows.allSatisfy { $0.date == Self.date })
            #expect(report.rows.reduce(0) { $0 + $1.parcelsIn } == parcels.filter { $0.direction == .inbound }.count)
            #expect(report.rows.reduce(0) { $0 + $1.parcelsOut } == parcels.filter { $0.direction == .outbound }.count)
            // Whole fen per village that add up to the plan's cost, and nobody delivered yet.
            #expect(report.costMinor == plan.costMinor)
            #expect(report.rows.allSatisfy { $0.costMinor > 0 && ($0.costPerParcelMinor ?? 0) > 0 })
            #expect(report.delivered == 0 && report.dwell.isEmpty)
            // Each village's parcels, as the parcels say.
            let villages = try await Village.query(on: county.db).all()
            let codeOf = Dictionary(uniqueKeysWithValues: villages.map { ($0.id!, $0.code) })
            for row in report.rows {
                let own = parcels.filter { codeOf[$0.$village.id] == row.villageCode }
                #expect(row.parcelsIn == own.filter { $0.direction == .inbound }.count)
                #expect(row.parcelsOut == own.filter { $0.direction == .outbound }.count)
            }
            // The days before see nothing.
            #expect(
                try await figures.report(from: "2026-11-01", to: "2026-12-02", by: official, on: county.db).rows.isEmpty
            )
        }
    }

    @Test(arguments: TestStore.available)
    func firstAttemptsAndShelfTimeFollowTheCustodyEvents(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let plan = try await Self.publishedDay(county)
            let courierAccount = try #require(
                try await Account.query(on: county.db).filter(\.$username == "courier").first())
            let courier = try await county.principal("courier")
            let run = try #require(plan.runs.first { $0.courierID == courierAccount.id })
            let stops = run.stops.filter { !$0.deliver.isEmpty }
            try #require(stops.count >= 2)
            let (failed, done) = (stops[0], stops[1])
            let service = CourierService()
            try await service.load(run.id, by: courier, on: county.db)
            // The first stop fails, then its parcels are left there after all: delivered, not at the first attempt.
            try await service.fail(failed.id, reason: "Nobody at the station", by: courier, on: county.db)
            let parcels = ParcelService()
            let failedParcels = try await Parcel.query(on: county.db).filter(\.$trackingNumber ~~ failed.deliver).all()
            for parcel in failedParcels {
                try await parcels.handOver(
                    parcel.requireID(), from: .run(run.id), to: .node(failed.node.requireID()),
                    by: courierAccount.id, at: failed.node.id, on: county.db)
            }
            // The second stop is done; one of its parcels is handed out 5 hours later.
            try await service.finish(done.id, by: courier, on: county.db)
            let later = try #require(
                try await Parcel.query(on: county.db).filter(\.$trackingNumber == done.deliver[0]).first())
            var dependencies = Dependencies.live
            dependencies.now = { Date().addingTimeInterval(5 * 3600) }
            try await ParcelService(dependencies: dependencies).handOver(
                later.requireID(), from: .node(done.node.requireID()), to: .recipient, kind: .delivered,
                by: nil, at: done.node.id, on: county.db)

            let report = try await LogisticsFigures().report(
                from: Self.date, to: Self.date, by: county.principal("dispatcher"), on: county.db)
            let villageCode = { (node: NetworkNode) async throws -> String in
                try #require(try await Village.find(node.$village.id, on: county.db)).code
            }
            let failedVillage = try await villageCode(failed.node)
            let doneVillage = try await villageCode(done.node)
            let first = try #require(report.rows.first { $0.villageCode == failedVillage })
            #expect(first.delivered == failed.deliver.count)
            #expect(first.firstAttemptDelivered == 0)
            let second = try #require(report.rows.first { $0.villageCode == doneVillage })
            #expect(second.delivered == done.deliver.count)
            #expect(second.firstAttemptDelivered == done.deliver.count)
            #expect(abs((second.dwellHoursMedian ?? 0) - 5) < 0.01)
            #expect(report.delivered == failed.deliver.count + done.deliver.count)
            let shelf = try #require(report.dwell.first { $0.nodeCode == done.node.code })
            #expect(shelf.handedOut == 1 && shelf.waiting == done.deliver.count - 1)
            #expect(abs((shelf.medianHours ?? 0) - 5) < 0.01 && abs((shelf.meanHours ?? 0) - 5) < 0.01)
        }
    }

    @Test(arguments: TestStore.available)
    func onlyTheCountysOfficialsDispatchersAndAdminsSeeTheFiguresAndATownsOfficialOnlyTheirTown(
        store: TestStore
    ) async throws {
        try await withTestNetwork(on: store) { county in
            _ = try await Self.publishedDay(county)
            let figures = LogisticsFigures()
            for username in ["courier", "seller", "buyer", "agent"] {
                let principal = try await county.principal(username)
                await #expect(throws: Problem.self) {
                    try await figures.report(from: Self.date, to: Self.date, by: principal, on: county.db)
                }
            }
            for username in ["official", "dispatcher", "admin"] {
                let principal = try await county.principal(username)
                _ = try await figures.report(from: Self.date, to: Self.date, by: principal, on: county.db)
            }
            let towns = try await Town.query(on: county.db).sort(\.$code).all()
            try #require(towns.count >= 2)
            let townOfficial = Principal(
                accountID: UUID(), grants: [RoleGrant(role: .official, scope: .town(try towns[0].requireID()))])
            do {
                _ = try await figures.report(from: Self.date, to: Self.date, by: townOfficial, on: county.db)
                Issue.record("a town's official saw the whole county")
            } catch let problem as Problem {
                #expect(problem.status == 403)
            }
            let own = try await figures.report(
                from: Self.date, to: Self.date, townID: towns[0].id, by: townOfficial, on: county.db)
            #expect(own.townCode == towns[0].code)
            #expect(own.rows.allSatisfy { $0.townCode == towns[0].code })
            await #expect(throws: Problem.self) {
                try await figures.report(
                    from: Self.date, to: Self.date, townID: towns[1].id, by: townOfficial, on: county.db)
            }
            // Bad ranges are the caller's fault.
            let official = try await county.principal("official")
            for (from, to) in [
                ("2026-12-04", "2026-12-03"), ("2026-01-01", "2026-12-31"), ("2026-02-30", "2026-03-01"),
            ] {
                do {
                    _ = try await figures.report(from: from, to: to, by: official, on: county.db)
                    Issue.record("\(from)…\(to) was taken")
                } catch let problem as Problem {
                    #expect(problem.status == 400)
                }
            }
        }
    }

    @Test func theCSVHasItsHeaderAndOneRowPerVillageAndDay() {
        let report = LogisticsFigures.Report(
            from: "2026-12-03", to: "2026-12-03", townCode: nil, plans: 1,
            rows: [
                LogisticsFigures.VillageDay(
                    date: "2026-12-03", townCode: "371799101", villageCode: "371799101201", villageName: "丁庄村, 东",
                    villageNameEn: "Dingzhuang", parcelsIn: 3, parcelsOut: 2, costMinor: 1_001,
                    firstAttemptDelivered: 2, delivered: 3, dwellHoursMedian: 4.25),
                LogisticsFigures.VillageDay(
                    date: "2026-12-03", townCode: "371799101", villageCode: "371799101202", villageName: "=SUM(A1)",
                    villageNameEn: "", parcelsIn: 0, parcelsOut: 1, costMinor: 99, firstAttemptDelivered: 0,
                    delivered: 0, dwellHoursMedian: nil),
            ], dwell: [])
        let lines = FiguresCSV.csv(report).components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "date,town_code,village_code,village_name,parcels_in,parcels_out,cost_minor,cost_per_parcel_minor,first_attempt_delivered,delivered,dwell_hours_median"
        )
        // 1001 fen over 5 parcels is 200.2 → 200.
        #expect(lines[1] == "2026-12-03,371799101,371799101201,\"丁庄村, 东\",3,2,1001,200,2,3,4.2")
        #expect(lines[2] == "2026-12-03,371799101,371799101202,'=SUM(A1),0,1,99,99,0,0,")
        #expect(lines.count == 4 && lines[3].isEmpty)
    }

    @Test(arguments: TestStore.available)
    func theNetworkAndADaysRunsExportAsGeoJSON(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let plan = try await Self.publishedDay(county)
            let network = try JSONSerialization.jsonObject(with: try await GeoExport.network(on: county.db))
            let collection = try #require(network as? [String: Any])
            #expect(collection["type"] as? String == "FeatureCollection")
            let features = try #require(collection["features"] as? [[String: Any]])
            func geometry(_ feature: [String: Any]) -> String? {
                (feature["geometry"] as? [String: Any])?["type"] as? String
            }
            func properties(_ feature: [String: Any]) -> [String: Any] {
                feature["properties"] as? [String: Any] ?? [:]
            }
            let nodes = features.filter { geometry($0) == "Point" }
            #expect(nodes.count == (try await NetworkNode.query(on: county.db).count()))
            let hub = try #require(nodes.first { properties($0)["code"] as? String == LogisticsDemo.hubCode })
            #expect(properties(hub)["kind"] as? String == "county_hub")
            let coordinates = try #require((hub["geometry"] as? [String: Any])?["coordinates"] as? [Double])
            #expect(
                coordinates.count == 2 && (110...125).contains(coordinates[0]) && (30...40).contains(coordinates[1]))
            let roads = features.filter { geometry($0) == "LineString" }
            #expect(!roads.isEmpty)
            #expect(roads.allSatisfy { (properties($0)["speedKmh"] as? Double ?? 0) > 0 })

            let hubNode = try await DispatchService().hub(on: county.db)
            let day = try #require(
                try JSONSerialization.jsonObject(with: try GeoExport.runs(plan, hub: hubNode)) as? [String: Any])
            let parts = try #require(day["features"] as? [[String: Any]])
            let runs = parts.filter { geometry($0) == "LineString" }
            #expect(runs.map { properties($0)["vehicle"] as? String } == plan.runs.map(\.vehicle.code))
            for (line, run) in zip(runs, plan.runs) {
                let points = try #require((line["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
                #expect(points.count == run.stops.count + 2)
                #expect(points.first == points.last)
                #expect(properties(line)["distanceMeters"] as? Int == run.distanceMeters)
            }
            let stops = parts.filter { properties($0)["featureType"] as? String == "stop" }
            #expect(stops.count == plan.runs.reduce(0) { $0 + $1.stops.count })
        }
    }
}
