import Foundation

extension SitePath {
    /// A parcel's printable label, for whoever may read the parcel.
    static let parcelLabel = SitePath("/parcels/:parcel/label", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let labelsPaths: [SitePath] = [.parcelLabel]
}
