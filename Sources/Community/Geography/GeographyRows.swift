import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// The division list read fast, for pages and reports that read much of it on every request (a
/// province's insights: 20 counties, 400 towns, 5,200 villages). Rows are decoded at the
/// driver's speed (`FastRows`) and the models built by their initialisers: Fluent's own
/// decoding finds each model's fields by reflection on every row, which was most of a growth
/// dashboard's time at a province's scale (measured with perf on the release build).
///
/// The models are for reading. Built by an initialiser, a model is not marked as loaded from
/// the database: saving one would insert it again.
public enum GeographyRows {
    /// Every county, by code.
    public static func counties(on database: any Database) async throws -> [County] {
        try await FastRows.all(
            "SELECT id, code, name, name_en FROM counties ORDER BY code", as: (UUID, String, String, String).self,
            columns: ["id", "code", "name", "name_en"], on: try database.sql()
        ).map { id, code, name, nameEn in County(id: id, code: code, name: name, nameEn: nameEn) }
    }

    /// The towns whose code starts with `prefix` (every town when empty), by code.
    public static func towns(prefix: String = "", on database: any Database) async throws -> [Town] {
        var query: SQLQueryString =
            "SELECT id, county_id, code, kind, name, name_en, latitude, longitude FROM towns"
        query.appendInterpolation(within(prefix))
        query.appendLiteral(" ORDER BY code")
        return try await FastRows.all(
            query, as: (UUID, UUID, String, String, String, String, Double, Double).self,
            columns: ["id", "county_id", "code", "kind", "name", "name_en", "latitude", "longitude"],
            on: try database.sql()
        ).map { id, county, code, kind, name, nameEn, latitude, longitude in
            Town(
                id: id, countyID: county, code: code, kind: Town.Kind(rawValue: kind) ?? .town, name: name,
                nameEn: nameEn, latitude: latitude, longitude: longitude)
        }
    }

    /// The villages whose code starts with `prefix` (every village when empty), by code.
    public static func villages(prefix: String = "", on database: any Database) async throws -> [Village] {
        var query: SQLQueryString = """
            SELECT id, town_id, code, kind, name, name_en, latitude, longitude, household_count, specialty
            FROM villages
            """
        query.appendInterpolation(within(prefix))
        query.appendLiteral(" ORDER BY code")
        return try await FastRows.all(
            query, as: (UUID, UUID, String, String, String, String, Double, Double, Int, String).self,
            columns: [
                "id", "town_id", "code", "kind", "name", "name_en", "latitude", "longitude", "household_count",
                "specialty",
            ],
            on: try database.sql()
        ).map { id, town, code, kind, name, nameEn, latitude, longitude, households, specialty in
            Village(
                id: id, townID: town, code: code, kind: Village.Kind(rawValue: kind) ?? .administrative, name: name,
                nameEn: nameEn, location: GeoPoint(latitude: latitude, longitude: longitude),
                householdCount: households, specialty: Village.Specialty(rawValue: specialty) ?? .mixed)
        }
    }

    /// ` WHERE code` in the range of codes that start with `prefix`; nothing when it is empty.
    static func within(_ prefix: String) -> SQLQueryString {
        prefix.isEmpty ? "" : " WHERE code >= \(bind: prefix) AND code < \(bind: prefix + "~")"
    }
}
