import Foundation

/// How many products each category and town would show: the filter bar's counts.
public struct SearchFacets: Hashable, Sendable {
    public var categories: [UUID: Int]
    public var towns: [UUID: Int]

    public init(categories: [UUID: Int] = [:], towns: [UUID: Int] = [:]) {
        self.categories = categories
        self.towns = towns
    }
}
