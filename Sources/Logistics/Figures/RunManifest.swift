import Community
import FluentKit
import Foundation
import JishiKit

/// A run's printable manifest: its stops in order, and at each the parcels to leave and to
/// collect with tracking number, carrier, weight and the contact's masked phone.
public struct RunManifest: Sendable {
    public struct Line: Sendable, Hashable {
        public var tracking: String
        public var carrier: String
        public var grams: Int
        public var contactName: String
        /// "138****5678", or empty without a phone.
        public var maskedPhone: String
    }

    public struct Stop: Sendable {
        public var position: Int
        public var node: NetworkNode
        public var arrivalSeconds: Int
        public var deliver: [Line]
        public var pickup: [Line]
    }

    public var date: String
    public var status: DispatchPlan.Status
    public var runID: UUID
    public var vehicleCode: String
    public var vehicleName: String
    public var distanceMeters: Int
    public var durationSeconds: Int
    /// When the shift starts: the hub's opening, minutes after midnight.
    public var shiftStart: Int
    public var hubName: String
    public var stops: [Stop]

    /// The manifest of run `runID`, for a dispatcher or admin of the hub's county (the same
    /// people who see the plan) and for the courier who drives it once it is published; a
    /// `404` for a run that does not exist.
    public static func load(_ runID: UUID, by principal: Principal, on database: any Database) async throws
        -> RunManifest
    {
        let service = DispatchService()
        guard let run = try await DispatchRun.query(on: database).filter(\.$id == runID).with(\.$plan).first() else {
            throw Problem.notFound("The run", field: "runId")
        }
        // The courier it is given to reads it too, once published; everyone else as the plan.
        let driven = run.$courier.id == principal.accountID && run.plan.status == .published
        let plan: PlanView
        if driven, let published = try await service.view(run.plan.date, on: database) {
            plan = published
        } else {
            plan = try await service.plan(of: run.plan.date, by: principal, on: database)
        }
        guard let view = plan.runs.first(where: { $0.id == runID }) else {
            throw Problem.notFound("The run", field: "runId")
        }
        let hub = try await service.hub(on: database)
        let planned = try await PlannedParcel.query(on: database).filter(\.$stop.$id ~~ view.stops.map(\.id))
            .with(\.$parcel).all()
        let carriers = try await Carrier.query(on: database).all().reduce(into: [UUID: String]()) {
            if let id = $1.id { $0[id] = $1.code }
        }
        var lines: [UUID: [Parcel]] = [:]
        for item in planned {
            if let stopID = item.$stop.id { lines[stopID, default: []].append(item.parcel) }
        }
        func line(_ parcel: Parcel) -> Line {
            Line(
                tracking: parcel.trackingNumber, carrier: carriers[parcel.$carrier.id] ?? "", grams: parcel.weightGrams,
                contactName: parcel.contactName, maskedPhone: parcel.contactPhone.map(ParcelLabel.maskPhone) ?? "")
        }
        let stops = view.stops.enumerated().map { offset, stop in
            let parcels = (lines[stop.id] ?? []).sorted { $0.trackingNumber < $1.trackingNumber }
            return Stop(
                position: offset + 1, node: stop.node, arrivalSeconds: stop.arrivalSeconds,
                deliver: parcels.filter { $0.direction == .inbound }.map(line),
                pickup: parcels.filter { $0.direction == .outbound }.map(line))
        }
        return RunManifest(
            date: plan.date, status: plan.status, runID: runID, vehicleCode: view.vehicle.code,
            vehicleName: view.vehicle.name, distanceMeters: view.distanceMeters, durationSeconds: view.durationSeconds,
            shiftStart: plan.shiftStart, hubName: hub.name, stops: stops)
    }
}
