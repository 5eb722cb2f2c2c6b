/// A policy question put to the model: the villages, the years, and what happens to them when.
/// Read from JSON (`jishi simulate SCENARIO.json`), built by the officials' page from the
/// database, or made in code (`Scenario.villageD`, `NationalSample`).
public struct Scenario: Codable, Sendable, Equatable {
    public var name: String
    /// The first and last simulated years (both included).
    public var start: Int
    public var end: Int
    public var villages: [VillageSpec]
    public var events: [Event]
    /// How many real villages each simulated village stands for in the totals (a national
    /// sample of 5,000 villages for China's ~500,000 stands for 100 each). Default 1.
    public var weight: Double?
    /// Parameters that differ from the fitted defaults, by name (`Parameters.names`).
    public var parameters: [String: Double]?

    public init(
        name: String, start: Int, end: Int, villages: [VillageSpec], events: [Event] = [],
        weight: Double? = nil, parameters: [String: Double]? = nil
    ) {
        self.name = name
        self.start = start
        self.end = end
        self.villages = villages
        self.events = events
        self.weight = weight
        self.parameters = parameters
    }

    public var years: ClosedRange<Int> { start...max(start, end) }

    private enum CodingKeys: String, CodingKey {
        case name, start, end, villages, events, weight, parameters
    }

    /// A file may leave out `events` (no levers).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        start = try container.decode(Int.self, forKey: .start)
        end = try container.decode(Int.self, forKey: .end)
        villages = try container.decode([VillageSpec].self, forKey: .villages)
        events = try container.decodeIfPresent([Event].self, forKey: .events) ?? []
        weight = try container.decodeIfPresent(Double.self, forKey: .weight)
        parameters = try container.decodeIfPresent([String: Double].self, forKey: .parameters)
    }
}

/// What a village makes and sells: it sets the price of an order, the margin, the demand for
/// a shop's goods and the months they sell in.
public enum Industry: String, Codable, Sendable, CaseIterable {
    case costumes, furniture, clothing
    case farmProducts = "farm_products"
    case handicrafts
    case autoParts = "auto_parts"
    case toys, mixed
}

/// One village of a scenario.
public struct VillageSpec: Codable, Sendable, Equatable {
    /// Its statistical division code (12 digits in a county's database; any text in a file).
    public var code: String
    public var name: String?
    /// The town's code: villages of one town learn from each other (spill-over) and are
    /// judged together as a Taobao town.
    public var town: String?
    public var households: Int
    public var population: Int?
    public var industry: Industry
    /// First sellers, by year: households that open a shop that year whatever the model says.
    public var pioneers: [Pioneers]?
    public var distanceToCountyKm: Double?
    /// How much a city buyer wants this village's goods, relative to its industry's typical
    /// village (1). Unknown villages draw it from the fitted spread of the national sample.
    public var potential: Double?
    /// Where the village stands in the scenario's first year, read from the database.
    public var initial: InitialState?
    /// A residents' committee (居民委员会) rather than an administrative village: from 2020 it
    /// cannot be a Taobao village.
    public var residentsCommittee: Bool?

    public init(
        code: String, name: String? = nil, town: String? = nil, households: Int, population: Int? = nil,
        industry: Industry, pioneers: [Pioneers]? = nil, distanceToCountyKm: Double? = nil,
        potential: Double? = nil, initial: InitialState? = nil, residentsCommittee: Bool? = nil
    ) {
        self.code = code
        self.name = name
        self.town = town
        self.households = households
        self.population = population
        self.industry = industry
        self.pioneers = pioneers
        self.distanceToCountyKm = distanceToCountyKm
        self.potential = potential
        self.initial = initial
        self.residentsCommittee = residentsCommittee
    }

    public struct Pioneers: Codable, Sendable, Equatable {
        public var year: Int
        public var households: Int
        public init(year: Int, households: Int) {
            self.year = year
            self.households = households
        }
    }

    /// A village's figures today, from which a scenario goes on: its open shops, the twelve
    /// months' sales, and what it already has (a station, broadband).
    public struct InitialState: Codable, Sendable, Equatable {
        public var shops: Int
        public var salesMinor: Int64
        public var station: Bool?
        public var broadband: Double?
        public init(shops: Int, salesMinor: Int64, station: Bool? = nil, broadband: Double? = nil) {
            self.shops = shops
            self.salesMinor = salesMinor
            self.station = station
            self.broadband = broadband
        }
    }
}

/// A policy lever pulled in one year, for one village or (without `village`) for all of them.
public struct Event: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A village logistics station: parcels go from and to the village on shared runs.
        case logisticsStation
        /// Broadband: the share of the village's homes covered (`coverage`, 0–1).
        case broadband
        /// Training: `personTimes` places on e-commerce courses.
        case training
        /// A subsidy of `amountMinor` fen for every shop opened, for `years` years (default 1).
        case subsidy
        /// An e-commerce park: cheaper space for the producers.
        case ecommercePark
        /// The town's shop and design registries: copying erodes prices less.
        case registries
        /// `households` young people come back from the cities with skills and savings.
        case returnees
        /// `households` first sellers open shops this year.
        case pioneers
    }

    public var year: Int
    public var village: String?
    public var kind: Kind
    public var coverage: Double?
    public var personTimes: Int?
    public var amountMinor: Int64?
    public var years: Int?
    public var households: Int?

    public init(
        year: Int, village: String? = nil, kind: Kind, coverage: Double? = nil, personTimes: Int? = nil,
        amountMinor: Int64? = nil, years: Int? = nil, households: Int? = nil
    ) {
        self.year = year
        self.village = village
        self.kind = kind
        self.coverage = coverage
        self.personTimes = personTimes
        self.amountMinor = amountMinor
        self.years = years
        self.households = households
    }
}

