/// The model's free numbers. `fitted` holds the values the calibration found
/// (`bench/simulation/calibrate`, recorded in `bench/simulation/CALIBRATION.md`); a scenario
/// may override any of them by name. MODEL.md says what each one does and which study
/// motivates it.
public struct Parameters: Sendable, Equatable, Codable {
    /// Log-odds that a connected household with no example around it opens a shop, in 2009.
    public var entryBase: Double
    /// How much those log-odds rise a year as online selling becomes known everywhere.
    public var awareness: Double
    /// The yearly chance that one profitable shop among a household's kin and neighbours
    /// convinces it, at full strength (profit per shop of `convincingProfit`, middling skill).
    public var imitation: Double
    /// The yearly chance of opening per share of the village's households with a profitable
    /// shop (what everyone sees).
    public var visibility: Double
    /// The same for the share of households with shops in the town's other villages (spill-over).
    public var spillover: Double
    /// How much skill (0–1, centred on 0.5) scales a tie's pull: (1 + w × (skill − 0.5)).
    public var skillWeight: Double
    /// The median household's outside option (CNY a year: wages in town, farming); its own is
    /// lognormal around it (σ 1). A tie pulls at full strength once the village's profit per
    /// shop reaches the household's outside option, proportionally below it.
    public var convincingProfit: Double
    /// Orders a year of a typical shop in 2009, before skill, potential and competition.
    public var baseOrders: Double
    /// Growth in 2010 of the orders a shop can win as online shopping spreads; it fades evenly
    /// to nothing by 2024.
    public var marketGrowth: Double
    /// How fast prices fall as the village's shops multiply and copy each other.
    public var priceErosion: Double
    /// How fast prices fall everywhere from 2013 as the whole country's sellers crowd the same
    /// goods: a price is divided by 1 + crowding × (years since 2012, at most 12: the crowding
    /// stops growing with the market, in 2024).
    public var crowding: Double
    /// The share of that erosion that registries against copying take away.
    public var registryProtection: Double
    /// Median of the national sample's village potential (lognormal).
    public var potentialMedian: Double
    /// Spread (σ of the logarithm) of the national sample's village potential.
    public var potentialSpread: Double
    /// The share of parcel cost a village logistics station saves (shared runs, no trip to town).
    public var stationSaving: Double
    /// A parcel's cost in fen at the county seat, and for every km beyond it.
    public var parcelBaseMinor: Double
    public var parcelPerKmMinor: Double
    /// Skill a training place adds, as a share of what the trainee still lacks.
    public var trainingGain: Double
    /// Chance a year that a shop that lost money closes.
    public var closeOnLoss: Double
    /// Chance a year that any shop closes (moves away, gives up).
    public var attrition: Double
    /// The share of a producer's yearly space costs an e-commerce park saves.
    public var parkSaving: Double
    /// How likely a household without the internet at home is to open a shop anyway (through
    /// a relative's computer or an internet café), against a connected one.
    public var offline: Double

    public init(
        entryBase: Double, awareness: Double, imitation: Double, visibility: Double, spillover: Double,
        skillWeight: Double, convincingProfit: Double, baseOrders: Double, marketGrowth: Double,
        priceErosion: Double, crowding: Double, registryProtection: Double, potentialMedian: Double,
        potentialSpread: Double,
        stationSaving: Double, parcelBaseMinor: Double, parcelPerKmMinor: Double, trainingGain: Double,
        closeOnLoss: Double, attrition: Double, parkSaving: Double, offline: Double
    ) {
        self.entryBase = entryBase
        self.awareness = awareness
        self.imitation = imitation
        self.visibility = visibility
        self.spillover = spillover
        self.skillWeight = skillWeight
        self.convincingProfit = convincingProfit
        self.baseOrders = baseOrders
        self.marketGrowth = marketGrowth
        self.priceErosion = priceErosion
        self.crowding = crowding
        self.registryProtection = registryProtection
        self.potentialMedian = potentialMedian
        self.potentialSpread = potentialSpread
        self.stationSaving = stationSaving
        self.parcelBaseMinor = parcelBaseMinor
        self.parcelPerKmMinor = parcelPerKmMinor
        self.trainingGain = trainingGain
        self.closeOnLoss = closeOnLoss
        self.attrition = attrition
        self.parkSaving = parkSaving
        self.offline = offline
    }

    /// The calibrated defaults (see `bench/simulation/CALIBRATION.md`).
    public static let fitted = Parameters(
        entryBase: -6.946, awareness: 0.1623, imitation: 0.6818, visibility: 1.901, spillover: 0.5,
        skillWeight: 1.0, convincingProfit: 8_937, baseOrders: 862.3, marketGrowth: 0.2222,
        priceErosion: 0.10, crowding: 0.0662, registryProtection: 0.5, potentialMedian: 0.1208,
        potentialSpread: 1.049, stationSaving: 0.35, parcelBaseMinor: 600, parcelPerKmMinor: 12,
        trainingGain: 0.3, closeOnLoss: 0.5, attrition: 0.02, parkSaving: 0.3, offline: 0.52)

