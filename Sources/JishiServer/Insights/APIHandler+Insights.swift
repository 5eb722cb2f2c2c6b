import Foundation
import Insights
import JishiAPI
import JishiKit
import Logistics
import Marketplace
import OpenAPIRuntime
import Vapor

extension APIHandler {
    func getRecognition(_ input: Operations.GetRecognition.Input) async throws -> Operations.GetRecognition.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let (insights, read) = await request.insightsReading()
        let report = try await RecognitionService(context: insights).report(
            year: input.query.year, by: principal, on: read.database)
        return .ok(.init(body: .json(APIMapping.recognition(report))))
    }

    func getRecognitionCSV(_ input: Operations.GetRecognitionCSV.Input) async throws
        -> Operations.GetRecognitionCSV.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let (insights, read) = await request.insightsReading()
        let report = try await RecognitionService(context: insights).report(
            year: input.query.year, by: principal, on: read.database)
        return .ok(.init(body: .csv(HTTPBody(RecognitionExport.csv(report)))))
    }

    func importInsightsFile(_ input: Operations.ImportInsightsFile.Input) async throws
        -> Operations.ImportInsightsFile.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .csv(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let limit = request.jishi.config.http.maxBodyBytes
        let data = try await Self.collect(
            body, limit: limit,
            tooLarge: Problem(
                type: .payloadTooLarge, detail: "At most \(limit) bytes; larger files go through `jishi import`."))
        let context = request.jishi.insightsContext
        do {
            let outcome: Components.Schemas.ImportOutcome
            switch input.path.kind {
            case .geography:
                let done = try await GeographyImport(context: context).run(data, by: principal, on: request.db)
                let all = [done.counties, done.towns, done.villages]
                outcome = .init(
                    rows: done.villages.added + done.villages.updated + done.villages.unchanged,
                    added: all.reduce(0) { $0 + $1.added }, updated: all.reduce(0) { $0 + $1.updated },
                    unchanged: all.reduce(0) { $0 + $1.unchanged })
            case .shops:
                let done = try await ShopsImport(context: context).run(data, by: principal, on: request.db)
                outcome = .init(
                    rows: done.added + done.updated + done.unchanged, added: done.added, updated: done.updated,
                    unchanged: done.unchanged)
            case .sales:
                let done = try await SalesImport(context: context).run(data, by: principal, on: request.db)
                outcome = .init(rows: done.written)
            }
            return .ok(.init(body: .json(outcome)))
        } catch let refused as CSVFile.Refused {
            throw APIMapping.fileProblem(refused)
        }
    }
}

extension APIMapping {
    static func recognition(_ report: RecognitionService.Report) -> Components.Schemas.RecognitionReport {
        .init(
            year: report.year,
            villages: report.villages.map {
                .init(
                    code: $0.code, recognised: $0.recognised, salesMinor: $0.salesMinor, activeShops: $0.activeShops,
                    households: $0.households)
            },
            towns: report.towns.map {
                .init(
                    code: $0.code, recognised: $0.recognised, salesMinor: $0.salesMinor, activeShops: $0.activeShops,
                    taobaoVillages: $0.taobaoVillages)
            },
            counties: report.counties.map {
                .init(code: $0.code, taobaoVillages: $0.taobaoVillages, cluster: .init(rawValue: $0.cluster.rawValue)!)
            })
    }

    /// A refused CSV file as one `400` problem naming every bad line and column
    /// (`line 3.households`); `field` is the first of them.
    static func fileProblem(_ refused: CSVFile.Refused) -> Problem {
        let named = refused.errors.map { error in
            ("line \(error.line)" + (error.column.map { "." + $0 } ?? ""), error.message)
        }
        return Problem(
            type: .validation, detail: named.map { "\($0.0): \($0.1)" }.joined(separator: "; "),
            field: named.first?.0)
    }
}

