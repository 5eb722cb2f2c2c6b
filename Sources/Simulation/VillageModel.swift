import TaobaoRules

/// One village's figures for one simulated year.
public struct YearFigures: Sendable, Equatable {
    public var householdsWithShops = 0
    public var shops = 0
    public var activeShops = 0
    public var producers = 0
    public var orders: Int64 = 0
    public var salesMinor: Int64 = 0
    /// Sales in the recognition window, July of the year before to June.
    public var windowSalesMinor: Int64 = 0
    public var parcelsOut: Int64 = 0
    public var parcelsIn: Int64 = 0
    /// What sending one parcel costs a seller of the village this year, in fen.
    public var parcelCostMinor: Int64 = 0
    /// The households' mean skill (0–1).
    public var meanSkill = 0.0
    /// The price of an order this year, in fen (falls as shops multiply).
    public var priceMinor: Int64 = 0
    public var taobao = false

    public init() {}
}

/// One shop as the recognition rules see it: when it opened and closed and its orders by
/// month. Recorded only when a run is traced (tests hold the model's judgement to Insights').
public struct ShopTrace: Sendable, Equatable {
    public var household: Int
    public var openedYear: Int
    public var openedMonth: Int
    /// The year it closed (on 31 December), if it has.
    public var closedYear: Int?
    /// Orders by year, then month (12 a year, January first; 0 before it opened).
    public var monthlyOrders: [Int: [Int64]]
    public var monthlySalesMinor: [Int: [Int64]]
}

/// The households of one village and what happens to them year by year (MODEL.md, "Process
/// overview and scheduling").
struct VillageModel {
    let spec: VillageSpec
    let draws: Draws
    let profile: IndustryProfile
    /// Cumulative month shares: `cumulative[k]` is the share of January … month k (k = 0…12).
    let cumulative: [Double]
    var potential: Double
    let km: Double
    let households: Int

    // Households (structure of arrays: the inner loops touch a few of them).
    var skill: [Double]
    var capital: [Double]
    /// What the household earns a year without a shop (wages in town, farming): a shop must
    /// beat it to convince (CNY).
    var outside: [Double]
    /// A household has the internet when its `reach` is below the year's access share.
    var reach: [Double]
    var kin: [Int32]
    /// The year its shop opened (0: none), the month (1–12), its role (1 reseller, 2 producer),
    /// the year its second shop opened (0: none), whether it made money last year.
    var openYear: [Int32]
    var openMonth: [Int8]
    var role: [Int8]
    var extraYear: [Int32]
    var profitable: [Bool]
    var orders: [Int64]
    var kinProfitable: [Int32]
    var kinSize: [Int32]

    // The village.
    var coverage: Double
    var station = false
    var park = false
    var registries = false
    var subsidyMinor: Int64 = 0
    var subsidyUntil = 0
    var pendingPioneers = 0
    var shareWithShops = 0.0
    /// The share of households whose shop made money last year.
    var profitableShare = 0.0
    /// Producers now (kept as shops open, close and switch).
    var producers = 0
    var profitPerShop = 0.0
    var shopsLastYear = 0
    var parcelsOutLastYear: Int64 = 0
    /// Sales of July–December last year: the first half of this year's recognition window.
    var secondHalfLastYear: Int64 = 0
    /// Every shop ever opened, when the run is traced, and the open ones' places in it by
    /// shop (household, or households + household for a second shop).
    var traces: [ShopTrace]? = nil
    var openTraces: [Int: Int] = [:]

    static let kinGroupSize = 6

    init(spec: VillageSpec, index: Int, start: Int, parameters p: Parameters, draws: Draws) {
        self.spec = spec
        self.draws = draws
        profile = IndustryProfile.of(spec.industry)
        var sums = [0.0]
        for share in profile.months { sums.append(sums.last! + share) }
        cumulative = sums
        km = spec.distanceToCountyKm ?? 20
        households = spec.households
        let n = households
        skill = (0..<n).map {
            0.5 * draws.uniform(.skill, index: $0) + 0.25 * draws.uniform(.skill, year: 1, index: $0)
        }
        capital = (0..<n).map { 2_000 * Math.exp(1.0 * draws.normal(.capital, .kin, index: $0)) + 1_000 }
        outside = (0..<n).map { p.convincingProfit * Math.exp(draws.normal(.outside, .ordersPair, year: 1, index: $0)) }
        reach = (0..<n).map { draws.uniform(.reach, index: $0) }
        let groups = max(1, n / Self.kinGroupSize)
        kin = (0..<n).map { Int32(Int(draws.uniform(.kin, year: 7, index: $0) * Double(groups)) % groups) }
        kinSize = Array(repeating: 0, count: groups)
        for group in kin { kinSize[Int(group)] += 1 }
        kinProfitable = Array(repeating: 0, count: groups)
        openYear = Array(repeating: 0, count: n)
        openMonth = Array(repeating: 1, count: n)
        role = Array(repeating: 0, count: n)
        extraYear = Array(repeating: 0, count: n)
        profitable = Array(repeating: false, count: n)
        orders = Array(repeating: 0, count: n)
        coverage = spec.initial?.broadband ?? 0
        station = spec.initial?.station ?? false
        potential = spec.potential ?? p.potentialMedian * Math.exp(p.potentialSpread * draws.normal(.potential, .pick))
        if let initial = spec.initial, initial.shops > 0 {
            openInitialShops(initial, start: start, p: p, fitPotential: spec.potential == nil && initial.salesMinor > 0)
        }
    }

