import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import SQLKit
import Vapor

extension APIHandler {
    func listTowns(_ input: Operations.ListTowns.Input) async throws -> Operations.ListTowns.Output {
        let request = try RequestContext.request()
        let towns = try await request.jishi.geography.towns(on: request.db)
        let counts = try await request.jishi.geography.villageCounts(on: request.db)
        let body = try towns.map { town in
            let id = try town.requireID()
            return Components.Schemas.Town(
                id: id.uuidString, countyId: town.$county.id.uuidString, code: town.code,
                kind: Components.Schemas.Town.KindPayload(rawValue: town.kind.rawValue) ?? .town, name: town.name,
                nameEn: town.nameEn,
                location: .init(latitude: town.latitude, longitude: town.longitude), villageCount: counts[id] ?? 0)
        }
        return .ok(.init(body: .json(body)))
    }

    func listVillages(_ input: Operations.ListVillages.Input) async throws -> Operations.ListVillages.Output {
        let request = try RequestContext.request()
        let townID = try input.query.town.map { try Self.uuid($0, field: "town") }
        let villages = try await request.jishi.geography.villages(inTown: townID, on: request.db)
        return .ok(.init(body: .json(try villages.map(APIMapping.villageSummary))))
    }

    func getVillage(_ input: Operations.GetVillage.Input) async throws -> Operations.GetVillage.Output {
        let request = try RequestContext.request()
        let id = try Self.uuid(input.path.id, field: "id")
        let (village, registered) = try await request.jishi.geography.village(id, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        value1: try APIMapping.villageSummary(village), value2: .init(registeredHouseholds: registered))
                )))
    }
}