    /// Every parameter by name, with the range a scenario or the calibration may set.
    nonisolated(unsafe) static let table:
        [(name: String, path: WritableKeyPath<Parameters, Double>, range: ClosedRange<Double>)] = [
            ("entryBase", \.entryBase, -20...0),
            ("awareness", \.awareness, 0...2),
            ("imitation", \.imitation, 0...1),
            ("visibility", \.visibility, 0...5),
            ("spillover", \.spillover, 0...5),
            ("skillWeight", \.skillWeight, 0...2),
            ("convincingProfit", \.convincingProfit, 100...1_000_000),
            ("baseOrders", \.baseOrders, 1...100_000),
            ("marketGrowth", \.marketGrowth, 0...1),
            ("priceErosion", \.priceErosion, 0...1),
            ("crowding", \.crowding, 0...1),
            ("registryProtection", \.registryProtection, 0...1),
            ("potentialMedian", \.potentialMedian, 0.001...100),
            ("potentialSpread", \.potentialSpread, 0...5),
            ("stationSaving", \.stationSaving, 0...0.9),
            ("parcelBaseMinor", \.parcelBaseMinor, 0...100_000),
            ("parcelPerKmMinor", \.parcelPerKmMinor, 0...10_000),
            ("trainingGain", \.trainingGain, 0...1),
            ("closeOnLoss", \.closeOnLoss, 0...1),
            ("attrition", \.attrition, 0...1),
            ("parkSaving", \.parkSaving, 0...0.9),
            ("offline", \.offline, 0...1),
        ]

    public static var names: [String] { table.map(\.name) }
    public static var ranges: [String: ClosedRange<Double>] {
        Dictionary(uniqueKeysWithValues: table.map { ($0.name, $0.range) })
    }

    public subscript(name: String) -> Double? {
        get { Self.table.first { $0.name == name }.map { self[keyPath: $0.path] } }
        set {
            guard let entry = Self.table.first(where: { $0.name == name }), let newValue else { return }
            self[keyPath: entry.path] = newValue
        }
    }

    /// The fitted defaults with a scenario's overrides.
    public func overridden(by values: [String: Double]?) -> Parameters {
        var copy = self
        for (name, value) in values ?? [:] { copy[name] = value }
        return copy
    }
}

/// What an industry's orders are like (figures in MODEL.md, with their sources).
struct IndustryProfile: Sendable {
    /// A typical order's price in fen.
    var priceMinor: Double
    /// The producer's margin on it; a reseller keeps half.
    var margin: Double
    /// Orders a typical shop wins, relative to costumes.
    var demand: Double
    /// The share of a year's orders in each month, January first (sums to 1).
    var months: [Double]

    static func of(_ industry: Industry) -> IndustryProfile {
        let flat = [0.08, 0.08, 0.09, 0.08, 0.08, 0.08, 0.08, 0.08, 0.09, 0.09, 0.09, 0.08]
        let singlesDay = [0.08, 0.06, 0.08, 0.08, 0.08, 0.07, 0.07, 0.07, 0.08, 0.09, 0.15, 0.09]
        switch industry {
        case .costumes:
            // Performance costumes: about 3,000 pieces a day in May (Children's Day) against
            // 100–200 otherwise (DOMAIN.md, "Seasonality").
            return .init(
                priceMinor: 8_000, margin: 0.30, demand: 1.0,
                months: [0.06, 0.06, 0.07, 0.09, 0.30, 0.08, 0.05, 0.05, 0.06, 0.06, 0.06, 0.06])
        case .furniture:
            return .init(
                priceMinor: 60_000, margin: 0.25, demand: 0.35,
                months: [0.07, 0.06, 0.08, 0.08, 0.08, 0.07, 0.07, 0.08, 0.08, 0.09, 0.16, 0.08])
        case .clothing:
            return .init(priceMinor: 6_000, margin: 0.25, demand: 1.0, months: singlesDay)
        case .farmProducts:
            return .init(
                priceMinor: 5_000, margin: 0.20, demand: 0.7,
                months: [0.06, 0.07, 0.06, 0.06, 0.06, 0.07, 0.08, 0.10, 0.12, 0.12, 0.12, 0.08])
        case .handicrafts:
            return .init(priceMinor: 4_000, margin: 0.35, demand: 0.6, months: singlesDay)
        case .autoParts:
            return .init(priceMinor: 15_000, margin: 0.20, demand: 0.5, months: flat)
        case .toys:
            return .init(
                priceMinor: 5_000, margin: 0.30, demand: 0.9,
                months: [0.06, 0.06, 0.07, 0.08, 0.12, 0.08, 0.07, 0.07, 0.07, 0.08, 0.13, 0.11])
        case .mixed:
            return .init(priceMinor: 5_000, margin: 0.25, demand: 0.6, months: flat)
        }
    }
}