extension APIHandler {
    func listRegistrySnapshots(_ input: Operations.ListRegistrySnapshots.Input) async throws
        -> Operations.ListRegistrySnapshots.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let snapshots = try await request.jishi.registry.snapshots(by: principal, on: request.db)
        return .ok(.init(body: .json(snapshots.map(APIMapping.snapshot))))
    }

    func takeRegistrySnapshot(_ input: Operations.TakeRegistrySnapshot.Input) async throws
        -> Operations.TakeRegistrySnapshot.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let snapshot = try await request.jishi.registry.take(by: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.snapshot(snapshot))))
    }

    func getRegistryChanges(_ input: Operations.GetRegistryChanges.Input) async throws
        -> Operations.GetRegistryChanges.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let changes = try await request.jishi.registry.changes(
            from: input.query.from, to: input.query.to, by: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    changes.map {
                        .init(
                            change: .init(rawValue: $0.kind.rawValue)!, platform: $0.platform, shopRef: $0.shopRef,
                            villageCode: $0.villageCode, previous: $0.previous, current: $0.current)
                    })))
    }

    func getRegistryCSV(_ input: Operations.GetRegistryCSV.Input) async throws -> Operations.GetRegistryCSV.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let entries = try await request.jishi.registry.entries(month: input.query.month, by: principal, on: request.db)
        return .ok(.init(body: .csv(HTTPBody(ShopRegistry.csv(entries)))))
    }
}

extension APIMapping {
    static func snapshot(_ snapshot: ShopRegistry.Snapshot) -> Components.Schemas.RegistrySnapshot {
        .init(month: snapshot.month, shops: snapshot.shops, takenAt: snapshot.takenAt)
    }
}

extension APIHandler {
    /// The series a growth request names: the defaults the page uses when a bound is left out.
    private func growthSeries(place: String?, by: String?, from: String?, to: String?) async throws
        -> GrowthFigures.Series
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let period = GrowthFigures.Period(rawValue: by ?? "year") ?? .year
        let (insights, read) = await request.insightsReading()
        let growth = GrowthFigures(context: insights)
        let range = growth.defaultRange(period)
        return try await growth.series(
            of: place, period: period, from: from ?? range.from, to: to ?? range.to, by: principal, on: read.database)
    }

    func getGrowth(_ input: Operations.GetGrowth.Input) async throws -> Operations.GetGrowth.Output {
        let query = input.query
        let series = try await growthSeries(
            place: query.place, by: query.by?.rawValue, from: query.from, to: query.to)
        return .ok(
            .init(
                body: .json(
                    .init(
                        place: series.code, level: .init(rawValue: series.level.rawValue)!,
                        by: .init(rawValue: series.period.rawValue)!,
                        points: series.points.map {
                            .init(
                                period: $0.period, households: $0.households, shops: $0.shops,
                                activeShops: $0.activeShops, orders: $0.orders, salesMinor: $0.salesMinor,
                                parcelsIn: $0.parcelsIn, parcelsOut: $0.parcelsOut)
                        }))))
    }

    func getGrowthCSV(_ input: Operations.GetGrowthCSV.Input) async throws -> Operations.GetGrowthCSV.Output {
        let query = input.query
        let series = try await growthSeries(
            place: query.place, by: query.by?.rawValue, from: query.from, to: query.to)
        return .ok(.init(body: .csv(HTTPBody(GrowthFigures.csv(series)))))
    }

    func getInsightsMapGeoJSON(_ input: Operations.GetInsightsMapGeoJSON.Input) async throws
        -> Operations.GetInsightsMapGeoJSON.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let (insights, read) = await request.insightsReading()
        let villages = try await GrowthFigures(context: insights).villages(
            of: input.query.place, year: input.query.year, by: principal, on: read.database)
        let stations = try await GrowthPage.stations(serving: Set(villages.map(\.code)), on: read.database)
        let data = try GrowthFigures.geoJSON(villages, stations: stations)
        return .ok(.init(body: .applicationGeoJson(try Self.featureCollection(data))))
    }
}

extension APIHandler {
    func siteStations(_ input: Operations.SiteStations.Input) async throws -> Operations.SiteStations.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let question = StationSiting.Question(
            place: body.place, sites: body.sites,
            objective: StationSiting.Objective(rawValue: body.objective?.rawValue ?? "p_median") ?? .pMedian,
            radiusMeters: body.radiusMeters ?? 3_000,
            demand: StationSiting.Demand(rawValue: body.demand?.rawValue ?? "households") ?? .households,
            timeLimitSeconds: body.timeLimitSeconds ?? 1, seed: UInt64(body.seed ?? 1))
        let answer = try await StationSiting(context: request.jishi.insightsContext).answer(
            question, by: principal, on: request.db)
        func site(_ site: StationSiting.Site) -> Components.Schemas.SitingSite {
            .init(
                code: site.code, name: site.name, latitude: site.location.latitude, longitude: site.location.longitude)
        }
        func figures(_ figures: StationSiting.Figures) -> Components.Schemas.SitingFigures {
            .init(
                meanMeters: figures.meanMeters, worstMeters: figures.worstMeters, covered: figures.covered,
                total: figures.total)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        place: answer.place, objective: .init(rawValue: answer.objective.rawValue)!,
                        demand: .init(rawValue: answer.demand.rawValue)!, radiusMeters: answer.radiusMeters,
                        chosen: answer.chosen.map(site), existing: answer.existing.map(site),
                        before: figures(answer.before), after: figures(answer.after),
                        objectiveValue: Int64(answer.objectiveValue), bound: answer.bound.map(Int64.init),
                        provenOptimal: answer.provenOptimal, seconds: (answer.seconds * 1000).rounded() / 1000))))
    }
}

