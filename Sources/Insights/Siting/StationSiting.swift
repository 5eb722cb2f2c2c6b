import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Routing

/// "Where should the next k stations (or pickup points) go?" The candidate sites are the
/// place's villages without a station; demand is each village's households (or the parcels
/// registered for it in the last 90 days); distance is the road network's (the straight line
/// times the county's circuity where no roads are loaded). The existing stations and pickup
/// points stay: each village's distance to a candidate is capped at its distance to the
/// nearest existing one, so the routing module's solvers, given that capped matrix, choose the
/// k new sites that do best together with them — p-median (least household-weighted distance)
/// or maximal covering (most households within the radius) — with the bound they prove.
public struct StationSiting: Sendable {
    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    public enum Objective: String, Sendable, CaseIterable, Codable {
        case pMedian = "p_median"
        case covering
    }

    public enum Demand: String, Sendable, CaseIterable, Codable {
        case households, parcels
    }

    public struct Question: Sendable {
        public var place: String?
        public var sites: Int
        public var objective: Objective
        /// The service radius of covering, and the radius the figures count households within.
        public var radiusMeters: Int
        public var demand: Demand
        public var timeLimitSeconds: Double
        public var seed: UInt64

        public init(
            place: String? = nil, sites: Int, objective: Objective = .pMedian, radiusMeters: Int = 3_000,
            demand: Demand = .households, timeLimitSeconds: Double = 1, seed: UInt64 = 1
        ) {
            self.place = place
            self.sites = sites
            self.objective = objective
            self.radiusMeters = radiusMeters
            self.demand = demand
            self.timeLimitSeconds = timeLimitSeconds
            self.seed = seed
        }
    }

    public static let siteCounts = 1...20
    public static let radii = 500...50_000
    public static let timeLimits = 0.1...5.0

    public struct Site: Hashable, Sendable {
        public var code: String
        public var name: String
        public var location: GeoPoint
    }

    /// Distances to the nearest station, before or after.
    public struct Figures: Hashable, Sendable {
        /// Demand-weighted mean road distance to the nearest station, metres.
        public var meanMeters: Int
        /// The farthest village's distance, metres.
        public var worstMeters: Int
        /// Demand within the radius of a station.
        public var covered: Int
        public var total: Int
    }

    public struct Answer: Sendable {
        public var place: String
        public var objective: Objective
        public var demand: Demand
        public var radiusMeters: Int
        public var chosen: [Site]
        public var existing: [Site]
        public var villages: [Site]
        public var before: Figures
        public var after: Figures
        /// The solver's objective (weighted metres, or demand covered) and the bound it proved
        /// (a lower bound for p-median, an upper bound for covering), if any.
        public var objectiveValue: Int
        public var bound: Int?
        public var provenOptimal: Bool
        public var seconds: Double
    }

    /// No station within this many metres counts as this far (10,000 km): a finite cap keeps
    /// the weighted sums in range.
    static let farAway = 10_000_000

