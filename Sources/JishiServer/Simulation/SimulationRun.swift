import FluentKit
import Foundation
import SQLKit

/// A policy scenario an official ran (or queued): what was asked, the scenario built from the
/// database, and — once done — the ensembles' summaries. Kept so it can be reopened, compared
/// with another and exported.
final class SimulationRun: Model, @unchecked Sendable {
    static let schema = "simulation_runs"

    @ID(key: .id) var id: UUID?
    /// What the official called it (or the place and years when they did not).
    @Field(key: "name") var name: String
    /// The village's (12 digits) or town's (9) code.
    @Field(key: "place_code") var placeCode: String
    /// The town's code (the place's first 9 digits): what scope is checked against.
    @Field(key: "town_code") var townCode: String
    @Field(key: "level") var level: Level
    @Field(key: "status") var status: Status
    @Field(key: "runs") var runs: Int
    @Field(key: "seed") var seed: Int64
    /// Ensemble runs finished, of `total` (the baseline's and the scenario's).
    @Field(key: "progress") var progress: Int
    @Field(key: "total") var total: Int
    /// The form as read (`SimulationRequest`), JSON.
    @Field(key: "request") var request: String
    /// The scenario with its levers (`Scenario`), JSON; the baseline is the same without them.
    @Field(key: "scenario") var scenario: String
    /// The outcome (`SimulationOutcome`), JSON, once done.
    @OptionalField(key: "result") var result: String?
    /// Why it failed, when it did.
    @OptionalField(key: "error") var error: String?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    enum Status: String, Codable, Sendable {
        case queued, running, done, failed
    }

    enum Level: String, Codable, Sendable {
        case village, town
    }
}

/// This feature's migrations, in the order they run. Never edit a shipped one; add a new one.
enum SimulationMigrations {
    static let all: [any Migration] = [CreateSimulationRuns()]
}

/// The saved policy scenarios, with their status, scenario and result as JSON.
struct CreateSimulationRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SimulationRun.schema)
            .id()
            .field("name", .string, .required)
            .field("place_code", .string, .required)
            .field("town_code", .string, .required)
            .field("level", .string, .required)
            .field("status", .string, .required)
            .field("runs", .int, .required)
            .field("seed", .int64, .required)
            .field("progress", .int, .required)
            .field("total", .int, .required)
            .field("request", .string, .required)
            .field("scenario", .string, .required)
            .field("result", .string)
            .field("error", .string)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.sql().create(index: "simulation_runs_town_idx").on(SimulationRun.schema)
            .column("town_code").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SimulationRun.schema).delete()
    }
}
