/// AliResearch's decisions on Taobao villages, towns and county clusters, exactly as
/// `../shared/DOMAIN.md` says Jishi computes them for year Y, once for the two modules that
/// judge: Insights on a county's recorded figures and Simulation on modelled ones. Only the
/// standard library, so the pure simulation can stand on it.
public enum Taobao {
    /// CNY 10,000,000 in fen: a Taobao village's sales, at least.
    public static let villageSalesMinor: Int64 = 1_000_000_000
    /// Active shops that make a Taobao village whatever its size.
    public static let villageActiveShops = 100
    /// CNY 30,000,000 in fen: the 2019 town alternative's sales, strictly above.
    public static let townSalesMinor: Int64 = 3_000_000_000
    /// Active shops of the 2019 town alternative, strictly above.
    public static let townActiveShops = 300
    /// Taobao villages that make a Taobao town.
    public static let townVillages = 3

    /// Why a village was recognised or not, in that order of checking.
    public enum VillageReason: String, Codable, Sendable, CaseIterable {
        /// Recognised: 100 active shops or more.
        case activeShops = "active_shops"
        /// Recognised: active shops are at least 10 % of households (but fewer than 100).
        case householdShare = "household_share"
        /// Not: a residents' committee, from 2020.
        case residentsCommittee = "residents_committee"
        /// Not: sales under CNY 10,000,000.
        case salesBelow = "sales_below"
        /// Not: fewer than 100 active shops and fewer than 10 % of households.
        case tooFewActiveShops = "too_few_active_shops"

        public var recognised: Bool { self == .activeShops || self == .householdShare }
    }

    /// The decision for a village with its year's figures: sales in the window July Y−1 …
    /// June Y, shops active on 30 June Y, census households.
    public static func village(
        residentsCommittee: Bool, salesMinor: Int64, activeShops: Int, households: Int, year: Int
    ) -> VillageReason {
        if residentsCommittee, year >= 2020 { return .residentsCommittee }
        if salesMinor < villageSalesMinor { return .salesBelow }
        if activeShops >= villageActiveShops { return .activeShops }
        if 10 * activeShops >= households { return .householdShare }
        return .tooFewActiveShops
    }

    /// Why a town was recognised or not.
    public enum TownReason: String, Codable, Sendable, CaseIterable {
        /// Recognised: three Taobao villages or more.
        case taobaoVillages = "taobao_villages"
        /// Recognised (from 2019): town sales above CNY 30,000,000 and more than 300 active shops.
        case salesAndShops = "sales_and_shops"
        /// Not: a sub-district, from 2020.
        case subdistrict = "subdistrict"
        /// Not: fewer than three Taobao villages (and, from 2019, not the sales and shops either).
        case tooFew = "too_few"

        public var recognised: Bool { self == .taobaoVillages || self == .salesAndShops }
    }

    /// The decision for a town, with its villages' sums and its Taobao villages.
    public static func town(
        subdistrict: Bool, salesMinor: Int64, activeShops: Int, taobaoVillages: Int, year: Int
    ) -> TownReason {
        if subdistrict, year >= 2020 { return .subdistrict }
        if taobaoVillages >= townVillages { return .taobaoVillages }
        if year >= 2019, salesMinor > townSalesMinor, activeShops > townActiveShops { return .salesAndShops }
        return .tooFew
    }

    /// A county's cluster level by its number of Taobao villages.
    public enum Cluster: String, Codable, Sendable, CaseIterable {
        case none, cluster, large
        case superLarge = "super_large"

        public init(taobaoVillages n: Int) {
            self = n >= 100 ? .superLarge : n >= 30 ? .large : n >= 10 ? .cluster : .none
        }
    }

    /// The activity rule in whole months, for a shop that opened on the first day of
    /// `openedMonth` (1–12) of `openedYear` and is still open on 30 June `year`: whether it
    /// opened on or before 31 May (E − 30 days), and in how many of April, May and June it was
    /// open. The day-exact rule is `Recognition.Activity` in Insights; a test holds the two to
    /// the same answers.
    public static func activityMonths(openedYear: Int, openedMonth: Int, year: Int) -> Int? {
        if openedYear < year { return 3 }
        guard openedYear == year, openedMonth <= 5 else { return nil }
        return openedMonth <= 4 ? 3 : 2
    }
}
