import Community
import Foundation

/// AliResearch's recognition of Taobao villages, towns and county clusters, exactly as
/// `../shared/DOMAIN.md` says Jishi computes them for year Y. Every rule is here once; the
/// service's SQL takes its dates and thresholds from these values.
public enum Recognition {
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
    /// The years Jishi recognises: from the first list (2009) on.
    public static let years = 2009...2099

    /// The dates of year Y's evaluation.
    public struct Window: Hashable, Sendable {
        public var year: Int

        public init(year: Int) {
            self.year = year
        }

        /// The evaluation date E, 30 June Y.
        public var evaluation: String { String(format: "%04d-06-30", year) }
        /// E − 30 days, 31 May Y: a shop opened after it is not active at E.
        public var openedBy: String { String(format: "%04d-05-31", year) }
        /// The first and last months of the sales window W (July Y−1 … June Y).
        public var firstMonth: String { String(format: "%04d-07", year - 1) }
        public var lastMonth: String { String(format: "%04d-06", year) }
        /// The three months whose orders decide activity: April, May and June Y.
        public var activityMonths: [String] { (4...6).map { String(format: "%04d-%02d", year, $0) } }
        /// Their first days.
        public var activityMonthStarts: [String] { (4...6).map { String(format: "%04d-%02d-01", year, $0) } }

        /// The number of April, May and June Y in which a shop opened on `openedOn` (and open at
        /// E) was open on at least one day: 3 if it opened before 1 April, 2 in April, 1 in May.
        public func monthsOpen(openedOn: String) -> Int {
            activityMonthStarts.filter { start in
                // Open on some day of the month whose first day is `start`: it opened on or
                // before the month's last day, i.e. before the next month's first.
                openedOn < Self.nextMonth(start)
            }.count
        }

        static func nextMonth(_ firstDay: String) -> String {
            let parts = firstDay.split(separator: "-")
            let year = Int(parts[0])!
            let month = Int(parts[1])!
            return month == 12
                ? String(format: "%04d-01-01", year + 1) : String(format: "%04d-%02d-01", year, month + 1)
        }
    }

    /// Whether a shop is active at E: opened on or before E − 30 days, not closed on or before
    /// E, and at least one order per month open in April–June Y.
    public static func isActive(openedOn: String, closedOn: String?, activityOrders: Int64, in window: Window) -> Bool {
        guard openedOn <= window.openedBy else { return false }
        if let closedOn, closedOn <= window.evaluation { return false }
        return activityOrders >= Int64(window.monthsOpen(openedOn: openedOn))
    }

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

    /// The decision for a village of `kind` with its year's figures.
    public static func village(
        kind: Village.Kind, salesMinor: Int64, activeShops: Int, households: Int, year: Int
    ) -> VillageReason {
        if kind == .residents, year >= 2020 { return .residentsCommittee }
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

    /// The decision for a town of `kind`, with its villages' sums and its Taobao villages.
    public static func town(
        kind: Town.Kind, salesMinor: Int64, activeShops: Int, taobaoVillages: Int, year: Int
    ) -> TownReason {
        if kind == .subdistrict, year >= 2020 { return .subdistrict }
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
}
