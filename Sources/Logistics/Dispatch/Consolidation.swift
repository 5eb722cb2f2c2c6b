import Foundation
import Routing

/// The figure that justifies the shared network: kilometres per parcel when every carrier
/// runs its own vans to the villages for its own parcels, against one shared run for all of
/// them. Each carrier's day is planned by the same engine, with the whole fleet and the same
/// time limit, so the comparison flatters the separate runs if anything.
public struct Consolidation: Sendable, Encodable {
    public struct Part: Sendable, Encodable {
        public var carrier: String
        public var runs: Int
        public var parcels: Int
        public var distanceMeters: Int
    }

    public var date: String
    /// Parcels planned on the shared run.
    public var parcels: Int
    public var sharedRuns: Int
    public var sharedMeters: Int
    public var separate: [Part]

    public var separateMeters: Int { separate.reduce(0) { $0 + $1.distanceMeters } }
    public var separateParcels: Int { separate.reduce(0) { $0 + $1.parcels } }
    public var sharedKmPerParcel: Double { parcels == 0 ? 0 : Double(sharedMeters) / 1000 / Double(parcels) }
    public var separateKmPerParcel: Double {
        separateParcels == 0 ? 0 : Double(separateMeters) / 1000 / Double(separateParcels)
    }

    enum CodingKeys: String, CodingKey {
        case date, parcels, sharedRuns, sharedMeters, separate, separateMeters, sharedKmPerParcel, separateKmPerParcel
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(parcels, forKey: .parcels)
        try container.encode(sharedRuns, forKey: .sharedRuns)
        try container.encode(sharedMeters, forKey: .sharedMeters)
        try container.encode(separate, forKey: .separate)
        try container.encode(separateMeters, forKey: .separateMeters)
        try container.encode((sharedKmPerParcel * 1000).rounded() / 1000, forKey: .sharedKmPerParcel)
        try container.encode((separateKmPerParcel * 1000).rounded() / 1000, forKey: .separateKmPerParcel)
    }
}

extension DispatchPlanner {
    /// Plans `day` once shared and once per carrier, each within `stop`.
    public func consolidation(_ day: DayProblem, stop: StoppingCriterion, seed: UInt64) -> Consolidation {
        func planned(_ plan: DayPlan) -> Int {
            plan.runs.reduce(0) { $0 + $1.stops.reduce(0) { $0 + $1.deliver.count + $1.pickup.count } }
        }
        let shared = plan(day, stop: stop, seed: seed).plan
        let carriers = Set(day.sites.flatMap { $0.deliver + $0.pickup }.map(\.carrier)).sorted()
        let separate = carriers.map { carrier in
            var own = day
            own.sites = day.sites.map { site in
                var site = site
                site.deliver = site.deliver.filter { $0.carrier == carrier }
                site.pickup = site.pickup.filter { $0.carrier == carrier }
                return site
            }
            let result = plan(own, stop: stop, seed: seed).plan
            return Consolidation.Part(
                carrier: carrier, runs: result.runs.count, parcels: planned(result),
                distanceMeters: result.distanceMeters)
        }
        return Consolidation(
            date: day.date, parcels: planned(shared), sharedRuns: shared.runs.count,
            sharedMeters: shared.distanceMeters, separate: separate)
    }
}
