import Foundation
import JishiKit
import Marketplace
import Plot
import Testing

@testable import JishiServer

/// The marketplace pages' pieces without an app: paths, money typed into forms, menus.
@Suite("Web: marketplace pieces")
struct WebMarketViewModelTests {
    static let id = UUID(uuidString: "0A1B2C3D-0000-4000-8000-000000000001")!

    @Test func pathsWithIdsAreMadeAndMatched() {
        #expect(SitePath.order.path(Self.id) == "/orders/0a1b2c3d-0000-4000-8000-000000000001")
        #expect(SitePath.page(at: SitePath.order.path(Self.id)) == .order)
        #expect(SitePath.page(at: "/shops/new") == .openShop, "a constant segment is not taken for an id")
        #expect(SitePath.page(at: "/orders/not-an-id") == nil)
        #expect(SitePath.page(at: SitePath.orderCancel.path(Self.id)) == nil, "an action is never a destination")
        #expect(SitePath.pagePath("/search?q=%E6%B1%89&sort=price_asc") == "/search?q=%E6%B1%89&sort=price_asc")
        #expect(SitePath.pagePath("/search?q=<script>") == nil)
        #expect(SitePath.pagePath("//evil.example/orders") == nil)
        #expect(SitePath.logIn(returningTo: "/cart?notice=added") == "/login?next=%2Fcart%3Fnotice%3Dadded")
    }

    @Test func pricesAreReadAsFenAndNothingElse() {
        #expect(FormInput.yuan("12") == 1_200)
        #expect(FormInput.yuan("12.5") == 1_250)
        #expect(FormInput.yuan(" ¥12.05 ") == 1_205)
        #expect(FormInput.yuan("￥0.99") == 99)
        // As villagers type them: with the unit, full-width, a Chinese full stop.
        for (typed, fen) in [
            ("45", 4_500), ("45.5", 4_550), ("45元", 4_500), ("¥45", 4_500), ("45.00", 4_500), ("45 块", 4_500),
            ("４５", 4_500), ("４５．５元", 4_550), ("45。5", 4_550), ("￥45元", 4_500),
        ] as [(String, Int64)] {
            #expect(FormInput.yuan(typed) == fen, "\(typed)")
        }
        for bad in ["", "12.345", "1,200", "-3", "1e3", "12.", ".5", "元", "45元元", "45美元", "四十五"] {
            #expect(FormInput.yuan(bad) == nil, "\(bad)")
        }
        #expect(FormInput.yuanText(1_250) == "12.50")
        #expect(FormInput.count("007") == 7 && FormInput.count("１２") == 12)
        #expect(FormInput.count("3.0") == nil && FormInput.count("-1") == nil)
    }

    @Test func anEmptyMenuChoiceIsSentEmptyNotAsItsText() {
        let context = PageContext(language: .en, csrfToken: "T", current: .checkout)
        let field = FormField(
            name: "village", label: .fieldVillage,
            kind: .menu([
                FormField.MenuGroup(heading: nil, choices: [("", "Outside the county")]),
                FormField.MenuGroup(heading: "East & <Town>", choices: [("v1", "Shijing")]),
            ]), value: "v1")
        let html = Node<HTML.BodyContext>.group(field.node(context)).render()
        // `value` with nothing after it is an empty value, not a missing one.
        #expect(html.contains(#"<option value>Outside the county</option>"#))
        #expect(html.contains(#"<optgroup label="East &amp; &lt;Town&gt;"><option value="v1" selected>Shijing"#))
    }

    @Test func statementPeriodsAreWholeDaysInChinaTime() {
        var model = StatementPage.Model(shopID: Self.id, shopName: "店", from: "2026-11-01", to: "2026-11-30")
        let period = model.period()
        #expect(period?.from == Date(timeIntervalSince1970: 1_793_462_400))  // 2026-11-01 00:00 +08:00
        #expect(period?.to == Date(timeIntervalSince1970: 1_793_462_400 + 30 * 86_400))
        var backwards = StatementPage.Model(shopID: Self.id, shopName: "店", from: "2026-11-30", to: "2026-11-01")
        #expect(backwards.period() == nil && backwards.errors[.to] == FormMessage(.errorDateOrder))
        var nonsense = StatementPage.Model(shopID: Self.id, shopName: "店", from: "2026-02-30", to: "soon")
        #expect(nonsense.period() == nil && nonsense.errors.count == 2)
    }
}
