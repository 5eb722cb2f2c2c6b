import Foundation

extension SitePath {
    /// Where is my parcel: a carrier, a tracking number and the phone's last 4 digits.
    static let track = SitePath("/track", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let trackingPaths: [SitePath] = [.track]
}
