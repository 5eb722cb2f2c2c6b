import Foundation

extension SitePath {
    static let manage = SitePath("/manage", page: true)

    /// The staff pages' paths (the hub, moderation, administration), for `SitePath.allCases`.
    static let governancePaths: [SitePath] = [.manage] + moderationPaths + administrationPaths
}
