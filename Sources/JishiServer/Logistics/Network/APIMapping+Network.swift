import Community
import Foundation
import JishiAPI
import JishiKit
import Logistics

extension APIMapping {
    static func carrier(_ carrier: Carrier) -> Components.Schemas.Carrier {
        Components.Schemas.Carrier(
            code: carrier.code, name: carrier.name, nameEn: carrier.nameEn,
            kind: Components.Schemas.Carrier.KindPayload(rawValue: carrier.kind.rawValue) ?? .express)
    }

    static func networkNode(_ node: NetworkNode) throws -> Components.Schemas.NetworkNode {
        Components.Schemas.NetworkNode(
            id: try node.requireID().uuidString, code: node.code,
            kind: Components.Schemas.NetworkNodeKind(rawValue: node.kind.rawValue) ?? .villageStation, name: node.name,
            villageId: node.$village.id?.uuidString, townId: node.$town.id.uuidString,
            location: .init(latitude: node.latitude, longitude: node.longitude),
            opens: OpeningHours.clock(node.opensAt), closes: OpeningHours.clock(node.closesAt),
            shelfCapacity: node.shelfCapacity, operatorName: node.operatorName, active: node.active)
    }

    /// A node as the API sends it, checked field by field (the service checks the rest).
    static func nodeInput(_ body: Components.Schemas.NetworkNodeInput) throws -> NetworkService.NodeInput {
        guard let kind = NetworkNode.Kind(rawValue: body.kind.rawValue) else {
            throw Problem.validation("kind", "Not a node kind.")
        }
        guard let opens = OpeningHours.minutes(body.opens) else {
            throw Problem.validation("opens", "A time such as 08:00.")
        }
        guard let closes = OpeningHours.minutes(body.closes) else {
            throw Problem.validation("closes", "A time such as 18:00.")
        }
        return NetworkService.NodeInput(
            code: body.code, kind: kind, name: body.name,
            villageID: try body.villageId.map { try APIHandler.uuid($0, field: "villageId") },
            townID: try body.townId.map { try APIHandler.uuid($0, field: "townId") },
            location: body.location.map { GeoPoint(latitude: $0.latitude, longitude: $0.longitude) },
            hours: OpeningHours(opens: opens, closes: closes), shelfCapacity: body.shelfCapacity,
            operatorName: body.operatorName ?? "", active: body.active ?? true)
    }
}
