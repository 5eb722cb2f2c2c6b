import Community
import Foundation
import JishiAPI
import JishiKit
import Logistics
import OpenAPIRuntime
import Vapor

extension APIHandler {
    func getLogisticsFigures(_ input: Operations.GetLogisticsFigures.Input) async throws
        -> Operations.GetLogisticsFigures.Output
    {
        let report = try await figuresReport(from: input.query.from, to: input.query.to, town: input.query.town)
        return .ok(.init(body: .json(APIMapping.figures(report))))
    }

    func getLogisticsFiguresCSV(_ input: Operations.GetLogisticsFiguresCSV.Input) async throws
        -> Operations.GetLogisticsFiguresCSV.Output
    {
        let report = try await figuresReport(from: input.query.from, to: input.query.to, town: input.query.town)
        return .ok(.init(body: .csv(HTTPBody(FiguresCSV.csv(report)))))
    }

    /// The figures of a range (and a town) for the signed-in reader: the JSON's and the CSV's.
    private func figuresReport(from: String, to: String, town: String?) async throws -> LogisticsFigures.Report {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        return try await LogisticsFigures().report(
            from: from, to: to, townID: try town.map { try Self.uuid($0, field: "town") }, by: principal,
            on: request.db)
    }

    func getConsolidationFigure(_ input: Operations.GetConsolidationFigure.Input) async throws
        -> Operations.GetConsolidationFigure.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let figure = try await LogisticsFigures().consolidation(
            input.query.date, timeLimit: input.query.timeLimitSeconds ?? 1, by: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        date: figure.date, parcels: figure.parcels, sharedRuns: figure.sharedRuns,
                        sharedMeters: figure.sharedMeters, separateMeters: figure.separateMeters,
                        sharedKmPerParcel: (figure.sharedKmPerParcel * 1000).rounded() / 1000,
                        separateKmPerParcel: (figure.separateKmPerParcel * 1000).rounded() / 1000,
                        separate: figure.separate.map {
                            .init(
                                carrier: $0.carrier, runs: $0.runs, parcels: $0.parcels,
                                distanceMeters: $0.distanceMeters)
                        }))))
    }

    func getNetworkGeoJSON(_ input: Operations.GetNetworkGeoJSON.Input) async throws
        -> Operations.GetNetworkGeoJSON.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        _ = try await LogisticsFigures().requireViewer(principal, townID: nil, on: request.db)
        let data = try await GeoExport.network(on: request.db)
        return .ok(.init(body: .applicationGeoJson(try Self.featureCollection(data))))
    }

    func getDispatchPlanGeoJSON(_ input: Operations.GetDispatchPlanGeoJSON.Input) async throws
        -> Operations.GetDispatchPlanGeoJSON.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let service = request.jishi.dispatch
        let plan = try await service.plan(of: input.path.date, by: principal, on: request.db)
        let data = try GeoExport.runs(plan, hub: try await service.hub(on: request.db))
        return .ok(.init(body: .applicationGeoJson(try Self.featureCollection(data))))
    }

    /// GeoJSON made by `GeoExport` as the contract's type.
    static func featureCollection(_ data: Data) throws -> Components.Schemas.GeoJSONFeatureCollection {
        try JSONDecoder().decode(Components.Schemas.GeoJSONFeatureCollection.self, from: data)
    }
}

extension APIMapping {
    static func figures(_ report: LogisticsFigures.Report) -> Components.Schemas.LogisticsFigures {
        .init(
            from: report.from, to: report.to, townCode: report.townCode, plans: report.plans,
            rows: report.rows.map { row in
                .init(
                    date: row.date, townCode: row.townCode, villageCode: row.villageCode, villageName: row.villageName,
                    parcelsIn: row.parcelsIn, parcelsOut: row.parcelsOut, costMinor: Int64(row.costMinor),
                    costPerParcelMinor: row.costPerParcelMinor.map(Int64.init),
                    firstAttemptDelivered: row.firstAttemptDelivered, delivered: row.delivered,
                    dwellHoursMedian: row.dwellHoursMedian.map { ($0 * 100).rounded() / 100 })
            },
            dwell: report.dwell.map { node in
                .init(
                    node: node.nodeCode, name: node.nodeName, villageCode: node.villageCode, handedOut: node.handedOut,
                    waiting: node.waiting, medianHours: node.medianHours.map { ($0 * 100).rounded() / 100 },
                    meanHours: node.meanHours.map { ($0 * 100).rounded() / 100 })
            })
    }
}
