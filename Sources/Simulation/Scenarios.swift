/// Scenarios the calibration, the tests and the benchmark share.
extension Scenario {
    /// Village D (Cao County, Shandong; field study 001) as the study tells it: the first shop
    /// in 2009, broadband from under 20 % (2010) to 80 % of the village (2013), the first
    /// logistics station (2013), training by the town, the e-commerce park and the registries
    /// (2017), about 200 young people back by today. 370 households: 346 shops are "more than
    /// 90 % of households" with some households running two.
    public static let villageD = Scenario(
        name: "Village D", start: 2009, end: 2022,
        villages: [
            VillageSpec(
                code: "D", name: "Village D", town: "Daji", households: 370, population: 1_400, industry: .costumes,
                pioneers: [.init(year: 2009, households: 1)], distanceToCountyKm: 20, potential: 5)
        ],
        events: [
            Event(year: 2010, village: "D", kind: .broadband, coverage: 0.2),
            Event(year: 2012, village: "D", kind: .broadband, coverage: 0.5),
            Event(year: 2013, village: "D", kind: .broadband, coverage: 0.8),
            Event(year: 2013, village: "D", kind: .logisticsStation),
            Event(year: 2014, village: "D", kind: .training, personTimes: 200),
            Event(year: 2016, village: "D", kind: .returnees, households: 100),
            Event(year: 2017, village: "D", kind: .ecommercePark),
            Event(year: 2017, village: "D", kind: .registries),
            Event(year: 2019, village: "D", kind: .returnees, households: 100),
        ])
}

/// A sample of China's villages for the national series: `villages` villages of
/// `households` households in all, in towns of ten, each standing for `represented / villages`
/// real ones. Their industries, sizes, distances and potentials are drawn from `seed` and the
/// parameters' potential spread; half the spread is the town's (clusters: neighbouring villages
/// share markets and crafts), half the village's own.
public enum NationalSample {
    /// China's administrative villages, about 500,000 over 2009–2022 (Ministry of Civil Affairs).
    public static let represented = 500_000.0

    public static func scenario(
        villages: Int = 5_000, households: Int = 1_500_000, seed: UInt64 = 2009, parameters: Parameters = .fitted,
        start: Int = 2009, end: Int = 2022
    ) -> Scenario {
        let draws = Draws(seed: seed, run: -1, village: -1)
        let mean = Double(households) / Double(villages)
        let industries: [(Industry, Double)] = [
            (.farmProducts, 0.30), (.mixed, 0.28), (.clothing, 0.10), (.handicrafts, 0.10), (.furniture, 0.08),
            (.costumes, 0.05), (.toys, 0.05), (.autoParts, 0.04),
        ]
        let half = parameters.potentialSpread * (0.5).squareRoot()
        var specs: [VillageSpec] = []
        var total = 0
        for v in 0..<villages {
            let town = v / 10
            let size = max(30, Int((mean * 0.88 * Math.exp(0.5 * draws.normal(.skill, .kin, index: v))).rounded()))
            var pick = draws.uniform(.month, index: v)
            var industry = Industry.mixed
            for (candidate, share) in industries {
                if pick < share {
                    industry = candidate
                    break
                }
                pick -= share
            }
            let potential =
                parameters.potentialMedian
                * Math.exp(
                    half * draws.normal(.potential, .pick, index: town) + half
                        * draws.normal(.capital, .close, index: v))
            total += size
            specs.append(
                VillageSpec(
                    code: "V\(v)", town: "T\(town)", households: size, industry: industry,
                    distanceToCountyKm: 3 + 57 * draws.uniform(.reach, index: v), potential: potential))
        }
        // Scale sizes so the sample holds `households` exactly.
        var scaled = specs.map { max(1, Int((Double($0.households) * Double(households) / Double(total)).rounded())) }
        let drift = households - scaled.reduce(0, +)
        scaled[0] = max(1, scaled[0] + drift)
        for v in specs.indices { specs[v].households = scaled[v] }
        return Scenario(
            name: "National sample", start: start, end: end, villages: specs, weight: represented / Double(villages))
    }
}
