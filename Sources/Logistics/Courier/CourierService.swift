import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// A courier's day on a published run: load the van at the hub, hand parcels over stop by
/// stop (typed or scanned), hand one to its recipient at the door with proof, mark a stop done
/// or failed, and hand in what comes back. Every parcel moves only through `ParcelService`,
/// one guarded hand-over each; doing a step again after a lost answer changes nothing.
public struct CourierService: Sendable {
    public let dependencies: Dependencies
    public var transactions: TransactionRunner

    public init(
        dependencies: Dependencies = .live, transactions: TransactionRunner = TransactionRunner(serialized: false)
    ) {
        self.dependencies = dependencies
        self.transactions = transactions
    }

    var parcels: ParcelService { ParcelService(dependencies: dependencies, transactions: transactions) }

    /// How the recipient proved it was them at the door.
    public enum Proof: Sendable, Hashable {
        /// The last four digits of the phone the parcel was sent to, said aloud.
        case phoneLast4(String)
        /// The recipient's name, signed on the courier's phone.
        case signature(String)
    }

    /// What a scan did.
    public enum Scan: String, Sendable {
        /// Left at the stop's node.
        case left
        /// Collected from it onto the van.
        case collected
        /// Nothing: it had already moved that way.
        case already
    }

    /// The run, if `principal` drives it and its plan is published.
    func drivenRun(_ runID: UUID, by principal: Principal, on database: any Database) async throws -> DispatchRun {
        guard let run = try await DispatchRun.query(on: database).filter(\.$id == runID).with(\.$plan).first() else {
            throw Problem.notFound("The run", field: "runId")
        }
        guard run.$courier.id == principal.accountID else {
            throw Problem.forbidden("This run is given to another courier.")
        }
        guard run.plan.status == .published else {
            throw Problem(type: .conflict, detail: "The run's plan is not published yet.")
        }
        return run
    }

    /// The stop and its run, if `principal` drives it and the van is loaded.
    func drivenStop(_ stopID: UUID, by principal: Principal, on database: any Database) async throws
        -> (DispatchStop, DispatchRun)
    {
        guard let stop = try await DispatchStop.query(on: database).filter(\.$id == stopID).with(\.$node).first() else {
            throw Problem.notFound("The stop", field: "stopId")
        }
        let run = try await drivenRun(stop.$run.id, by: principal, on: database)
        guard run.progress == .loaded else {
            throw Problem(
                type: .conflict,
                detail: run.progress == .planned ? "Load the van at the hub first." : "The run is finished.")
        }
        return (stop, run)
    }

    /// The parcels planned at `stopIDs`.
    func planned(at stopIDs: [UUID], on database: any Database) async throws -> [Parcel] {
        try await PlannedParcel.query(on: database).filter(\.$stop.$id ~~ stopIDs).with(\.$parcel).all().map(\.parcel)
    }

    /// Takes the run's deliveries from the hub (receiving from the carrier any that had not
    /// been handed in yet) onto the van; returns how many moved now.
    @discardableResult
    public func load(_ runID: UUID, by principal: Principal, on database: any Database) async throws -> Int {
        let run = try await drivenRun(runID, by: principal, on: database)
        guard run.progress != .finished else { throw Problem(type: .conflict, detail: "The run is finished.") }
        let hub = try await DispatchService().hub(on: database)
        let hubID = try hub.requireID()
        let stops = try await DispatchStop.query(on: database).filter(\.$run.$id == runID).all().compactMap(\.id)
        var moved = 0
        for parcel in try await planned(at: stops, on: database) where parcel.direction == .inbound {
            let id = try parcel.requireID()
            var holder = parcel.currentHolder
            if holder == .carrier {
                try await parcels.handOver(
                    id, from: .carrier, to: .node(hubID), by: principal.accountID, at: hubID,
                    note: "received at the hub",
                    on: database)
                holder = .node(hubID)
            }
            guard holder == .node(hubID) else { continue }
            try await parcels.handOver(
                id, from: .node(hubID), to: .run(runID), by: principal.accountID, at: hubID, note: "loaded",
                on: database)
            moved += 1
        }
        if run.progress == .planned {
            try await GuardedTransition(DispatchRun.schema, id: runID)
                .moving("progress", from: DispatchRun.Progress.planned, to: .loaded).run(on: database)
        }
        return moved
    }

    /// Hands over the parcel `tracking` at a stop: a delivery leaves the van for the node, a
    /// collection leaves the node for the van. A `404` when it is not planned at this stop.
    public func scan(_ stopID: UUID, tracking: String, by principal: Principal, on database: any Database)
        async throws -> Scan
    {
        let (stop, run) = try await drivenStop(stopID, by: principal, on: database)
        let parcel = try await parcel(tracking, at: stopID, on: database)
        let id = try parcel.requireID()
        let runHolder = Holder.run(try run.requireID())
        let nodeHolder = Holder.node(stop.$node.id)
        let (from, to) = parcel.direction == .inbound ? (runHolder, nodeHolder) : (nodeHolder, runHolder)
        if parcel.currentHolder == to { return .already }
        try await parcels.handOver(
            id, from: from, to: to, by: principal.accountID, at: stop.$node.id,
            note: parcel.direction == .inbound ? "left at the stop" : "collected", on: database)
        return parcel.direction == .inbound ? .left : .collected
    }

