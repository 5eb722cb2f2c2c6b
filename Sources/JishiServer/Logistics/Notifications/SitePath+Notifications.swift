import Foundation

extension SitePath {
    /// The signed-in account's notices: its parcels that have arrived.
    static let notifications = SitePath("/notifications", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let notificationsPaths: [SitePath] = [.notifications]
}
