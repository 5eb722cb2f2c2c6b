import Foundation

extension SitePath {
    static let statement = SitePath("/shops/:shop/statement", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let statementsPaths: [SitePath] = [.statement]
}