    /// Today's shops of a village read from the database: the most skilled households, opened
    /// two years before the scenario's first year. Unless the scenario gives the potential, it
    /// is the one that makes these shops sell today's sales at last year's price; which of them
    /// made money, and the profit per shop the others see, follow from the same figures.
    private mutating func openInitialShops(
        _ initial: VillageSpec.InitialState, start: Int, p: Parameters, fitPotential: Bool
    ) {
        let ranked = (0..<households).sorted { skill[$0] > skill[$1] || (skill[$0] == skill[$1] && $0 < $1) }
        let count = min(households, initial.shops)
        let extras = min(households, max(0, initial.shops - households))
        for (rank, i) in ranked.prefix(count).enumerated() {
            openYear[i] = Int32(start - 2)
            openMonth[i] = Int8(1 + Int(draws.uniform(.month, year: start - 2, index: i) * 12))
            role[i] = skill[i] > 0.5 ? 2 : 1
            if rank < extras { extraYear[i] = Int32(start - 1) }
            reach[i] = 0
        }
        shopsLastYear = initial.shops
        let year = start - 1
        let price = self.price(p, year: year)
        let parcel = parcelCost(p)
        let open = ranked.prefix(count)
        // A shop's orders relative to the village's typical shop, a year after it opened.
        func weight(_ i: Int) -> Double {
            (0.3 + 1.4 * skill[i]) * (role[i] == 1 ? 0.8 : 1) * (extraYear[i] != 0 ? 1.5 : 1)
        }
        let experience = 0.6
        let scale = p.baseOrders * profile.demand * Self.market(year, p) * experience
        if fitPotential {
            let orders = Double(initial.salesMinor) / price
            potential = min(100, max(0.001, orders / (scale * open.reduce(0) { $0 + weight($1) })))
        }
        var profits = 0.0
        var gaining = 0
        for i in open {
            let orders = scale * potential * weight(i)
            let margin = role[i] == 2 ? profile.margin : profile.margin / 2
            let profit = orders * (price * margin - parcel) / 100 - (role[i] == 2 ? 4_000 : 1_000)
            profitable[i] = profit > 0
            profits += profit
            if profit > 0 {
                kinProfitable[Int(kin[i])] += 1
                gaining += 1
            }
        }
        parcelsOutLastYear = Int64(Double(initial.salesMinor) / price)
        shareWithShops = Double(count) / Double(households)
        profitableShare = Double(gaining) / Double(households)
        producers = open.filter { role[$0] == 2 }.count
        profitPerShop = profits / Double(count)
        secondHalfLastYear = initial.salesMinor / 2
        // The households without a shop have seen today's shops pay and not followed: what they
        // earn otherwise is at least that (revealed preference), by a lognormal margin.
        if profitPerShop > 0 {
            for i in 0..<households where openYear[i] == 0 {
                let margin = Math.exp(abs(draws.normal(.outside, .pick, year: 2, index: i)))
                outside[i] = max(outside[i], profitPerShop * margin)
            }
        }
    }

    /// How many orders a shop can win relative to 2009 as online shopping spreads: growth of
    /// `marketGrowth` in 2010, fading evenly to nothing by 2024 as online retail matures.
    static func market(_ year: Int, _ p: Parameters) -> Double {
        if year < 2009 { return Math.pow(1 + p.marketGrowth, Double(year - 2009)) }
        var factor = 1.0
        for y in stride(from: 2010, through: min(year, 2023), by: 1) {
            factor *= 1 + p.marketGrowth * Double(2024 - y) / 15
        }
        return factor
    }

