import Foundation

extension SitePath {
    /// What the county sees (`?from=&to=&town=&day=&compare=`), for its officials, dispatchers and admins.
    static let figures = SitePath("/figures", page: true)
    /// The same figures as a CSV file.
    static let figuresCSV = SitePath("/figures/csv", page: false)
    /// A run's printable manifest.
    static let runManifest = SitePath("/dispatch/runs/:run/manifest", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let figuresPaths: [SitePath] = [.figures, .figuresCSV, .runManifest]
}
