import Community
import FluentKit
import Foundation
import JishiKit

/// The county network's nodes: read by anyone signed in, managed by an admin or a dispatcher
/// whose scope reaches the node's town.
public struct NetworkService: Sendable {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies = .live) {
        self.dependencies = dependencies
    }

    /// What someone fills in to add or change a node.
    public struct NodeInput: Sendable, Hashable {
        public var code: String
        public var kind: NetworkNode.Kind
        public var name: String
        public var villageID: UUID?
        public var townID: UUID?
        public var location: GeoPoint?
        public var hours: OpeningHours
        public var shelfCapacity: Int
        public var operatorName: String
        public var active: Bool

        public init(
            code: String, kind: NetworkNode.Kind, name: String, villageID: UUID? = nil, townID: UUID? = nil,
            location: GeoPoint? = nil, hours: OpeningHours, shelfCapacity: Int, operatorName: String,
            active: Bool = true
        ) {
            self.code = code
            self.kind = kind
            self.name = name
            self.villageID = villageID
            self.townID = townID
            self.location = location
            self.hours = hours
            self.shelfCapacity = shelfCapacity
            self.operatorName = operatorName
            self.active = active
        }
    }

    public static let codeLength = 2...32
    public static let shelfCapacities = 0...100_000

    /// The nodes, optionally of one kind or in one town, by code.
    public func nodes(kind: NetworkNode.Kind? = nil, townID: UUID? = nil, on database: any Database) async throws
        -> [NetworkNode]
    {
        let query = NetworkNode.query(on: database)
        if let kind { query.filter(\.$kind == kind) }
        if let townID { query.filter(\.$town.$id == townID) }
        return try await query.sort(\.$code).all()
    }

    public func node(code: String, on database: any Database) async throws -> NetworkNode? {
        try await NetworkNode.query(on: database).filter(\.$code == code.trimmingCharacters(in: .whitespaces)).first()
    }

    /// Where a village's parcels wait: its active station, else its first active pickup point.
    public func servingNode(ofVillage villageID: UUID, on database: any Database) async throws -> NetworkNode? {
        try await servingNodes(ofVillages: [villageID], on: database)[villageID]
    }

    /// `servingNode(ofVillage:)` for many villages at once, by village; a village that has no
    /// active station or pickup point is not in the answer.
    public func servingNodes(ofVillages villageIDs: some Collection<UUID>, on database: any Database) async throws
        -> [UUID: NetworkNode]
    {
        let ids = Array(Set(villageIDs))
        var serving: [UUID: NetworkNode] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let nodes = try await NetworkNode.query(on: database)
                .filter(\.$village.$id ~~ Array(ids[start..<min(start + 500, ids.count)]))
                .filter(\.$active == true).filter(\.$kind ~~ [.villageStation, .pickupPoint]).sort(\.$code).all()
            for node in nodes {
                guard let villageID = node.$village.id else { continue }
                if serving[villageID] == nil
                    || (node.kind == .villageStation && serving[villageID]?.kind != .villageStation)
                {
                    serving[villageID] = node
                }
            }
        }
        return serving
    }

    /// The county's hub (the first active one by code), where every run starts and ends.
    public func hub(on database: any Database) async throws -> NetworkNode? {
        try await NetworkNode.query(on: database).filter(\.$kind == .countyHub).filter(\.$active == true)
            .sort(\.$code).first()
    }

    /// Adds a node, if `principal` manages the network where it stands.
    public func create(_ input: NodeInput, by principal: Principal, on database: any Database) async throws
        -> NetworkNode
    {
        let (townID, location) = try await checked(input, by: principal, on: database)
        if try await node(code: input.code, on: database) != nil {
            throw Problem(type: .conflict, detail: "Another node has this code.", field: "code")
        }
        let node = NetworkNode(
            id: dependencies.uuid(), code: input.code.trimmingCharacters(in: .whitespaces), kind: input.kind,
            name: input.name.trimmingCharacters(in: .whitespacesAndNewlines), villageID: input.villageID,
            townID: townID, location: location, hours: input.hours, shelfCapacity: input.shelfCapacity,
            operatorName: input.operatorName.trimmingCharacters(in: .whitespacesAndNewlines), active: input.active)
        do {
            try await node.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem(type: .conflict, detail: "Another node has this code.", field: "code")
        }
        return node
    }

    /// Changes a node (its code stays), if `principal` manages the network where it stands and
    /// where it is moved to.
    public func update(_ id: UUID, _ input: NodeInput, by principal: Principal, on database: any Database)
        async throws -> NetworkNode
    {
        guard let node = try await NetworkNode.find(id, on: database) else {
            throw Problem.notFound("The node", field: "id")
        }
        try await Self.requireManager(principal, townID: node.$town.id, on: database)
        let (townID, location) = try await checked(input, by: principal, on: database)
        node.kind = input.kind
        node.name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        node.$village.id = input.villageID
        node.$town.id = townID
        node.latitude = location.latitude
        node.longitude = location.longitude
        node.opensAt = input.hours.opens
        node.closesAt = input.hours.closes
        node.shelfCapacity = input.shelfCapacity
        node.operatorName = input.operatorName.trimmingCharacters(in: .whitespacesAndNewlines)
        node.active = input.active
        try await node.save(on: database)
        return node
    }

    /// Validates `input` and finds its town and position (the village's or town's when none is
    /// given); names the first offending field.
    private func checked(_ input: NodeInput, by principal: Principal, on database: any Database) async throws
        -> (UUID, GeoPoint)
    {
        let code = input.code.trimmingCharacters(in: .whitespaces)
        guard Self.codeLength.contains(code.count),
            code.unicodeScalars.allSatisfy({
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            })
        else {
            throw Problem.validation("code", "Use 2 to 32 letters, digits and '-'.")
        }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        try TextRule.check(name, field: "name")
        guard (1...60).contains(name.count) else { throw Problem.validation("name", "Use 1 to 60 characters.") }
        try TextRule.check(input.operatorName, field: "operatorName")
        guard input.operatorName.count <= 60 else {
            throw Problem.validation("operatorName", "At most 60 characters.")
        }
        guard input.hours.isValid else {
            throw Problem.validation("hours", "Opening must come before closing, within one day.")
        }
        guard Self.shelfCapacities.contains(input.shelfCapacity) else {
            throw Problem.validation("shelfCapacity", "From 0 to 100000 parcels.")
        }
        if let location = input.location, !location.isValid {
            throw Problem.validation("location", "Latitude from -90 to 90, longitude from -180 to 180.")
        }
        var townID = input.townID
        var location = input.location
        if let villageID = input.villageID {
            guard let village = try await Village.find(villageID, on: database) else {
                throw Problem.notFound("The village", field: "villageId")
            }
            if let townID, townID != village.$town.id {
                throw Problem.validation("townId", "The village is in another town.")
            }
            townID = village.$town.id
            location = location ?? village.location
        } else if input.kind.servesAVillage {
            throw Problem.validation("villageId", "A station or pickup point serves one village: name it.")
        }
        guard let townID, let town = try await Town.find(townID, on: database) else {
            throw Problem.notFound("The town", field: "townId")
        }
        try await Self.requireManager(principal, townID: townID, on: database)
        return (townID, location ?? GeoPoint(latitude: town.latitude, longitude: town.longitude))
    }

    /// An admin or dispatcher whose scope reaches the town manages its nodes; a `403` (or `404`
    /// for a town that is not there) otherwise.
    static func requireManager(_ principal: Principal, townID: UUID, on database: any Database) async throws {
        guard let town = try await Town.find(townID, on: database) else {
            throw Problem.notFound("The town", field: "townId")
        }
        let place = Place(countyID: town.$county.id, townID: townID)
        if Authorization.may(principal, .manageGeography, .place(place)) { return }
        try Authorization.require(principal, .dispatch, .place(place))
    }
}