    /// The share of rural households on mobile internet (CNNIC's rural figures, smoothed).
    static func mobile(_ year: Int) -> Double { Math.sigmoid(0.55 * (Double(year) - 2015.5)) }

    /// Broadband coverage without a lever: rural fixed broadband's national path.
    static func trend(_ year: Int) -> Double { min(0.95, max(0.05, 0.10 + 0.06 * Double(year - 2009))) }

    /// The share of the village's households that can open a shop this year.
    func access(_ year: Int) -> Double {
        let fixed = max(coverage, Self.trend(year))
        return fixed + (1 - fixed) * Self.mobile(year)
    }

    /// The cost of one parcel from this village in fen: by distance, less at a station, less
    /// again as the village's volume fills shared runs.
    func parcelCost(_ p: Parameters) -> Double {
        let base = p.parcelBaseMinor + p.parcelPerKmMinor * km
        let station = self.station ? 1 - p.stationSaving : 1
        let volume = 1 - 0.2 * min(1, Double(parcelsOutLastYear) / 200_000)
        return base * station * volume
    }

    /// The price of an order: its industry's, less as the village's shops copy each other and
    /// as the whole country's sellers crowd the same goods.
    func price(_ p: Parameters, year: Int) -> Double {
        let erosion = p.priceErosion * (registries ? 1 - p.registryProtection : 1)
        let local = max(0.4, 1 - erosion * Math.log(1 + Double(shopsLastYear) / 50))
        return profile.priceMinor * local / (1 + p.crowding * Double(min(max(0, year - 2012), 12)))
    }

    /// Pulls a lever (MODEL.md, "Submodels: levers").
    mutating func apply(_ event: Event, year: Int, p: Parameters) {
        switch event.kind {
        case .logisticsStation: station = true
        case .broadband: coverage = max(coverage, event.coverage ?? 0)
        case .ecommercePark: park = true
        case .registries: registries = true
        case .subsidy:
            subsidyMinor = event.amountMinor ?? 0
            subsidyUntil = year + (event.years ?? 1) - 1
        case .pioneers: pendingPioneers += event.households ?? 0
        case .training:
            // Places go to households drawn at random (with repeats: person-times).
            let places = event.personTimes ?? 0
            for place in 0..<places {
                let i = Int(draws.uniform(.pick, year: year, index: place) * Double(households)) % households
                skill[i] += p.trainingGain * (1 - skill[i])
            }
        case .returnees:
            let people = event.households ?? 0
            for person in 0..<people {
                let i = Int(draws.uniform(.returnee, year: year, index: person) * Double(households)) % households
                skill[i] = max(skill[i], 0.7 + 0.3 * draws.uniform(.returnee, year: year + 1, index: person))
                capital[i] += 30_000
                reach[i] = 0
            }
        }
    }

