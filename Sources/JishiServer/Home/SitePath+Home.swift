import Foundation

extension SitePath {
    static let home = SitePath("/", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let homePaths: [SitePath] = [.home]
}
