import Community
import FluentKit
import Foundation

/// A day's plan: runs of the fleet from the county hub, each an ordered list of stops, and the
/// parcels that could not be planned with the reason. A day has at most one plan; planning
/// again replaces a draft, and a published plan is what the couriers drive.
public final class DispatchPlan: Model, @unchecked Sendable {
    public static let schema = "dispatch_plans"

    @ID(key: .id) public var id: UUID?
    /// YYYY-MM-DD, Beijing time; unique.
    @Field(key: "date") public var date: String
    @Field(key: "status") public var status: Status
    @Field(key: "distance_meters") public var distanceMeters: Int
    /// The objective the engine minimised: fixed costs plus cost per km, in fen.
    @Field(key: "cost_minor") public var costMinor: Int
    @Field(key: "seed") public var seed: Int64
    @Field(key: "time_limit_seconds") public var timeLimitSeconds: Double
    @OptionalField(key: "planned_by") public var plannedBy: UUID?
    @Field(key: "planned_at") public var plannedAt: Date
    @OptionalField(key: "published_at") public var publishedAt: Date?

    public init() {}

    public init(
        id: UUID, date: String, distanceMeters: Int, costMinor: Int, seed: UInt64, timeLimitSeconds: Double,
        plannedBy: UUID?, plannedAt: Date
    ) {
        self.id = id
        self.date = date
        self.status = .draft
        self.distanceMeters = distanceMeters
        self.costMinor = costMinor
        self.seed = Int64(bitPattern: seed)
        self.timeLimitSeconds = timeLimitSeconds
        self.plannedBy = plannedBy
        self.plannedAt = plannedAt
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Planned; the dispatcher may move stops, lock runs and plan again.
        case draft
        /// Given to the couriers; no longer changed.
        case published
    }
}

/// One vehicle's trip in a plan: hub, stops in order, hub.
public final class DispatchRun: Model, @unchecked Sendable {
    public static let schema = "dispatch_runs"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: DispatchPlan
    @Parent(key: "vehicle_id") public var vehicle: Vehicle
    /// Who drives it once published.
    @OptionalParent(key: "courier_id") public var courier: Account?
    /// Order of the run in the plan (1, 2, …).
    @Field(key: "position") public var position: Int
    @Field(key: "distance_meters") public var distanceMeters: Int
    @Field(key: "duration_seconds") public var durationSeconds: Int
    /// A locked run is kept as it is when the day is planned again.
    @Field(key: "locked") public var locked: Bool
    /// Where the courier is with it.
    @Field(key: "progress") public var progress: Progress

    public init() {}

    public init(
        id: UUID, planID: UUID, vehicleID: UUID, courierID: UUID?, position: Int, distanceMeters: Int,
        durationSeconds: Int, locked: Bool = false
    ) {
        self.id = id
        self.$plan.id = planID
        self.$vehicle.id = vehicleID
        self.$courier.id = courierID
        self.position = position
        self.distanceMeters = distanceMeters
        self.durationSeconds = durationSeconds
        self.locked = locked
        self.progress = .planned
    }

    public enum Progress: String, Codable, Sendable, CaseIterable {
        /// Not loaded yet.
        case planned
        /// The van has the run's parcels and is on the road.
        case loaded
        /// Back at the hub, everything it carried handed in.
        case finished
    }
}

/// A visit of a run to a node: parcels to leave there and parcels to collect.
public final class DispatchStop: Model, @unchecked Sendable {
    public static let schema = "dispatch_stops"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "run_id") public var run: DispatchRun
    @Parent(key: "node_id") public var node: NetworkNode
    /// 1, 2, … along the run.
    @Field(key: "position") public var position: Int
    /// The node's 1-based index in the instance the engine solved (`--instance-out`).
    @Field(key: "instance_index") public var instanceIndex: Int
    /// When the van is planned to arrive, seconds after the shift starts.
    @Field(key: "arrival_seconds") public var arrivalSeconds: Int
    @Field(key: "deliver_grams") public var deliverGrams: Int
    @Field(key: "pickup_grams") public var pickupGrams: Int
    @Field(key: "outcome") public var outcome: Outcome
    /// Why a stop failed, in the courier's words.
    @Field(key: "note") public var note: String
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    public init(
        id: UUID, runID: UUID, nodeID: UUID, position: Int, instanceIndex: Int, arrivalSeconds: Int,
        deliverGrams: Int, pickupGrams: Int
    ) {
        self.id = id
        self.$run.id = runID
        self.$node.id = nodeID
        self.position = position
        self.instanceIndex = instanceIndex
        self.arrivalSeconds = arrivalSeconds
        self.deliverGrams = deliverGrams
        self.pickupGrams = pickupGrams
        self.outcome = .pending
        self.note = ""
    }

    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case pending, done, failed
    }
}

/// A parcel's place in a plan: left or collected at a stop, or unassigned with the reason.
public final class PlannedParcel: Model, @unchecked Sendable {
    public static let schema = "dispatch_parcels"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: DispatchPlan
    @Parent(key: "parcel_id") public var parcel: Parcel
    /// The stop, or nil when the parcel could not be planned.
    @OptionalParent(key: "stop_id") public var stop: DispatchStop?
    /// Why it is not on a run; empty when it is.
    @Field(key: "reason") public var reason: String

    public init() {}

    public init(id: UUID, planID: UUID, parcelID: UUID, stopID: UUID?, reason: String) {
        self.id = id
        self.$plan.id = planID
        self.$parcel.id = parcelID
        self.$stop.id = stopID
        self.reason = reason
    }
}