    /// One year: the levers, then who opens a shop, what the shops sell, the recognition, and
    /// at the year's end who closes, who switches role and who opens a second shop.
    mutating func step(year: Int, events: [Event], townShare: Double, p: Parameters) -> YearFigures {
        for event in events { apply(event, year: year, p: p) }
        if let pioneers = spec.pioneers {
            for pioneer in pioneers where pioneer.year == year { pendingPioneers += pioneer.households }
        }
        var figures = YearFigures()
        let price = self.price(p, year: year)
        let priceMinor = Int64(price.rounded())
        let parcel = parcelCost(p)
        let market = Self.market(year, p)
        let access = self.access(year)
        openShops(year: year, access: access, townShare: townShare, p: p)

        // Production.
        let typical = p.baseOrders * profile.demand * market * potential
        var profits = 0.0
        var shopsOpen = 0
        var secondHalf: Int64 = 0
        var resellerOrders: Int64 = 0
        var skillSum = 0.0
        for i in 0..<households {
            skillSum += skill[i]
            let opened = Int(openYear[i])
            guard opened != 0 else { continue }
            let fromMonth = opened == year ? Int(openMonth[i]) : 1
            let openShare = cumulative[12] - cumulative[fromMonth - 1]
            let experience = min(1, 0.5 + 0.1 * Double(year - opened))
            let skillFactor = 0.3 + 1.4 * skill[i]
            let noise = Math.exp(0.5 * draws.normal(.orders, .ordersPair, year: year, index: i) - 0.125)
            let hasExtra = extraYear[i] != 0 && Int(extraYear[i]) <= year
            var total = typical * skillFactor * experience * openShare * noise * (hasExtra ? 1.5 : 1)
            if role[i] == 1 { total *= 0.8 }
            let count = Int64(min(total, 10_000_000).rounded(.down))
            orders[i] = count
            let margin = role[i] == 2 ? profile.margin : profile.margin / 2
            let months = Double(13 - fromMonth) / 12
            var fixed = role[i] == 2 ? 4_000.0 : 1_000.0
            if role[i] == 2, park { fixed *= 1 - p.parkSaving }
            let profit = Double(count) * (price * margin - parcel) / 100 - fixed * months
            capital[i] += profit
            profitable[i] = profit > 0
            profits += profit
            skill[i] += 0.04 * (1 - skill[i])
            shopsOpen += 1
            figures.householdsWithShops += 1
            if role[i] == 2 { figures.producers += 1 }
            // The household's orders by shop, then by month, for the window and activity.
            let extra = hasExtra ? count / 3 : 0
            for k in 0..<(hasExtra ? 2 : 1) {
                let shopOrders = k == 0 ? count - extra : extra
                let shopYear = k == 0 ? opened : Int(extraYear[i])
                let shopMonth = k == 0 ? Int(openMonth[i]) : 1
                figures.shops += 1
                let split = MonthSplit(
                    orders: shopOrders, from: shopYear == year ? shopMonth : 1, cumulative: cumulative)
                let firstHalf = split.through(6)
                figures.windowSalesMinor += firstHalf * priceMinor
                secondHalf += (shopOrders - firstHalf) * priceMinor
                if let months = Taobao.activityMonths(openedYear: shopYear, openedMonth: shopMonth, year: year),
                    firstHalf - split.through(3) >= Int64(months)
                {
                    figures.activeShops += 1
                }
                if traces != nil {
                    record(
                        shop: k * households + i, household: i, split: split, openedYear: shopYear,
                        openedMonth: shopMonth, year: year, priceMinor: priceMinor)
                }
            }
            figures.orders += count
            figures.salesMinor += count * priceMinor
            if role[i] == 1 { resellerOrders += count }
        }
        figures.windowSalesMinor += secondHalfLastYear
        secondHalfLastYear = secondHalf
        figures.parcelsOut = figures.orders
        // Parcels in: every connected household buys online (more once a station delivers to
        // the village), and resellers restock from producers outside.
        let purchases = 2 * Math.pow(1.25, Double(min(max(year - 2009, 0), 13))) * (station ? 1.3 : 1)
        figures.parcelsIn = Int64((Double(households) * access * purchases).rounded()) + resellerOrders / 5
        figures.parcelCostMinor = Int64(parcel.rounded())
        figures.priceMinor = priceMinor
        figures.meanSkill = skillSum / Double(households)
        figures.taobao =
            Taobao.village(
                residentsCommittee: spec.residentsCommittee ?? false, salesMinor: figures.windowSalesMinor,
                activeShops: figures.activeShops,
                households: households, year: year
            ).recognised

        endYear(year: year, p: p)
        shopsLastYear = figures.shops
        parcelsOutLastYear = figures.parcelsOut
        profitPerShop = shopsOpen > 0 ? profits / Double(shopsOpen) : 0
        return figures
    }

    /// Households without a shop decide whether to open one this year (MODEL.md, "Opening"):
    /// a connected household opens unless it resists every push at once: the spontaneous
    /// chance of the year, each profitable shop among its kin and neighbours, the village's
    /// and the town's shops in view. A subsidy raises the odds; missing savings lower them.
    private mutating func openShops(year: Int, access: Double, townShare: Double, p: Parameters) {
        if pendingPioneers > 0 {
            // The first sellers: the most skilled households without a shop.
            let ranked = (0..<households).filter { openYear[$0] == 0 }.sorted {
                skill[$0] > skill[$1] || (skill[$0] == skill[$1] && $0 < $1)
            }
            for i in ranked.prefix(pendingPioneers) {
                open(i, year: year, month: 1)
                reach[i] = 0
            }
            pendingPioneers = 0
        }
        let spontaneous = Math.sigmoid(p.entryBase + p.awareness * Double(year - 2009))
        let profit = max(0, profitPerShop)
        let subsidy = year <= subsidyUntil ? Double(subsidyMinor) / 100 : 0
        let entry = 3_000.0
        let subsidyOdds = 1 + subsidy / entry
        for i in 0..<households where openYear[i] == 0 {
            // Households the network does not reach yet sell from a relative's computer or an
            // internet café, if at all.
            let connected = reach[i] < access ? 1.0 : p.offline
            let group = Int(kin[i])
            let left = (i + households - 1) % households
            let right = (i + 1) % households
            let ties = (profitable[left] ? 1 : 0) + (profitable[right] ? 1 : 0) + Int(kinProfitable[group])
            // What a shop earns here against what the household earns otherwise.
            let convincing = min(1, profit / outside[i])
            let tie = min(1, max(0, p.imitation * convincing * (1 + p.skillWeight * (skill[i] - 0.5))))
            let stay =
                (1 - spontaneous) * (1 - min(1, p.visibility * profitableShare * convincing))
                * (1 - min(1, p.spillover * townShare * convincing))
            var chance = 1 - stay * Math.pow(1 - tie, Double(ties))
            var odds = chance / max(1e-12, 1 - chance) * subsidyOdds
            if capital[i] + subsidy < entry { odds *= 0.37 }
            chance = connected * odds / (1 + odds)
            guard draws.uniform(.open, year: year, index: i) < chance else { continue }
            open(i, year: year, month: 1 + Int(draws.uniform(.month, year: year, index: i) * 12))
        }
    }

