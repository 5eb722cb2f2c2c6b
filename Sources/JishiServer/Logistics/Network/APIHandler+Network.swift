import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Logistics
import Vapor

extension APIHandler {
    func listCarriers(_ input: Operations.ListCarriers.Input) async throws -> Operations.ListCarriers.Output {
        let request = try RequestContext.request()
        _ = try await request.requirePrincipal()
        let carriers = try await CarrierService().carriers(on: request.db)
        return .ok(.init(body: .json(carriers.map(APIMapping.carrier))))
    }

    func listNetworkNodes(_ input: Operations.ListNetworkNodes.Input) async throws
        -> Operations.ListNetworkNodes.Output
    {
        let request = try RequestContext.request()
        _ = try await request.requirePrincipal()
        let kind = input.query.kind.flatMap { NetworkNode.Kind(rawValue: $0.rawValue) }
        let townID = try input.query.town.map { try Self.uuid($0, field: "town") }
        let nodes = try await request.jishi.network.nodes(kind: kind, townID: townID, on: request.db)
        return .ok(.init(body: .json(try nodes.map(APIMapping.networkNode))))
    }

    func addNetworkNode(_ input: Operations.AddNetworkNode.Input) async throws -> Operations.AddNetworkNode.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let node = try await request.jishi.network.create(
            try APIMapping.nodeInput(body), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.networkNode(node))))
    }

    func updateNetworkNode(_ input: Operations.UpdateNetworkNode.Input) async throws
        -> Operations.UpdateNetworkNode.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let node = try await request.jishi.network.update(
            try Self.uuid(input.path.nodeId, field: "nodeId"), try APIMapping.nodeInput(body), by: principal,
            on: request.db)
        return .ok(.init(body: .json(try APIMapping.networkNode(node))))
    }
}
