import Foundation

extension SitePath {
    /// The messages Jishi has sent to people's phones, for an admin.
    static let outbox = SitePath("/admin/outbox", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let messagesPaths: [SitePath] = [.outbox]
}
