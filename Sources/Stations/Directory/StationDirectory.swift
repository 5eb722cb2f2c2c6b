import Community
import FluentKit
import Foundation
import JishiKit
import Logistics

/// Which network nodes are stations, where they are, and who may do what at them.
public struct StationDirectory: StationLookup {
    /// The node kinds that keep a counter: village service stations and grocery pickup points.
    public static let kinds: [NetworkNode.Kind] = [.villageStation, .pickupPoint]

    public init() {}

    /// What someone wants at a station's counter.
    public enum Access: Sendable {
        /// Work the counter: register villagers, order for them, take and pay out cash, close
        /// the day. The agents of the station (or of a town or county that reaches it).
        case act
        /// Read the station's villagers (masked), its drawer and its closes: its agents, and the
        /// officials and admins whose scope reaches it.
        case read
        /// Confirm that a close's takings reached the county: officials and admins in scope.
        case confirm
    }

    /// The county's open stations, by code.
    public func stations(on database: any Database) async throws -> [NetworkNode] {
        try await NetworkNode.query(on: database).filter(\.$kind ~~ Self.kinds).filter(\.$active == true)
            .sort(\.$code).all()
    }

    /// The station with this id, open or not; `404` naming `stationId` when there is none.
    public func station(_ id: UUID, on database: any Database) async throws -> NetworkNode {
        guard let node = try await NetworkNode.find(id, on: database), Self.kinds.contains(node.kind) else {
            throw Problem.notFound("The station", field: "stationId")
        }
        return node
    }

    public func place(ofStation id: UUID, on database: any Database) async throws -> Place? {
        guard let node = try await NetworkNode.find(id, on: database), Self.kinds.contains(node.kind) else {
            return nil
        }
        return try await place(of: node, on: database)
    }

    /// A station's county, town, village and the station itself, as scopes see them.
    public func place(of node: NetworkNode, on database: any Database) async throws -> Place {
        let town = try await Town.find(node.$town.id, on: database)
        return Place(
            countyID: town?.$county.id, townID: node.$town.id, villageID: node.$village.id, stationID: node.id)
    }

    /// The station, once `principal` may have `access` to it: `401` without a principal, `403`
    /// for anyone else (an agent of another station, a buyer, an official of another town).
    public func require(_ access: Access, at stationID: UUID, by principal: Principal?, on database: any Database)
        async throws -> NetworkNode
    {
        let node = try await station(stationID, on: database)
        guard Self.may(principal, access, at: try await place(of: node, on: database)) else {
            if principal == nil { throw Problem(type: .unauthenticated) }
            throw Problem.forbidden("This account does not work at this station.")
        }
        return node
    }

    /// The one rule of who may have `access` to the station at `place`.
    static func may(_ principal: Principal?, _ access: Access, at place: Place) -> Bool {
        let agent = Authorization.may(principal, .actAtStation, .place(place))
        let official = Authorization.may(principal, .viewInsights, .place(place))
        return switch access {
        case .act: agent
        case .read: agent || official
        case .confirm: official
        }
    }

    /// Whether `principal` works this station's counter (and so sees villagers' names).
    public func isAgent(_ principal: Principal?, of node: NetworkNode, on database: any Database) async throws -> Bool {
        Authorization.may(principal, .actAtStation, .place(try await place(of: node, on: database)))
    }

    /// The counter where a village's cash is paid: its open village station, else its open
    /// pickup point (the first by code); `nil` when the village has neither.
    public func counter(ofVillage villageID: UUID, on database: any Database) async throws -> UUID? {
        let nodes = try await NetworkNode.query(on: database).filter(\.$village.$id == villageID)
            .filter(\.$kind ~~ Self.kinds).filter(\.$active == true).sort(\.$code).all()
        return (nodes.first { $0.kind == .villageStation } ?? nodes.first)?.id
    }
}
