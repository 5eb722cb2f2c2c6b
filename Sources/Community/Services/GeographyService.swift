import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Reads the county's geography.
public struct GeographyService: Sendable {
    public init() {}

    public func towns(on database: any Database) async throws -> [Town] {
        try await Town.query(on: database).sort(\.$nameEn).all()
    }

    /// How many villages each town has, in one query.
    public func villageCounts(on database: any Database) async throws -> [UUID: Int] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        let rows = try await sql.select()
            .column(SQLIdentifier("town_id"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Village.schema)
            .groupBy(SQLIdentifier("town_id"))
            .all()
        var counts: [UUID: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "town_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    public func villages(inTown townID: UUID?, on database: any Database) async throws -> [Village] {
        let query = Village.query(on: database).sort(\.$nameEn)
        if let townID {
            guard try await Town.find(townID, on: database) != nil else {
                throw Problem.notFound("The town", field: "town")
            }
            query.filter(\.$town.$id == townID)
        }
        return try await query.all()
    }

    /// A village and how many of its households are registered in Jishi.
    public func village(_ id: UUID, on database: any Database) async throws -> (
        village: Village, registeredHouseholds: Int
    ) {
        guard let village = try await Village.find(id, on: database) else {
            throw Problem.notFound("The village", field: "id")
        }
        let registered = try await Household.query(on: database).filter(\.$village.$id == id).count()
        return (village, registered)
    }

    /// Where a village sits, for authorisation.
    public func place(ofVillage id: UUID, on database: any Database) async throws -> Place {
        guard let village = try await Village.query(on: database).filter(\.$id == id).with(\.$town).first() else {
            throw Problem.notFound("The village", field: "villageId")
        }
        return Place(countyID: village.town.$county.id, townID: village.$town.id, villageID: id)
    }

    public func county(on database: any Database) async throws -> County? {
        try await County.query(on: database).first()
    }
}
