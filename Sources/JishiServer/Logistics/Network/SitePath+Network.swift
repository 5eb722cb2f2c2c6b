import Foundation

extension SitePath {
    /// The county network's nodes, for a dispatcher or admin, and the form to add one.
    static let network = SitePath("/network", page: true)
    /// One node's form.
    static let networkNode = SitePath("/network/:node", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let networkPaths: [SitePath] = [.network, .networkNode]
}
