import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// What a linked variant costs its reseller and where its stock comes from, at checkout.
struct SupplyTerms: Sendable {
    var sourceVariantID: UUID
    var producerShopID: UUID
    var title: String
    var variantName: String
    var sku: String
    var tiers: PriceTiers

    /// One line to find terms for: `key` names it in the answer.
    struct Request: Sendable {
        var key: UUID
        var sourceVariantID: UUID
        var resellerShopID: UUID
        var field: String
    }
}
