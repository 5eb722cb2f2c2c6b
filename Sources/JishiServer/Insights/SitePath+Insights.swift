import Foundation

extension SitePath {
    /// Year Y's Taobao villages, towns and clusters (`?year=`), for officials and admins; prints.
    static let recognition = SitePath("/insights/recognition", page: true)
    /// The same report as a CSV file with the evidence of every decision.
    static let recognitionCSV = SitePath("/insights/recognition/csv", page: false)
    /// The division list and other platforms' shops and sales, loaded from CSV files.
    static let insightsImports = SitePath("/insights/imports", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let insightsPaths: [SitePath] = [.recognition, .recognitionCSV, .insightsImports]
}
