import Foundation

/// How many products each category and town would show: the filter bar's counts.
///
/// A text query's counts are exact up to a point: past it they are estimates from a fixed sample
/// of the search rows (``SearchIndex/Sample``), and ``estimated`` says so.
public struct SearchFacets: Hashable, Sendable {
    public var categories: [UUID: Int]
    public var towns: [UUID: Int]
    /// The counts are sixteen times those of the sampled matches (``SearchIndex/Sample``): a bucket's count is
    /// near its true one, and a bucket with few matches may be missing.
    public var estimated: Bool

    public init(categories: [UUID: Int] = [:], towns: [UUID: Int] = [:], estimated: Bool = false) {
        self.categories = categories
        self.towns = towns
        self.estimated = estimated
    }

    /// An estimated count as a buyer is shown it: rounded to two figures (12,345 is 12,000), since
    /// the figures after them are the sample's noise.
    public static func shown(_ estimate: Int) -> Int {
        var unit = 1
        while estimate / unit >= 100 { unit *= 10 }
        return (estimate + unit / 2) / unit * unit
    }
}
