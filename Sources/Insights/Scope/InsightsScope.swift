import Community
import FluentKit
import Foundation
import JishiKit

/// What a reader of insights sees: whole counties (their officials and admins, admins of
/// everywhere) and single towns (a town's official). Everything without a reader (the command
/// line) sees everything.
public struct InsightsScope: Sendable {
    /// Counties seen whole.
    public var counties: Set<UUID>
    /// Towns seen, with every town of a county seen whole.
    public var towns: Set<UUID>

    public func sees(town: UUID) -> Bool { towns.contains(town) }
    public func sees(county: UUID) -> Bool { counties.contains(county) }

    /// The scope of `principal` over the database's places; `403` when it sees nothing.
    public static func of(_ principal: Principal?, on database: any Database) async throws -> InsightsScope {
        let towns = try await GeographyRows.towns(on: database)
        var scope = InsightsScope(counties: [], towns: [])
        for county in try await GeographyRows.counties(on: database) {
            guard let id = county.id else { continue }
            if principal.map({ Authorization.may($0, .viewInsights, .place(Place(countyID: id))) }) ?? true {
                scope.counties.insert(id)
            }
        }
        for town in towns {
            guard let id = town.id else { continue }
            let place = Place(countyID: town.$county.id, townID: id)
            if scope.counties.contains(town.$county.id)
                || principal.map({ Authorization.may($0, .viewInsights, .place(place)) }) ?? true
            {
                scope.towns.insert(id)
            }
        }
        if principal != nil, scope.towns.isEmpty, scope.counties.isEmpty {
            throw Problem.forbidden("This account may not view insights here.")
        }
        return scope
    }
}