/// A scenario that cannot run, naming the field: `villages[2].households: must be 1 or more`.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { "\(field): \(message)" }
}

extension Scenario {
    /// The years a scenario may cover: from the first shops on Taobao (2003) to a generation on.
    public static let allowedYears = 2003...2100
    /// At most this many simulated households in one scenario (a national sample is 1.5 M).
    public static let maximumHouseholds = 5_000_000

    /// Checks everything the model relies on; the first problem found is thrown.
    public func validate() throws(ScenarioError) {
        func fail(_ field: String, _ message: String) -> ScenarioError {
            ScenarioError(field: field, message: message)
        }
        if name.isEmpty || name.count > 200 { throw fail("name", "must be 1 to 200 characters") }
        guard Self.allowedYears.contains(start) else { throw fail("start", "must be a year from 2003 to 2100") }
        guard Self.allowedYears.contains(end) else { throw fail("end", "must be a year from 2003 to 2100") }
        guard end >= start else { throw fail("end", "must not be before start") }
        guard end - start < 60 else { throw fail("end", "a scenario covers at most 60 years") }
        guard !villages.isEmpty else { throw fail("villages", "must name at least one village") }
        if let weight, !(weight.isFinite && weight > 0 && weight <= 1_000_000) {
            throw fail("weight", "must be a number above 0 and at most 1,000,000")
        }
        var codes = Set<String>()
        var total = 0
        for (index, village) in villages.enumerated() {
            let at = "villages[\(index)]"
            if village.code.isEmpty || village.code.count > 64 {
                throw fail("\(at).code", "must be 1 to 64 characters")
            }
            guard codes.insert(village.code).inserted else { throw fail("\(at).code", "repeats \(village.code)") }
            guard (1...100_000).contains(village.households) else {
                throw fail("\(at).households", "must be from 1 to 100,000")
            }
            total += village.households
            if let population = village.population, population < village.households || population > 1_000_000 {
                throw fail("\(at).population", "must be at least the households and at most 1,000,000")
            }
            if let km = village.distanceToCountyKm, !(km.isFinite && km >= 0 && km <= 1_000) {
                throw fail("\(at).distanceToCountyKm", "must be from 0 to 1,000")
            }
            if let potential = village.potential, !(potential.isFinite && potential >= 0 && potential <= 100) {
                throw fail("\(at).potential", "must be from 0 to 100")
            }
            for (p, pioneer) in (village.pioneers ?? []).enumerated() {
                if !Self.allowedYears.contains(pioneer.year) {
                    throw fail("\(at).pioneers[\(p)].year", "must be a year from 2003 to 2100")
                }
                if pioneer.households < 1 || pioneer.households > village.households {
                    throw fail("\(at).pioneers[\(p)].households", "must be from 1 to the village's households")
                }
            }
            if let initial = village.initial {
                if initial.shops < 0 || initial.shops > 2 * village.households {
                    throw fail("\(at).initial.shops", "must be from 0 to twice the households")
                }
                if initial.salesMinor < 0 || initial.salesMinor > 10_000_000_000_000 {
                    throw fail("\(at).initial.salesMinor", "must be from 0 to 10^13 fen")
                }
                if let broadband = initial.broadband, !(broadband.isFinite && (0...1).contains(broadband)) {
                    throw fail("\(at).initial.broadband", "must be from 0 to 1")
                }
            }
        }
        guard total <= Self.maximumHouseholds else {
            throw fail("villages", "at most 5,000,000 households in all (\(total))")
        }
        for (index, event) in events.enumerated() {
            let at = "events[\(index)]"
            guard Self.allowedYears.contains(event.year) else {
                throw fail("\(at).year", "must be a year from 2003 to 2100")
            }
            if let code = event.village, !codes.contains(code) {
                throw fail("\(at).village", "names no village of the scenario (\(code))")
            }
            switch event.kind {
            case .broadband:
                guard let coverage = event.coverage, coverage.isFinite, (0...1).contains(coverage) else {
                    throw fail("\(at).coverage", "a broadband event needs a coverage from 0 to 1")
                }
            case .training:
                guard let people = event.personTimes, (1...1_000_000).contains(people) else {
                    throw fail("\(at).personTimes", "a training event needs personTimes from 1 to 1,000,000")
                }
            case .subsidy:
                guard let amount = event.amountMinor, (1...100_000_000).contains(amount) else {
                    throw fail(
                        "\(at).amountMinor", "a subsidy needs amountMinor (fen per new shop) from 1 to 100,000,000")
                }
                if let years = event.years, !(1...20).contains(years) {
                    throw fail("\(at).years", "must be from 1 to 20")
                }
            case .returnees, .pioneers:
                guard let households = event.households, (1...100_000).contains(households) else {
                    throw fail("\(at).households", "a \(event.kind.rawValue) event needs households from 1 to 100,000")
                }
            case .logisticsStation, .ecommercePark, .registries:
                break
            }
        }
        if let parameters {
            for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
                guard let range = Parameters.ranges[name] else {
                    throw fail("parameters.\(name)", "is not a parameter of the model")
                }
                guard value.isFinite, range.contains(value) else {
                    throw fail("parameters.\(name)", "must be from \(range.lowerBound) to \(range.upperBound)")
                }
            }
        }
    }
}
