import Foundation

extension SitePath {
    static let search = SitePath("/search", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let searchPaths: [SitePath] = [.search]
}
