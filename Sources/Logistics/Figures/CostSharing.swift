import Foundation

/// How a run's vehicle cost is shared among the parcels it carries, on plain values.
///
/// A run goes hub → stop 1 → … → stop n → hub: n + 1 legs. On each leg the van carries the
/// deliveries of the stops still ahead and the collections of the stops behind (deliveries
/// leave the van, collections enter it). A leg costs the vehicle's cost per km times its
/// length, shared among the parcels on board in proportion to their weight. A leg with nothing
/// on board (the way home of a run that collects nothing) is a cost of the whole run, shared
/// like the fixed cost: by weight among every parcel of the run. Parcels that weigh nothing
/// share by count instead.
///
/// Shares are exact fractions of a fen (`Double`); `allocate` turns a run's shares by group
/// (village) into whole fen that add up to the run's cost as the plan totals it (fixed cost
/// plus cost per km times the run's metres, rounded half up to the fen), by largest remainder.
public enum CostSharing {
    public struct Item: Sendable, Hashable {
        /// The parcel.
        public var id: UUID
        /// Whom its cost counts for (a village's code).
        public var group: String
        public var grams: Int

        public init(id: UUID, group: String, grams: Int) {
            self.id = id
            self.group = group
            self.grams = grams
        }
    }

    public struct Stop: Sendable, Hashable {
        /// Parcels left here: on board from the hub until this stop.
        public var deliver: [Item]
        /// Parcels collected here: on board from this stop back to the hub.
        public var pickup: [Item]

        public init(deliver: [Item], pickup: [Item]) {
            self.deliver = deliver
            self.pickup = pickup
        }
    }

    public struct Run: Sendable, Hashable {
        public var fixedCostMinor: Int
        public var costPerKmMinor: Int
        /// Metres of each leg: hub → first stop, …, last stop → hub (`stops.count + 1` of them).
        public var legMeters: [Int]
        public var stops: [Stop]

        public init(fixedCostMinor: Int, costPerKmMinor: Int, legMeters: [Int], stops: [Stop]) {
            self.fixedCostMinor = fixedCostMinor
            self.costPerKmMinor = costPerKmMinor
            self.legMeters = legMeters
            self.stops = stops
        }

        public var meters: Int { legMeters.reduce(0, +) }

        /// The run's cost in whole fen, as the plan totals it.
        public var costMinor: Int { fixedCostMinor + (costPerKmMinor * meters + 500) / 1000 }

        public var items: [Item] { stops.flatMap { $0.deliver + $0.pickup } }
    }

    /// Each parcel's share of the run's cost, in fen (fractions kept): they add up to the fixed
    /// cost plus cost per km times the run's kilometres.
    public static func shares(_ run: Run) -> [UUID: Double] {
        precondition(run.legMeters.count == run.stops.count + 1, "a run has one leg more than stops")
        var shares: [UUID: Double] = [:]
        let everyone = run.items
        guard !everyone.isEmpty else { return [:] }
        var wholeRun = Double(run.fixedCostMinor)
        for (leg, meters) in run.legMeters.enumerated() {
            let cost = Double(run.costPerKmMinor) * Double(meters) / 1000
            // Before leg k the van has visited stops 0..<k.
            let aboard =
                run.stops[leg...].flatMap(\.deliver) + run.stops[..<leg].flatMap(\.pickup)
            if aboard.isEmpty {
                wholeRun += cost
            } else {
                split(cost, among: aboard, into: &shares)
            }
        }
        split(wholeRun, among: everyone, into: &shares)
        return shares
    }

    /// Adds `cost` to `shares`, by weight among `items` (by count when they weigh nothing).
    static func split(_ cost: Double, among items: [Item], into shares: inout [UUID: Double]) {
        let grams = items.reduce(0) { $0 + max(0, $1.grams) }
        for item in items {
            let part =
                grams > 0 ? cost * Double(max(0, item.grams)) / Double(grams) : cost / Double(items.count)
            shares[item.id, default: 0] += part
        }
    }

    /// The run's cost in whole fen by group: `costMinor` split in proportion to the groups'
    /// shares, each rounded down and the fen left over given one each to the largest
    /// remainders (ties by group name), so the groups add up to the run's cost exactly.
    public static func costByGroup(_ run: Run) -> [String: Int] {
        let shares = shares(run)
        var exact: [String: Double] = [:]
        // Each parcel counted once, even if it were listed twice.
        var seen = Set<UUID>()
        for item in run.items where seen.insert(item.id).inserted {
            exact[item.group, default: 0] += shares[item.id] ?? 0
        }
        return allocate(exact, total: run.costMinor)
    }

    /// `total` in whole units split in proportion to `weights`, by largest remainder.
    public static func allocate(_ weights: [String: Double], total: Int) -> [String: Int] {
        let sum = weights.values.reduce(0, +)
        guard sum > 0, !weights.isEmpty else { return weights.mapValues { _ in 0 } }
        var result: [String: Int] = [:]
        var remainders: [(String, Double)] = []
        for (key, weight) in weights {
            let exact = Double(total) * weight / sum
            let whole = Int(exact.rounded(.down))
            result[key] = whole
            remainders.append((key, exact - Double(whole)))
        }
        var left = total - result.values.reduce(0, +)
        for (key, _) in remainders.sorted(by: { ($0.1, $1.0) > ($1.1, $0.0) }) where left > 0 {
            result[key, default: 0] += 1
            left -= 1
        }
        return result
    }
}
