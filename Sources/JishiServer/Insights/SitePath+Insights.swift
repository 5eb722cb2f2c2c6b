import Foundation

extension SitePath {
    /// Year Y's Taobao villages, towns and clusters (`?year=`), for officials and admins; prints.
    static let recognition = SitePath("/insights/recognition", page: true)
    /// The same report as a CSV file with the evidence of every decision.
    static let recognitionCSV = SitePath("/insights/recognition/csv", page: false)
    /// The division list and other platforms' shops and sales, loaded from CSV files.
    static let insightsImports = SitePath("/insights/imports", page: true)

    /// Every shop of the county on any platform, its snapshots and their changes (`?from=&to=`).
    static let registry = SitePath("/insights/registry", page: true)
    /// The registry (or a month's snapshot, `?month=`) as CSV.
    static let registryCSV = SitePath("/insights/registry/csv", page: false)
    /// The changes between two snapshots as CSV (`?from=&to=`).
    static let registryChangesCSV = SitePath("/insights/registry/changes/csv", page: false)
    /// Takes the current month's snapshot now.
    static let registrySnapshots = SitePath("/insights/registry/snapshots", page: false)

    /// How a place grew (`?place=&by=year|month`), with the county map.
    static let growth = SitePath("/insights/growth", page: true)
    /// The same figures as CSV.
    static let growthCSV = SitePath("/insights/growth/csv", page: false)

    /// Where the next stations go (`?place=&sites=&objective=&radius=&demand=`).
    static let siting = SitePath("/insights/siting", page: true)

    /// A month's quality and prices with the alerts (`?month=`).
    static let quality = SitePath("/insights/quality", page: true)
    /// Looks at a month for alerts now.
    static let qualityDetect = SitePath("/insights/quality/detect", page: false)
    /// Sets the alerts' thresholds.
    static let qualityRules = SitePath("/insights/quality/rules", page: false)
    /// Acknowledges or closes an alert.
    static let qualityDecision = SitePath("/insights/alerts/:alert/decision", page: false)

    /// A seller's shops on other platforms and their monthly sales.
    static let platformShops = SitePath("/insights/my-platform-shops", page: true)
    /// A month's orders and sales of one of them.
    static let platformShopSales = SitePath("/insights/my-platform-shops/:shop/sales", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let insightsPaths: [SitePath] = [
        .recognition, .recognitionCSV, .insightsImports, .registry, .registryCSV, .registryChangesCSV,
        .registrySnapshots, .growth, .growthCSV, .siting, .quality, .qualityDetect, .qualityRules, .qualityDecision,
        .platformShops, .platformShopSales,
    ]
}