    public func answer(_ question: Question, by principal: Principal?, on database: any Database) async throws
        -> Answer
    {
        guard Self.siteCounts.contains(question.sites) else {
            throw Problem.validation("sites", "From 1 to 20 new sites.")
        }
        guard Self.radii.contains(question.radiusMeters) else {
            throw Problem.validation("radiusMeters", "From 500 to 50000 metres.")
        }
        guard Self.timeLimits.contains(question.timeLimitSeconds) else {
            throw Problem.validation("timeLimitSeconds", "From 0.1 to 5 seconds.")
        }
        let scope = try await InsightsScope.of(principal, on: database)
        let place = try await GrowthFigures.place(question.place, scope: scope, on: database)
        guard place.level != .village else {
            throw Problem.validation("place", "Site stations for a county or a town.")
        }
        let villages = try await Village.query(on: database).filter(\.$code >= place.code)
            .filter(\.$code < place.code + "~").sort(\.$code).all().filter { scope.sees(town: $0.$town.id) }
        let ids = villages.compactMap(\.id)
        let stations = try await NetworkNode.query(on: database).filter(\.$active == true).all().filter { node in
            (node.kind == .villageStation || node.kind == .pickupPoint) && node.$village.id.map(ids.contains) == true
        }
        let hosted = Set(stations.compactMap(\.$village.id))
        let candidates = villages.enumerated().filter { !hosted.contains($0.element.id!) }.map(\.offset)
        guard question.sites <= candidates.count else {
            throw Problem.validation(
                "sites", "The place has \(candidates.count) villages without a station; ask for at most that many.")
        }
        let weights = try await demand(question.demand, villages: villages, on: database)

        // Road distances between the villages and the existing stations.
        let points = villages.map(\.location) + stations.map(\.location)
        let graph = try await RoadService.graph(on: database)
        let roads = RoadService()
        let matrix = graph.isEmpty ? roads.straightLine(points) : roads.matrix(between: points, on: graph)
        let n = villages.count
        let nearestExisting = (0..<n).map { i in
            stations.indices.map { matrix.meters(i, n + $0) }.min() ?? Self.farAway
        }
        let rows = (0..<n).map { i in candidates.map { j in min(matrix.meters(i, j), nearestExisting[i]) } }
        let problem: SitingProblem
        do {
            problem = try SitingProblem(weights: weights, distances: rows, p: question.sites)
        } catch {
            throw Problem.validation("place", "The place's villages cannot be sited: \(error).")
        }
        let stop = StoppingCriterion.any([.maxRuntime(question.timeLimitSeconds), .maxIterations(2_000)])
        let (objective, radius, seed) = (question.objective, question.radiusMeters, question.seed)
        let (chosen, objectiveValue, bound, proven, seconds) = try await onThreadOfItsOwn {
            () throws -> ([Int], Int, Int?, Bool, Double) in
            switch objective {
            case .pMedian:
                let solution = PMedianSolver().solve(problem, stop: stop, seed: seed)
                return (solution.sites, solution.cost, solution.lowerBound, solution.isProvenOptimal, solution.seconds)
            case .covering:
                guard let covering = try? MaximalCoveringProblem(siting: problem, radius: radius) else {
                    throw Problem.validation("radiusMeters", "From 500 to 50000 metres.")
                }
                let solution = MaximalCoveringSolver().solve(covering, stop: stop, seed: seed)
                return (
                    solution.sites, solution.coveredPopulation, solution.upperBound, solution.isProvenOptimal,
                    solution.seconds
                )
            }
        }
        let opened = chosen.map { candidates[$0] }
        func figures(_ distance: (Int) -> Int) -> Figures {
            let total = weights.reduce(0, +)
            var weighted = 0
            var worst = 0
            var covered = 0
            for i in 0..<n {
                let d = distance(i)
                weighted += weights[i] * d
                worst = max(worst, d)
                if d <= question.radiusMeters { covered += weights[i] }
            }
            return Figures(
                meanMeters: total == 0 ? 0 : weighted / total, worstMeters: worst, covered: covered, total: total)
        }
        let before = figures { nearestExisting[$0] }
        let after = figures { i in min(nearestExisting[i], opened.map { matrix.meters(i, $0) }.min() ?? Self.farAway) }
        func site(_ village: Village) -> Site {
            Site(code: village.code, name: village.name, location: village.location)
        }
        return Answer(
            place: place.code, objective: question.objective, demand: question.demand,
            radiusMeters: question.radiusMeters, chosen: opened.map { site(villages[$0]) },
            existing: stations.map { Site(code: $0.code, name: $0.name, location: $0.location) },
            villages: villages.map(site), before: before, after: after, objectiveValue: objectiveValue, bound: bound,
            provenOptimal: proven, seconds: seconds)
    }

    /// Each village's demand: its households, or the parcels registered for it in the last 90 days.
    func demand(_ demand: Demand, villages: [Village], on database: any Database) async throws -> [Int] {
        switch demand {
        case .households:
            return villages.map(\.householdCount)
        case .parcels:
            let since = context.dependencies.now().addingTimeInterval(-90 * 86_400)
            var counts: [UUID: Int] = [:]
            for chunk in stride(from: 0, to: villages.count, by: 500) {
                let ids = villages[chunk..<min(chunk + 500, villages.count)].compactMap(\.id)
                for parcel in try await Parcel.query(on: database).filter(\.$village.$id ~~ ids)
                    .filter(\.$createdAt >= since).all()
                {
                    counts[parcel.$village.id, default: 0] += 1
                }
            }
            return villages.map { counts[$0.id!] ?? 0 }
        }
    }
}