    private mutating func open(_ i: Int, year: Int, month: Int) {
        openYear[i] = Int32(year)
        openMonth[i] = Int8(min(12, max(1, month)))
        // Early shops make what they sell (family workshops). Once a village has producers, a
        // household without the skill or savings resells theirs (division of labour, 2014).
        role[i] = producers >= max(3, households / 20) && (skill[i] < 0.6 || capital[i] < 20_000) ? 1 : 2
        capital[i] -= 3_000
        producers += role[i] == 2 ? 1 : 0
    }

    /// The year's end: losses close shops, savings and skill turn resellers into producers,
    /// busy producers open a second shop; the village's signals for next year are set.
    private mutating func endYear(year: Int, p: Parameters) {
        for g in kinProfitable.indices { kinProfitable[g] = 0 }
        var withShops = 0
        var gaining = 0
        producers = 0
        for i in 0..<households where openYear[i] != 0 {
            let chance = profitable[i] ? p.attrition : p.closeOnLoss
            if draws.uniform(.close, year: year, index: i) < chance {
                if traces != nil {
                    for shop in [i, households + i] {
                        if let index = openTraces.removeValue(forKey: shop) { traces![index].closedYear = year }
                    }
                }
                openYear[i] = 0
                extraYear[i] = 0
                role[i] = 0
                profitable[i] = false
                orders[i] = 0
                continue
            }
            withShops += 1
            if profitable[i] {
                kinProfitable[Int(kin[i])] += 1
                gaining += 1
            }
            if role[i] == 1, skill[i] > 0.6, capital[i] > 150_000 { role[i] = 2 }
            if role[i] == 2, !profitable[i] { role[i] = 1 }
            if role[i] == 2, extraYear[i] == 0, orders[i] > 8_000 { extraYear[i] = Int32(year + 1) }
            if role[i] == 2 { producers += 1 }
        }
        shareWithShops = Double(withShops) / Double(households)
        profitableShare = Double(gaining) / Double(households)
    }

    private mutating func record(
        shop: Int, household: Int, split: MonthSplit, openedYear: Int, openedMonth: Int, year: Int,
        priceMinor: Int64
    ) {
        let index: Int
        if let known = openTraces[shop] {
            index = known
        } else {
            index = traces!.count
            openTraces[shop] = index
            traces!.append(
                ShopTrace(
                    household: household, openedYear: openedYear, openedMonth: openedMonth, closedYear: nil,
                    monthlyOrders: [:], monthlySalesMinor: [:]))
        }
        let months = (1...12).map { split.through($0) - split.through($0 - 1) }
        traces![index].monthlyOrders[year] = months
        traces![index].monthlySalesMinor[year] = months.map { $0 * priceMinor }
    }
}

/// A year's orders of one shop spread over its open months by the industry's season, in whole
/// orders: the first k months get round(orders × share of months from…k), so the months add
/// up to the year exactly.
struct MonthSplit {
    let orders: Int64
    let from: Int
    let base: Double
    let whole: Double
    let cumulative: [Double]

    init(orders: Int64, from: Int, cumulative: [Double]) {
        self.orders = orders
        self.from = from
        self.cumulative = cumulative
        base = cumulative[from - 1]
        whole = cumulative[12] - base
    }

    /// Orders in the months from its opening through `month` (0 before it opened).
    func through(_ month: Int) -> Int64 {
        guard month >= from else { return 0 }
        if month >= 12 { return orders }
        return Int64((Double(orders) * (cumulative[month] - base) / whole).rounded())
    }
}
