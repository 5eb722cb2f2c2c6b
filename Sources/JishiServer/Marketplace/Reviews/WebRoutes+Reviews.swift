import Vapor

extension WebRoutes {
    /// The reviews pages.
    static func reviews(_ routes: PageRoutes) {
        routes.get(.reviewLine, ReviewController.showForm)
        routes.get(.shopReviews, ReviewController.shopReviews)
        routes.post(.reviewReport, ReviewController.report)
        // A review or a reply has up to 2,000 characters (three bytes each, percent-encoded).
        routes.post(.reviewLine, maxBytes: ReviewController.maxFormBytes, ReviewController.write)
        routes.post(.reviewReply, maxBytes: ReviewController.maxFormBytes, ReviewController.reply)
        routes.postStreaming(.reviewPhoto, ReviewPhotoController.add)
    }
}
