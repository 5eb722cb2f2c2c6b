import Foundation

/// Where a role grant applies: everywhere, or one county, town or service station.
public enum Scope: Hashable, Sendable {
    case everywhere
    case county(UUID)
    case town(UUID)
    case station(UUID)

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case everywhere, county, town, station
    }

    public var kind: Kind {
        switch self {
        case .everywhere: .everywhere
        case .county: .county
        case .town: .town
        case .station: .station
        }
    }

    public var id: UUID? {
        switch self {
        case .everywhere: nil
        case .county(let id), .town(let id), .station(let id): id
        }
    }

    /// Rebuilds a scope from its stored parts; `nil` when they do not fit together.
    public init?(kind: Kind, id: UUID?) {
        switch (kind, id) {
        case (.everywhere, nil): self = .everywhere
        case (.county, let id?): self = .county(id)
        case (.town, let id?): self = .town(id)
        case (.station, let id?): self = .station(id)
        default: return nil
        }
    }

    /// Whether a grant with this scope reaches `place`.
    public func covers(_ place: Place) -> Bool {
        switch self {
        case .everywhere: true
        case .county(let id): place.countyID == id
        case .town(let id): place.townID == id
        case .station(let id): place.stationID == id
        }
    }
}

/// Where a resource sits in the county's geography, as far as it is known.
public struct Place: Hashable, Sendable {
    public var countyID: UUID?
    public var townID: UUID?
    public var villageID: UUID?
    public var stationID: UUID?

    public init(countyID: UUID? = nil, townID: UUID? = nil, villageID: UUID? = nil, stationID: UUID? = nil) {
        self.countyID = countyID
        self.townID = townID
        self.villageID = villageID
        self.stationID = stationID
    }
}

/// A role within a scope.
public struct RoleGrant: Hashable, Sendable {
    public var role: Role
    public var scope: Scope

    public init(role: Role, scope: Scope = .everywhere) {
        self.role = role
        self.scope = scope
    }
}
