import Foundation
import Insights
import Testing

/// The quality alerts' rules at their thresholds: a category's price war, a village's refunds
/// and its rating.
@Suite("Insights: quality and price alerts at their thresholds")
struct QualityRuleTests {
    typealias Row = QualityWatch.Row

    static func category(_ month: String, price: Int64, shops: Int, orders: Int = 10) -> Row {
        Row(month: month, level: .category, code: "costumes", orders: orders, medianPriceMinor: price, shops: shops)
    }

    static func village(orders: Int = 10, refunded: Int = 0, reviews: Int = 0, stars: Int = 0) -> Row {
        Row(
            month: "2014-06", level: .village, code: "371721105201", orders: orders, refundedOrders: refunded,
            reviews: reviews, ratingTotal: stars, shops: 3)
    }

    static func raised(_ rows: [Row], rules: QualityWatch.Rules = QualityWatch.Rules()) -> [String] {
        QualityWatch.alerts(in: rows, month: "2014-06", rules: rules).map { "\($0.kind.rawValue) \($0.subject)" }
    }

    @Test func aPriceWarIsAFallOfMoreThanTheShareWhileMoreShopsSell() {
        // Three months before: March. 10,000 fen then; the default rule is a fall of more than 20 %.
        let march = Self.category("2014-03", price: 10_000, shops: 40)
        #expect(Self.raised([march, Self.category("2014-06", price: 7_999, shops: 41)]) == ["price_war costumes"])
        #expect(Self.raised([march, Self.category("2014-06", price: 8_000, shops: 41)]).isEmpty)  // exactly 20 %
        #expect(Self.raised([march, Self.category("2014-06", price: 5_000, shops: 40)]).isEmpty)  // no more shops
        // Too few orders.
        #expect(Self.raised([march, Self.category("2014-06", price: 5_000, shops: 60, orders: 4)]).isEmpty)
        #expect(Self.raised([Self.category("2014-06", price: 5_000, shops: 60)]).isEmpty)  // nothing to compare with
        #expect(
            Self.raised([
                Self.category("2014-04", price: 10_000, shops: 40), Self.category("2014-06", price: 5_000, shops: 60),
            ]).isEmpty)
        var strict = QualityWatch.Rules()
        strict.priceDropShare = 0.1
        #expect(
            Self.raised([march, Self.category("2014-06", price: 8_500, shops: 41)], rules: strict) == [
                "price_war costumes"
            ])
        let alert = QualityWatch.alerts(
            in: [march, Self.category("2014-06", price: 7_000, shops: 52)], month: "2014-06", rules: .init())
        #expect(alert.first?.value == 7_000 && alert.first?.previous == 10_000)
        #expect(alert.first?.shops == 52 && alert.first?.previousShops == 40)
    }

    @Test func aVillagesRefundsAndRatingAtTheirThresholds() {
        // 15 % refunded is the default threshold; from 5 orders.
        #expect(Self.raised([Self.village(orders: 20, refunded: 3)]) == ["refund_rate 371721105201"])
        #expect(Self.raised([Self.village(orders: 20, refunded: 2)]).isEmpty)
        #expect(Self.raised([Self.village(orders: 4, refunded: 4)]).isEmpty)
        // A rating of 3.5 or less, from 3 reviews: 3 reviews of 3 stars each way is 31.5 stars.
        #expect(Self.raised([Self.village(reviews: 3, stars: 31)]) == ["rating 371721105201"])
        #expect(Self.raised([Self.village(reviews: 3, stars: 32)]).isEmpty)
        #expect(Self.raised([Self.village(reviews: 2, stars: 6)]).isEmpty)
        #expect(
            Self.raised([Self.village(orders: 10, refunded: 5, reviews: 4, stars: 12)])
                == ["rating 371721105201", "refund_rate 371721105201"])
        // Another month's rows raise nothing for this one.
        var april = Self.village(orders: 20, refunded: 20)
        april.month = "2014-04"
        #expect(Self.raised([april]).isEmpty)
    }
}
