import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// A parcel's custody: every hand-over moves it from the holder (and custody version) it was
/// read with to the next one, in one guarded update with its event, so of two people handing
/// the same parcel on at once exactly one succeeds and a parcel never has two holders or none.
/// An inbound parcel handed to a station or pickup point queues `ParcelNotifier`'s job in the
/// same transaction, so its recipient is told of its arrival once.
public struct ParcelService: Sendable {
    public let dependencies: Dependencies
    public var transactions: TransactionRunner

    public init(
        dependencies: Dependencies = .live, transactions: TransactionRunner = TransactionRunner(serialized: false)
    ) {
        self.dependencies = dependencies
        self.transactions = transactions
    }

    /// What a caller writes in a hand-over's own transaction (a station's record of the hand-out
    /// and the cash taken for it), so both happen or neither does.
    public typealias Alongside =
        @Sendable (_ database: any Database, _ parcel: Parcel, _ event: ParcelEvent)
        async throws -> Void

    /// Hands `parcelID` from `from` to `to`; a `409` when it is not (or no longer) with `from`,
    /// or, when the caller says which custody version it saw (`seen`), when anything has happened
    /// to it since. `alongside` runs in the same transaction, after the move.
    @discardableResult
    public func handOver(
        _ parcelID: UUID, from: Holder, to: Holder, kind: ParcelEvent.Kind = .handedOver, by actorID: UUID?,
        at nodeID: UUID?, note: String = "", seen: Int? = nil, alongside: Alongside? = nil, on database: any Database
    ) async throws -> ParcelEvent {
        guard from != to else { throw Problem.validation("to", "A parcel is handed to someone else.") }
        guard kind != .registered, kind != .failed else {
            throw Problem.validation("kind", "A hand-over moves the parcel: handed over, delivered or returned.")
        }
        if from == .recipient, kind != .returned {
            throw Problem(type: .invalidTransition, detail: "A delivered parcel only comes back as a return.")
        }
        return try await move(
            parcelID, from: from, to: to, kind: kind, by: actorID, at: nodeID, note: note, seen: seen,
            alongside: alongside, on: database)
    }

    /// Records a delivery or collection that did not happen (`reason`): the parcel stays with
    /// `holder`, and the attempt is in its history.
    @discardableResult
    public func recordFailure(
        _ parcelID: UUID, holder: Holder, reason: String, by actorID: UUID?, at nodeID: UUID?, seen: Int? = nil,
        on database: any Database
    ) async throws -> ParcelEvent {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(reason.count) else {
            throw Problem.validation("reason", "Say why, in 1 to 200 characters.")
        }
        try TextRule.check(reason, field: "reason")
        return try await move(
            parcelID, from: holder, to: holder, kind: .failed, by: actorID, at: nodeID, note: reason, seen: seen,
            on: database)
    }

    private func move(
        _ parcelID: UUID, from: Holder, to: Holder, kind: ParcelEvent.Kind, by actorID: UUID?, at nodeID: UUID?,
        note: String, seen: Int?, alongside: Alongside? = nil, on database: any Database
    ) async throws -> ParcelEvent {
        let now = dependencies.now()
        let eventID = dependencies.uuid()
        return try await transactions.transaction(on: database) { db in
            guard let parcel = try await Parcel.find(parcelID, on: db) else {
                throw Problem.notFound("The parcel", field: "id")
            }
            let version = seen ?? parcel.custodyVersion
            let event = ParcelEvent(
                id: eventID, parcelID: parcelID, sequence: version + 1, kind: kind, from: from, to: to,
                actorID: actorID,
                nodeID: nodeID, note: note, at: now)
            try await GuardedTransition(Parcel.schema, id: parcelID)
                .setting("holder", to: to.rawValue)
                .setting("custody_version", to: version + 1)
                .when("holder", is: from.rawValue)
                .when("custody_version", is: version)
                .run(
                    on: db, recording: event,
                    orElse: Problem(type: .conflict, detail: "The parcel is not with \(from.rawValue) (any more)."))
            if parcel.direction == .inbound, kind == .handedOver, case .node(let nodeID) = to,
                let node = try await NetworkNode.find(nodeID, on: db), node.kind.servesAVillage
            {
                // Its recipient is told, once, by a job that exists exactly when the arrival does.
                try await JobQueue(dependencies: dependencies, workerID: "logistics").enqueue(
                    ParcelNotifier.arrivedJob,
                    payload: ParcelNotifier.payload(parcelID: parcelID, version: version + 1),
                    on: db)
            }
            try await alongside?(db, parcel, event)
            return event
        }
    }

    /// Turns an inbound parcel that waits at `nodeID` round: it becomes an outbound parcel from
    /// that node to `hubID`, due on `dueDate`, which the next run collects. Its custody does not
    /// move; the event says why (`reason`). A `409` when it is no longer waiting there.
    @discardableResult
    public func sendBack(
        _ parcelID: UUID, from nodeID: UUID, to hubID: UUID, dueDate: String, reason: String, by actorID: UUID?,
        on database: any Database
    ) async throws -> ParcelEvent {
        let now = dependencies.now()
        let eventID = dependencies.uuid()
        return try await transactions.transaction(on: database) { db in
            guard let parcel = try await Parcel.find(parcelID, on: db) else {
                throw Problem.notFound("The parcel", field: "parcelId")
            }
            let here = Holder.node(nodeID)
            guard parcel.direction == .inbound, parcel.currentHolder == here else {
                throw Problem(type: .conflict, detail: "The parcel is not waiting here any more.", field: "parcelId")
            }
            let version = parcel.custodyVersion
            let event = ParcelEvent(
                id: eventID, parcelID: parcelID, sequence: version + 1, kind: .sentBack, from: here, to: here,
                actorID: actorID, nodeID: nodeID, note: reason, at: now)
            try await GuardedTransition(Parcel.schema, id: parcelID)
                .setting("direction", to: Parcel.Direction.outbound.rawValue)
                .setting("origin_node_id", to: nodeID)
                .setting("destination_node_id", to: hubID)
                .setting("due_date", to: dueDate)
                .setting("custody_version", to: version + 1)
                .when("holder", is: here.rawValue)
                .when("custody_version", is: version)
                .when("direction", is: Parcel.Direction.inbound.rawValue)
                .run(on: db, recording: event, orElse: Problem(type: .conflict, detail: "The parcel moved meanwhile."))
            return event
        }
    }

    /// A parcel's history, oldest first.
    public func events(of parcelID: UUID, on database: any Database) async throws -> [ParcelEvent] {
        try await ParcelEvent.query(on: database).filter(\.$parcel.$id == parcelID).sort(\.$sequence).all()
    }
}
