import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit
import Testing

/// A row with a state, and its history, for the transition under test.
private final class Parcel: Model, @unchecked Sendable {
    static let schema = "test_parcels"
    enum State: String, Codable { case waiting, carried, delivered }
    @ID(key: .id) var id: UUID?
    @Field(key: "state") var state: State
    @Field(key: "moves") var moves: Int
    @OptionalField(key: "holder") var holder: String?

    init() {}
    init(id: UUID) {
        self.id = id
        state = .waiting
        moves = 0
    }
}

private final class ParcelEvent: Model, @unchecked Sendable {
    static let schema = "test_parcel_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "parcel_id") var parcelID: UUID
    @Field(key: "to") var to: String

    init() {}
    init(parcelID: UUID, to: Parcel.State) {
        id = UUID()
        self.parcelID = parcelID
        self.to = to.rawValue
    }
}

private struct CreateParcels: AsyncMigration {
    var name: String { "test.CreateParcels" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Parcel.schema).id().field("state", .string, .required)
            .field("moves", .int, .required).field("holder", .string).create()
        try await database.schema(ParcelEvent.schema).id().field("parcel_id", .uuid, .required)
            .field("to", .string, .required).create()
    }

    func revert(on database: any Database) async throws {}
}

@Suite("Guarded transitions")
struct GuardedTransitionTests {
    @Test(arguments: TestStore.available)
    func ofTwentyRacingMoversExactlyOneMovesTheRowAndRecordsItsEvent(store: TestStore) async throws {
        try await withTestDatabase(on: store, migrations: [CreateParcels()]) { database in
            let id = UUID()
            try await Parcel(id: id).create(on: database.db)
            let won = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        do {
                            try await database.transactions.transaction(on: database.db) { db in
                                try await GuardedTransition(Parcel.schema, id: id)
                                    .moving("state", from: Parcel.State.waiting, to: .carried)
                                    .setting(
                                        "moves",
                                        to: SQLBinaryExpression(SQLIdentifier("moves"), .add, SQLLiteral.numeric("1"))
                                    )
                                    .run(
                                        on: db, recording: ParcelEvent(parcelID: id, to: .carried),
                                        orElse: "The parcel moved meanwhile.")
                            }
                            return 1
                        } catch let problem as Problem {
                            #expect(problem.status == 409)
                            #expect(problem.detail == "The parcel moved meanwhile.")
                            return 0
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(won == 1)
            let parcel = try #require(try await Parcel.find(id, on: database.db))
            #expect(parcel.state == .carried)
            #expect(parcel.moves == 1)
            #expect(try await ParcelEvent.query(on: database.db).count() == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func aRowThatMovedOnIsLeftAloneAndNoEventIsRecorded(store: TestStore) async throws {
        try await withTestDatabase(on: store, migrations: [CreateParcels()]) { database in
            let id = UUID()
            try await Parcel(id: id).create(on: database.db)
            let fromCarried = GuardedTransition(Parcel.schema, id: id)
                .moving("state", from: Parcel.State.carried, to: .delivered)
            #expect(try await fromCarried.run(on: database.db) == false)
            let problem = Problem(type: .conflict, detail: "Not on its way.", field: "parcelId")
            await #expect(throws: problem) {
                try await fromCarried.run(
                    on: database.db, recording: ParcelEvent(parcelID: id, to: .delivered), orElse: problem)
            }
            #expect(try await ParcelEvent.query(on: database.db).count() == 0)
            #expect(try await Parcel.find(id, on: database.db)?.state == .waiting)
            // A row that is not there does not move either.
            #expect(
                try await GuardedTransition(Parcel.schema, id: UUID())
                    .moving("state", from: Parcel.State.waiting, to: .carried).run(on: database.db) == false)
        }
    }

    @Test(arguments: TestStore.available)
    func aNullColumnIsClaimedOnce(store: TestStore) async throws {
        try await withTestDatabase(on: store, migrations: [CreateParcels()]) { database in
            let id = UUID()
            try await Parcel(id: id).create(on: database.db)
            func claim(_ holder: String) -> GuardedTransition {
                GuardedTransition(Parcel.schema, id: id).setting("holder", to: holder).when("holder", is: nil)
            }
            #expect(try await claim("station-1").run(on: database.db))
            #expect(try await claim("station-2").run(on: database.db) == false)
            #expect(try await Parcel.find(id, on: database.db)?.holder == "station-1")
            // Released (set to NULL), it can be claimed again.
            #expect(
                try await GuardedTransition(Parcel.schema, id: id).setting("holder", to: nil)
                    .when("holder", is: "station-1").run(on: database.db))
            #expect(try await claim("station-2").run(on: database.db))
        }
    }
}
