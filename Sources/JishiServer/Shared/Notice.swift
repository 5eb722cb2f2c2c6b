import JishiKit

/// Messages a page shows after a form sent the browser to it (`?notice=…`), so that a
/// redirect after a POST can still say what happened.
enum Notice: String, CaseIterable, Sendable {
    case addedToCart = "added"
    case cartUpdated = "cart"
    case paid
    case cancelled
    case confirmed
    case refundRequested = "refund"
    case shipped
    case delivered
    case shopOpened = "opened"
    case productAdded = "product"
    case productSaved = "saved"
    case variantAdded = "variant"
    case priceSaved = "price"
    case stockSaved = "stock"
    case photoAdded = "photo"
    case photoRemoved = "unphoto"
    case cashOrder = "cash"
    case linked
    case offerSaved = "offer"
    case offerWithdrawn = "withdrawn"
    case approvalRequested = "asked"
    case decided
    case supplyMoved = "supply"
    case reviewed
    case replied
    case reported
    case blocked
    case unblocked

    var l10nKey: L10nKey {
        switch self {
        case .addedToCart: .noticeAddedToCart
        case .cartUpdated: .noticeCartUpdated
        case .paid: .noticePaid
        case .cancelled: .noticeCancelled
        case .confirmed: .noticeConfirmed
        case .refundRequested: .noticeRefundRequested
        case .shipped: .noticeShipped
        case .delivered: .noticeDelivered
        case .shopOpened: .noticeShopOpened
        case .productAdded: .noticeProductAdded
        case .productSaved: .noticeProductSaved
        case .variantAdded: .noticeVariantAdded
        case .priceSaved: .noticePriceSaved
        case .stockSaved: .noticeStockSaved
        case .photoAdded: .noticePhotoAdded
        case .photoRemoved: .noticePhotoRemoved
        case .cashOrder: .noticeCashOrder
        case .linked: .noticeLinked
        case .offerSaved: .noticeOfferSaved
        case .offerWithdrawn: .noticeOfferWithdrawn
        case .approvalRequested: .noticeApprovalRequested
        case .decided: .noticeDecided
        case .supplyMoved: .noticeSupplyMoved
        case .reviewed: .noticeReviewed
        case .replied: .noticeReplied
        case .reported: .noticeReported
        case .blocked: .noticeBlocked
        case .unblocked: .noticeUnblocked
        }
    }

    /// `path` with this notice in its query.
    func on(_ path: String) -> String { path + (path.contains("?") ? "&" : "?") + "notice=" + rawValue }
}
