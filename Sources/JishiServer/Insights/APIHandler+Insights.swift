import Foundation
import Insights
import JishiAPI
import JishiKit
import OpenAPIRuntime
import Vapor

extension APIHandler {
    func getRecognition(_ input: Operations.GetRecognition.Input) async throws -> Operations.GetRecognition.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let report = try await request.jishi.recognition.report(year: input.query.year, by: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.recognition(report))))
    }

    func getRecognitionCSV(_ input: Operations.GetRecognitionCSV.Input) async throws
        -> Operations.GetRecognitionCSV.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let report = try await request.jishi.recognition.report(year: input.query.year, by: principal, on: request.db)
        return .ok(.init(body: .csv(HTTPBody(RecognitionExport.csv(report)))))
    }

    func importInsightsFile(_ input: Operations.ImportInsightsFile.Input) async throws
        -> Operations.ImportInsightsFile.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .csv(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let limit = request.jishi.config.http.maxBodyBytes
        var data = Data()
        for try await chunk in body {
            guard data.count + chunk.count <= limit else {
                throw Problem(
                    type: .payloadTooLarge, detail: "At most \(limit) bytes; larger files go through `jishi import`.")
            }
            data.append(contentsOf: chunk)
        }
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