    /// Gives an inbound parcel of this stop to its recipient at the door, with `proof`.
    public func handToRecipient(
        _ stopID: UUID, tracking: String, proof: Proof, by principal: Principal, on database: any Database
    ) async throws {
        let (stop, run) = try await drivenStop(stopID, by: principal, on: database)
        let parcel = try await parcel(tracking, at: stopID, on: database)
        guard parcel.direction == .inbound else {
            throw Problem.validation("tracking", "Only a parcel for a villager is handed to them.")
        }
        if parcel.currentHolder == .recipient { return }
        let note: String
        switch proof {
        case .phoneLast4(let digits):
            guard let phone = parcel.contactPhone, digits.count == 4, phone.hasSuffix(digits) else {
                throw Problem.validation("phoneLast4", "These are not the last 4 digits of the recipient's phone.")
            }
            note = "proof: the phone's last 4 digits"
        case .signature(let name):
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...40).contains(name.count) else {
                throw Problem.validation("signature", "The recipient signs their name, 1 to 40 characters.")
            }
            try TextRule.check(name, field: "signature")
            note = "signed: " + name
        }
        try await parcels.handOver(
            try parcel.requireID(), from: .run(try run.requireID()), to: .recipient, kind: .delivered,
            by: principal.accountID, at: stop.$node.id, note: note, on: database)
    }

    /// Marks a stop done: every parcel of it not yet handed over is, both ways.
    public func finish(_ stopID: UUID, by principal: Principal, on database: any Database) async throws {
        let (stop, _) = try await drivenStop(stopID, by: principal, on: database)
        guard stop.outcome == .pending else { return }
        for parcel in try await planned(at: [stopID], on: database) {
            _ = try await scan(stopID, tracking: parcel.trackingNumber, by: principal, on: database)
        }
        try await settle(stopID, .done, note: "", on: database)
    }

    /// Marks a stop failed (nobody there, road closed …): every parcel not yet handed over
    /// stays where it is with the attempt in its history; deliveries go back to the hub.
    public func fail(_ stopID: UUID, reason: String, by principal: Principal, on database: any Database) async throws {
        let (stop, run) = try await drivenStop(stopID, by: principal, on: database)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(reason.count) else {
            throw Problem.validation("reason", "Say why, in 1 to 200 characters.")
        }
        guard stop.outcome == .pending else { return }
        let runHolder = Holder.run(try run.requireID())
        for parcel in try await planned(at: [stopID], on: database) {
            let waiting = parcel.direction == .inbound ? runHolder : Holder.node(stop.$node.id)
            guard parcel.currentHolder == waiting else { continue }
            try await parcels.recordFailure(
                try parcel.requireID(), holder: waiting, reason: reason, by: principal.accountID, at: stop.$node.id,
                on: database)
        }
        try await settle(stopID, .failed, note: reason, on: database)
    }

    /// Back at the hub: everything the van still holds is handed in, and the run is finished.
    @discardableResult
    public func unload(_ runID: UUID, by principal: Principal, on database: any Database) async throws -> Int {
        let run = try await drivenRun(runID, by: principal, on: database)
        guard run.progress == .loaded else {
            if run.progress == .finished { return 0 }
            throw Problem(type: .conflict, detail: "Load the van at the hub first.")
        }
        let hubID = try await DispatchService().hub(on: database).requireID()
        let aboard = try await Parcel.query(on: database).filter(\.$holder == Holder.run(runID).rawValue).all()
        for parcel in aboard {
            try await parcels.handOver(
                try parcel.requireID(), from: .run(runID), to: .node(hubID), by: principal.accountID, at: hubID,
                note: "handed in at the hub", on: database)
        }
        try await GuardedTransition(DispatchRun.schema, id: runID)
            .moving("progress", from: DispatchRun.Progress.loaded, to: .finished).run(on: database)
        return aboard.count
    }

    private func settle(_ stopID: UUID, _ outcome: DispatchStop.Outcome, note: String, on database: any Database)
        async throws
    {
        try await GuardedTransition(DispatchStop.schema, id: stopID)
            .moving("outcome", from: DispatchStop.Outcome.pending, to: outcome)
            .setting("note", to: note)
            .setting("finished_at", to: dependencies.now())
            .run(on: database)
    }

    /// The parcel `tracking` planned at the stop; a `404` otherwise.
    private func parcel(_ tracking: String, at stopID: UUID, on database: any Database) async throws -> Parcel {
        let wanted = tracking.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard
            let parcel = try await planned(at: [stopID], on: database).first(where: {
                $0.trackingNumber.uppercased() == wanted
            })
        else { throw Problem.notFound("A parcel \(wanted.prefix(40)) at this stop", field: "tracking") }
        return parcel
    }
}
