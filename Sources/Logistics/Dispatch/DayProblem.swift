import Foundation
import Routing

/// One day's dispatch as the engine sees it, built from plain values so it can be solved and
/// tested without a database: the hub, the nodes with parcels to leave or collect, the fleet
/// and the distances. `DispatchService` reads it from the database; `DispatchPlanner` solves it.
public struct DayProblem: Sendable {
    /// A parcel as the plan needs it.
    public struct Load: Sendable, Hashable {
        public var parcelID: UUID
        public var tracking: String
        public var grams: Int
        /// The carrier's code, for comparing one run per carrier with the shared run.
        public var carrier: String

        public init(parcelID: UUID, tracking: String, grams: Int, carrier: String = "") {
            self.parcelID = parcelID
            self.tracking = tracking
            self.grams = grams
            self.carrier = carrier
        }
    }

    /// A place a run can visit: the hub (first) or a node with parcels.
    public struct Site: Sendable {
        public var nodeID: UUID
        public var code: String
        /// Open from `opens` to `closes`, minutes after midnight.
        public var opens: Int
        public var closes: Int
        public var active: Bool
        /// Parcels to leave here (inbound) and to collect here (outbound).
        public var deliver: [Load]
        public var pickup: [Load]

        public init(
            nodeID: UUID, code: String, opens: Int, closes: Int, active: Bool = true, deliver: [Load] = [],
            pickup: [Load] = []
        ) {
            self.nodeID = nodeID
            self.code = code
            self.opens = opens
            self.closes = closes
            self.active = active
            self.deliver = deliver
            self.pickup = pickup
        }
    }

    /// One vehicle of the fleet.
    public struct Truck: Sendable, Hashable {
        public var vehicleID: UUID
        public var code: String
        public var capacityGrams: Int
        public var costPerKmMinor: Int
        public var fixedCostMinor: Int
        public var shiftMinutes: Int

        public init(
            vehicleID: UUID, code: String, capacityGrams: Int, costPerKmMinor: Int, fixedCostMinor: Int,
            shiftMinutes: Int
        ) {
            self.vehicleID = vehicleID
            self.code = code
            self.capacityGrams = capacityGrams
            self.costPerKmMinor = costPerKmMinor
            self.fixedCostMinor = fixedCostMinor
            self.shiftMinutes = shiftMinutes
        }
    }

    public var date: String
    /// `sites[0]` is the county hub; its opening is when shifts start and its closing when
    /// every van must be back.
    public var sites: [Site]
    public var trucks: [Truck]
    /// Between `sites`, in their order.
    public var matrix: TravelMatrix
    /// Seconds a stop takes: parking and signing, plus so much per parcel.
    public var stopSeconds: Int
    public var secondsPerParcel: Int

    public init(
        date: String, sites: [Site], trucks: [Truck], matrix: TravelMatrix, stopSeconds: Int = 300,
        secondsPerParcel: Int = 15
    ) {
        precondition(matrix.count == sites.count)
        self.date = date
        self.sites = sites
        self.trucks = trucks
        self.matrix = matrix
        self.stopSeconds = stopSeconds
        self.secondsPerParcel = secondsPerParcel
    }

    /// Why a parcel is not on any run. The words are the API's; pages translate them.
    public enum Reason: String, Sendable, CaseIterable {
        case noVehicle = "no vehicle in the fleet"
        case tooHeavy = "heavier than any vehicle can carry"
        case nodeClosed = "its station or pickup point is closed"
        case outOfHours = "cannot be reached within the node's opening hours and the shift"
        case fleetFull = "the fleet has no room left for it this day"
    }
}
