import Community
import Foundation
import JishiAPI
import JishiKit
import Logistics
import Vapor

extension APIHandler {
    func getRoadNetwork(_ input: Operations.GetRoadNetwork.Input) async throws -> Operations.GetRoadNetwork.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let county = try await RoadImport.requireManager(principal, on: request.db)
        let data = try await RoadImport.export(countyID: county, on: request.db)
        return .ok(.init(body: .json(try JSONDecoder().decode(Components.Schemas.RoadNetwork.self, from: data))))
    }

    func replaceRoadNetwork(_ input: Operations.ReplaceRoadNetwork.Input) async throws
        -> Operations.ReplaceRoadNetwork.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let county = try await RoadImport.requireManager(principal, on: request.db)
        // The same checks as `jishi import roads`, on the body as sent.
        let network: RoadImport.Network
        do {
            network = try RoadImport.parse(try JSONEncoder().encode(body))
        } catch let refused as RoadImport.Refused {
            throw refused.problem
        }
        let outcome = try await RoadImport(dependencies: request.jishi.dependencies).replace(
            with: network, countyID: county, on: request.db)
        return .ok(
            .init(body: .json(.init(features: outcome.features, lines: outcome.lines, version: outcome.version))))
    }
}
