import FluentKit
import Foundation
import SQLKit

/// Towns and villages get their statistical division codes and kinds. Rows that were there
/// before are numbered under their parent's code in name order (town 100, 101 …; village 200,
/// 201 …, as the national codes number them), so every place has a unique code; an import of
/// the official list corrects them by name later.
public struct AddPlaceCodes: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        // One column an update: SQLite adds one column a statement.
        try await database.schema(Town.schema).field("code", .string).update()
        try await database.schema(Town.schema)
            .field("kind", .string, .required, .sql(.default(Town.Kind.town.rawValue))).update()
        try await database.schema(Village.schema).field("code", .string).update()
        try await database.schema(Village.schema)
            .field("kind", .string, .required, .sql(.default(Village.Kind.administrative.rawValue))).update()

        let sql = try database.sql()
        struct Row: Decodable {
            var id: UUID
            var parent: UUID
        }
        let counties = try await sql.raw("SELECT id, code FROM counties").all()
        var countyCodes: [UUID: String] = [:]
        for row in counties {
            countyCodes[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "code", as: String.self)
        }
        var townCodes: [UUID: String] = [:]
        var next: [UUID: Int] = [:]
        for row in try await sql.raw("SELECT id, county_id AS parent FROM towns ORDER BY name, id").all(
            decoding: Row.self)
        {
            let number = next[row.parent, default: 100]
            next[row.parent] = number + 1
            let code = (countyCodes[row.parent] ?? "000000") + String(number)
            townCodes[row.id] = code
            try await sql.update(Town.schema).set("code", to: code).where("id", .equal, row.id).run()
        }
        for row in try await sql.raw("SELECT id, town_id AS parent FROM villages ORDER BY name, id").all(
            decoding: Row.self)
        {
            let number = next[row.parent, default: 200]
            next[row.parent] = number + 1
            let code = (townCodes[row.parent] ?? "000000000") + String(number)
            try await sql.update(Village.schema).set("code", to: code).where("id", .equal, row.id).run()
        }
        try await sql.create(index: "towns_code_key").unique().on(Town.schema).column("code").run()
        try await sql.create(index: "villages_code_key").unique().on(Village.schema).column("code").run()
    }

    public func revert(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.drop(index: "villages_code_key").run()
        try await sql.drop(index: "towns_code_key").run()
        try await database.schema(Village.schema).deleteField("kind").update()
        try await database.schema(Village.schema).deleteField("code").update()
        try await database.schema(Town.schema).deleteField("kind").update()
        try await database.schema(Town.schema).deleteField("code").update()
    }
}
