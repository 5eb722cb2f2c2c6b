import JishiKit
import Marketplace

/// The localised names of the marketplace's states and choices.
extension OrderStatus {
    var l10nKey: L10nKey {
        switch self {
        case .pendingPayment: .orderStatusPendingPayment
        case .paid: .orderStatusPaid
        case .shipped: .orderStatusShipped
        case .delivered: .orderStatusDelivered
        case .completed: .orderStatusCompleted
        case .cancelled: .orderStatusCancelled
        case .refunded: .orderStatusRefunded
        }
    }
}

extension Carrier {
    var l10nKey: L10nKey {
        switch self {
        case .zto: .carrierZTO
        case .yto: .carrierYTO
        case .sto: .carrierSTO
        case .yunda: .carrierYunda
        case .jt: .carrierJT
        case .sf: .carrierSF
        case .ems: .carrierEMS
        case .jd: .carrierJD
        case .shop: .carrierShop
        }
    }
}

extension Refund.Status {
    var l10nKey: L10nKey {
        switch self {
        case .requested: .refundStatusRequested
        case .approved: .refundStatusApproved
        case .rejected: .refundStatusRejected
        case .goodsReturned: .refundStatusGoodsReturned
        case .refunded: .refundStatusRefunded
        }
    }
}

extension Shop.Kind {
    var l10nKey: L10nKey {
        switch self {
        case .individual: .shopKindIndividual
        case .enterprise: .shopKindEnterprise
        }
    }
}

extension Shop.Status {
    var l10nKey: L10nKey {
        switch self {
        case .active: .shopStatusActive
        case .suspended: .shopStatusSuspended
        case .closed: .shopStatusClosed
        }
    }
}

extension Checkout.PaymentMethod {
    var l10nKey: L10nKey {
        switch self {
        case .online: .paymentMethodOnline
        case .cashAtStation: .paymentMethodCash
        }
    }
}

extension SearchQuery.Sort {
    var l10nKey: L10nKey {
        switch self {
        case .relevance: .searchSortRelevance
        case .priceAsc: .searchSortPriceAsc
        case .priceDesc: .searchSortPriceDesc
        case .sales: .searchSortSales
        case .newest: .searchSortNewest
        case .rating: .searchSortRating
        }
    }
}

extension Category {
    /// The category's name in the page's language.
    func name(_ language: JishiKit.Language) -> String { language == .zhHans ? name : nameEn }
}

/// What an order's history says about a step: the reasons the services record, in words the
/// page's reader understands; anything else (a buyer's own words) as written.
enum OrderReason {
    static func text(_ reason: String, _ context: PageContext) -> String {
        switch reason {
        case "checkout": return context.text(.reasonCheckout)
        case "payment window closed": return context.text(.reasonPaymentWindowClosed)
        case "shipped": return context.text(.reasonShipped)
        case "delivered": return context.text(.reasonDelivered)
        case "received": return context.text(.reasonReceived)
        case "fully refunded": return context.text(.reasonFullyRefunded)
        case "cancelled by buyer": return context.text(.reasonCancelledByBuyer)
        default:
            // The payment provider's reference is for the shop and support, not for the page.
            if reason.hasPrefix("paid by ") { return context.text(.reasonPaid) }
            if reason.hasPrefix("refunded ") {
                let amount = reason.dropFirst(9).prefix { $0 != " " }
                return context.text(.reasonRefunded, String(amount))
            }
            return reason
        }
    }
}