extension APIHandler {
    func getQuality(_ input: Operations.GetQuality.Input) async throws -> Operations.GetQuality.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard PlatformCodes.isMonth(input.query.month) else {
            throw Problem.validation("month", "A month such as 2026-11.")
        }
        let rows = try await QualityWatch(context: request.jishi.insightsContext).figures(
            months: [input.query.month], by: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    rows.map {
                        .init(
                            month: $0.month, level: .init(rawValue: $0.level.rawValue)!, code: $0.code,
                            orders: $0.orders, refundedOrders: $0.refundedOrders,
                            refundRate: $0.refundRate.map { ($0 * 10_000).rounded() / 10_000 }, reviews: $0.reviews,
                            rating: $0.rating.map { ($0 * 100).rounded() / 100 }, medianPriceMinor: $0.medianPriceMinor,
                            shops: $0.shops)
                    })))
    }

    func getQualityRules(_ input: Operations.GetQualityRules.Input) async throws -> Operations.GetQualityRules.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        _ = try await InsightsScope.of(principal, on: request.db)
        let rules = try await QualityWatch(context: request.jishi.insightsContext).rules(on: request.db)
        return .ok(.init(body: .json(APIMapping.rules(rules))))
    }

    func setQualityRules(_ input: Operations.SetQualityRules.Input) async throws -> Operations.SetQualityRules.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        var rules = QualityWatch.Rules()
        rules.priceDropShare = body.priceDropShare
        rules.refundRate = body.refundRate
        rules.rating = body.rating
        rules.minimumOrders = body.minimumOrders
        rules.minimumReviews = body.minimumReviews
        let saved = try await QualityWatch(context: request.jishi.insightsContext).setRules(
            rules, by: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.rules(saved))))
    }

    func listInsightsAlerts(_ input: Operations.ListInsightsAlerts.Input) async throws
        -> Operations.ListInsightsAlerts.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let alerts = try await QualityWatch(context: request.jishi.insightsContext).alerts(
            status: input.query.status.flatMap { InsightsAlert.Status(rawValue: $0.rawValue) }, by: principal,
            on: request.db)
        return .ok(.init(body: .json(try alerts.map(APIMapping.alert))))
    }

    func detectInsightsAlerts(_ input: Operations.DetectInsightsAlerts.Input) async throws
        -> Operations.DetectInsightsAlerts.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let raised = try await QualityWatch(context: request.jishi.insightsContext).detect(
            month: input.query.month, by: principal, on: request.db)
        return .ok(.init(body: .json(try raised.map(APIMapping.alert))))
    }

    func decideInsightsAlert(_ input: Operations.DecideInsightsAlert.Input) async throws
        -> Operations.DecideInsightsAlert.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let alert = try await QualityWatch(context: request.jishi.insightsContext).decide(
            try Self.uuid(input.path.alertId, field: "alertId"),
            to: InsightsAlert.Status(rawValue: body.status.rawValue) ?? .acknowledged, note: body.note,
            by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.alert(alert))))
    }
}

extension APIMapping {
    static func rules(_ rules: QualityWatch.Rules) -> Components.Schemas.QualityRules {
        .init(
            priceDropShare: rules.priceDropShare, refundRate: rules.refundRate, rating: rules.rating,
            minimumOrders: rules.minimumOrders, minimumReviews: rules.minimumReviews)
    }

    static func alert(_ alert: InsightsAlert) throws -> Components.Schemas.InsightsAlert {
        .init(
            id: try alert.requireID().uuidString.lowercased(), kind: .init(rawValue: alert.kind.rawValue)!,
            subject: alert.subject, month: alert.month, value: alert.value, previous: alert.previous,
            shops: alert.shops, previousShops: alert.previousShops, status: .init(rawValue: alert.status.rawValue)!,
            note: alert.note, decidedAt: alert.decidedAt, raisedAt: alert.raisedAt)
    }
}
