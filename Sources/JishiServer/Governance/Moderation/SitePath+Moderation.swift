import Foundation

extension SitePath {
    static let reportedReviews = SitePath("/manage/reviews", page: true)
    static let hideReview = SitePath("/manage/reviews/:review/hide", page: false)
    static let restoreReview = SitePath("/manage/reviews/:review/restore", page: false)
    static let moderatedShops = SitePath("/manage/shops", page: true)
    static let moderatedShop = SitePath("/manage/shops/:shop", page: true)
    static let suspendShop = SitePath("/manage/shops/:shop/suspend", page: false)
    static let reinstateShop = SitePath("/manage/shops/:shop/reinstate", page: false)

    /// This feature's paths, for `SitePath.governancePaths`.
    static let moderationPaths: [SitePath] = [
        .reportedReviews, .hideReview, .restoreReview, .moderatedShops, .moderatedShop, .suspendShop, .reinstateShop,
    ]
}
