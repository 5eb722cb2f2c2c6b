import Foundation

extension SitePath {
    /// GET the review form for one line of a delivered order; POST writes the review.
    static let reviewLine = SitePath("/orders/:order/lines/:line/review", page: true)
    static let shopReviews = SitePath("/shops/:shop/reviews", page: true)
    static let reviewReply = SitePath("/reviews/:review/reply", page: false)
    static let reviewReport = SitePath("/reviews/:review/report", page: false)
    static let reviewPhoto = SitePath("/reviews/:review/photos", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let reviewsPaths: [SitePath] = [.reviewLine, .shopReviews, .reviewReply, .reviewReport, .reviewPhoto]
}
