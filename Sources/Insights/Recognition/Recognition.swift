import Community
import Foundation
import TaobaoRules

/// AliResearch's recognition of Taobao villages, towns and county clusters, exactly as
/// `../shared/DOMAIN.md` says Jishi computes them for year Y: the dates of the window and the
/// day-exact activity rule here, the decisions in `Taobao` (module TaobaoRules), which the
/// simulation shares. The service's SQL takes its dates and thresholds from these values.
public enum Recognition {
    /// CNY 10,000,000 in fen: a Taobao village's sales, at least.
    public static let villageSalesMinor = Taobao.villageSalesMinor
    /// Active shops that make a Taobao village whatever its size.
    public static let villageActiveShops = Taobao.villageActiveShops
    /// CNY 30,000,000 in fen: the 2019 town alternative's sales, strictly above.
    public static let townSalesMinor = Taobao.townSalesMinor
    /// Active shops of the 2019 town alternative, strictly above.
    public static let townActiveShops = Taobao.townActiveShops
    /// Taobao villages that make a Taobao town.
    public static let townVillages = Taobao.townVillages
    /// The years Jishi recognises: from the first list (2009) on.
    public static let years = 2009...2099

    /// The dates of an evaluation at the end of a month: year Y's recognition is evaluated at
    /// the end of June Y; the growth figures use the same rule at any month's end.
    public struct Window: Hashable, Sendable {
        /// The month whose last day is the evaluation date (June Y for year Y's list).
        public var year: Int
        public var month: Int

        /// Year Y's recognition: evaluated on 30 June Y.
        public init(year: Int) {
            self.init(year: year, month: 6)
        }

        /// An evaluation on the last day of `month` of `year`.
        public init(year: Int, month: Int) {
            self.year = year
            self.month = month
        }

        /// Months counted from year 0's January.
        private var index: Int { year * 12 + month - 1 }

        /// YYYY-MM of a month counted from year 0's January.
        static func month(_ index: Int) -> String { String(format: "%04d-%02d", index / 12, index % 12 + 1) }

        static var calendar: Calendar {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar
        }

        /// The evaluation date E, the month's last day (30 June Y for year Y's list).
        public var evaluation: String {
            let first = Self.calendar.date(from: DateComponents(year: year, month: month, day: 1))!
            let last = Self.calendar.date(byAdding: DateComponents(month: 1, day: -1), to: first)!
            return Self.day(last)
        }

        /// E − 30 days (31 May Y for year Y's list): a shop opened after it is not active at E.
        public var openedBy: String {
            let parts = evaluation.split(separator: "-").map { Int($0)! }
            let end = Self.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
            return Self.day(Self.calendar.date(byAdding: .day, value: -30, to: end)!)
        }

        private static func day(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }

        /// The first and last months of the sales window W, the twelve months to the evaluation
        /// (July Y−1 … June Y for year Y's list).
        public var firstMonth: String { Self.month(index - 11) }
        public var lastMonth: String { Self.month(index) }
        /// The three months whose orders decide activity (April, May and June Y).
        public var activityMonths: [String] { (index - 2...index).map(Self.month) }
        /// Their first days.
        public var activityMonthStarts: [String] { activityMonths.map { $0 + "-01" } }

        /// The number of the three activity months (April, May and June Y) in which a shop opened
        /// on `openedOn` (and open at E) was open on at least one day: 3 if it opened before the
        /// first, 2 in the first, 1 in the second.
        public func monthsOpen(openedOn: String) -> Int {
            Activity(self).monthsOpen(openedOn: openedOn)
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
        Activity(window).isActive(openedOn: openedOn, closedOn: closedOn, activityOrders: activityOrders)
    }

    /// The activity rule at one evaluation, its dates worked out once: the village ledger
    /// (`VillageMonths`) asks it of every shop at every month it sold in.
    public struct Activity: Sendable {
        /// E − 30 days.
        public let openedBy: String
        /// E.
        public let evaluation: String
        /// The first day after each of the three activity months.
        let monthEnds: [String]

        public init(_ window: Window) {
            openedBy = window.openedBy
            evaluation = window.evaluation
            monthEnds = window.activityMonthStarts.map(Window.nextMonth)
        }

        /// The activity months a shop opened on `openedOn` was open on at least one day of: it
        /// opened on or before the month's last day, i.e. before the next month's first.
        public func monthsOpen(openedOn: String) -> Int {
            monthEnds.filter { openedOn < $0 }.count
        }

        /// Whether a shop is active at E: opened on or before E − 30 days, not closed on or
        /// before E, and at least one order per month open in the three months to E.
        public func isActive(openedOn: String, closedOn: String?, activityOrders: Int64) -> Bool {
            guard openedOn <= openedBy else { return false }
            if let closedOn, closedOn <= evaluation { return false }
            return activityOrders >= Int64(monthsOpen(openedOn: openedOn))
        }
    }

    /// Why a village was recognised or not, in that order of checking.
    public typealias VillageReason = Taobao.VillageReason

    /// The decision for a village of `kind` with its year's figures.
    public static func village(
        kind: Village.Kind, salesMinor: Int64, activeShops: Int, households: Int, year: Int
    ) -> VillageReason {
        Taobao.village(
            residentsCommittee: kind == .residents, salesMinor: salesMinor, activeShops: activeShops,
            households: households, year: year)
    }

    /// Why a town was recognised or not.
    public typealias TownReason = Taobao.TownReason

    /// The decision for a town of `kind`, with its villages' sums and its Taobao villages.
    public static func town(
        kind: Town.Kind, salesMinor: Int64, activeShops: Int, taobaoVillages: Int, year: Int
    ) -> TownReason {
        Taobao.town(
            subdistrict: kind == .subdistrict, salesMinor: salesMinor, activeShops: activeShops,
            taobaoVillages: taobaoVillages, year: year)
    }

    /// A county's cluster level by its number of Taobao villages.
    public typealias Cluster = Taobao.Cluster
}
