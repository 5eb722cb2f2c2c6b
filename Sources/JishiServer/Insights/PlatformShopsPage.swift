import Community
import FluentKit
import Foundation
import Insights
import JishiKit
import Marketplace
import Plot
import Vapor

/// `/insights/my-platform-shops`: a seller reports the shops they run on other platforms
/// (Taobao, Pinduoduo, Douyin …) and each month's orders and sales, so that the county's figures
/// and recognition count all of a village's trade.
enum PlatformShopsPage {
    struct Model: Sendable {
        var shops: [SellerReports.Shop]
        var villages: [(code: String, name: String)]
        var categories: [(code: String, name: String)]
        var month: String
        var notice: String?
        var failure: String?
        var typed: [String: String] = [:]
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        return try await page(request, session: session, principal: try session.requirePrincipal())
    }

    static func page(
        _ request: Request, session: WebSession, principal: Principal, notice: String? = nil, failure: String? = nil,
        typed: [String: String] = [:]
    ) async throws -> Response {
        let zh = session.language == .zhHans
        let shops = try await SellerReports(context: request.jishi.insightsContext).shops(
            by: principal, on: request.db)
        let villages = try await Village.query(on: request.db).sort(\.$code).all().map {
            (code: $0.code, name: zh ? $0.name : $0.nameEn)
        }
        let categories = try await Marketplace.Category.query(on: request.db).sort(\.$code).all().map {
            (code: $0.code, name: zh ? $0.name : $0.nameEn)
        }
        let model = Model(
            shops: shops, villages: villages, categories: categories,
            month: Months.month(of: request.jishi.dependencies.now()), notice: notice, failure: failure, typed: typed)
        let context = PageContext(session: session, current: .platformShops)
        return WebPage.response(
            View(model: model, context: context).html, status: failure == nil ? .ok : .badRequest, session: session)
    }

    @Sendable static func report(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let names = ["platform", "shopRef", "kind", "village", "openedOn", "closedOn", "category"]
        let typed = Dictionary(uniqueKeysWithValues: names.map { ($0, form.trimmed($0)) })
        let context = PageContext(session: session, current: .platformShops)
        do {
            let shop = try await SellerReports(context: request.jishi.insightsContext).report(
                .init(
                    platform: form.trimmed("platform"), shopRef: form.trimmed("shopRef"), kind: form.trimmed("kind"),
                    villageCode: form.trimmed("village"), openedOn: form.trimmed("openedOn"),
                    closedOn: form.trimmed("closedOn"), mainCategory: form.trimmed("category")),
                by: principal, on: request.db)
            return try await page(
                request, session: session, principal: principal,
                notice: context.text(.platformShopsSaved, shop.shop.platform, shop.shop.shopRef))
        } catch let problem as Problem where problem.isFormError || problem.status == 404 || problem.status == 409 {
            return try await page(
                request, session: session, principal: principal, failure: problem.detail ?? problem.title,
                typed: typed)
        }
    }

    @Sendable static func reportSales(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let id = try request.pageID("shop")
        let context = PageContext(session: session, current: .platformShops)
        do {
            guard let orders = FormInput.count(form.trimmed("orders")) else {
                throw Problem.validation("orders", context.text(.platformShopsBadOrders))
            }
            guard let sales = FormInput.yuan(form.trimmed("sales")) else {
                throw Problem.validation("sales", context.text(.platformShopsBadSales))
            }
            let month = form.trimmed("month")
            _ = try await SellerReports(context: request.jishi.insightsContext).reportSales(
                id, month: month, orders: Int64(orders), salesMinor: sales, by: principal, on: request.db)
            return try await page(
                request, session: session, principal: principal, notice: context.text(.platformShopsSalesSaved, month))
        } catch let problem as Problem where problem.isFormError {
            return try await page(
                request, session: session, principal: principal, failure: problem.detail ?? problem.title)
        }
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.platformShopsTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.platformShopsTitle))),
                    .unwrap(model.notice) { Widgets.notice($0) },
                    .unwrap(model.failure) { Widgets.alert($0) },
                    .p(.class("meta"), .safeText(context.text(.platformShopsIntro))),
                    .if(
                        model.shops.isEmpty,
                        .p(.class("meta"), .id("no-platform-shops"), .safeText(context.text(.platformShopsNone))),
                        else: .ul(.class("rows"), .id("platform-shops"), .group(model.shops.map(shop)))),
                    reportForm,
                ])
        }

        private func shop(_ reported: SellerReports.Shop) -> Node<HTML.ListContext> {
            let shop = reported.shop
            let id = (shop.id ?? UUID()).uuidString.lowercased()
            return .li(
                .class("row"), .id("platform-shop-\(id)"),
                .span(.class("t"), .safeText(shop.platform + " · " + shop.shopRef)),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .platformShopsMeta, reported.villageCode, shop.openedOn,
                            shop.closedOn ?? context.text(.platformShopsOpen)))),
                .ul(
                    .class("months"),
                    .group(
                        reported.sales.prefix(12).map { sale in
                            .li(
                                .class("meta"),
                                .safeText(
                                    context.text(
                                        .platformShopsMonth, sale.month, String(sale.orders),
                                        context.money(sale.salesMinor))))
                        })),
                .form(
                    .class("inline-form"), .method(.post), .action(SitePath.platformShopSales.path(shop.id ?? UUID())),
                    Layout.csrfField(context),
                    .label(
                        .for("month-\(id)"), .safeText(context.text(.platformShopsMonthField)),
                        .input(.type(.month), .class("in"), .name("month"), .id("month-\(id)"), .value(model.month))),
                    .label(
                        .for("orders-\(id)"), .safeText(context.text(.platformShopsOrders)),
                        .input(
                            .type(.text), .class("in"), .name("orders"), .id("orders-\(id)"),
                            .attribute(named: "inputmode", value: "numeric"))),
                    .label(
                        .for("sales-\(id)"), .safeText(context.text(.platformShopsSales)),
                        .input(
                            .type(.text), .class("in"), .name("sales"), .id("sales-\(id)"),
                            .attribute(named: "inputmode", value: "decimal"))),
                    .button(
                        .type(.submit), .class("button secondary"), .id("save-sales-\(id)"),
                        .safeText(context.text(.platformShopsSaveSales)))))
        }

        private var reportForm: Node<HTML.BodyContext> {
            func menu(_ choices: [(String, String)], empty: String? = nil) -> FormField.Kind {
                .menu([FormField.MenuGroup(heading: nil, choices: (empty.map { [("", $0)] } ?? []) + choices)])
            }
            let typed = model.typed
            let fields = [
                FormField(
                    name: "platform", label: .platformShopsPlatform, value: typed["platform"] ?? "",
                    hint: .platformShopsPlatformHint),
                FormField(name: "shopRef", label: .platformShopsRef, value: typed["shopRef"] ?? ""),
                FormField(
                    name: "kind", label: .platformShopsKind,
                    kind: menu([
                        ("individual", context.text(.platformShopsIndividual)),
                        ("enterprise", context.text(.platformShopsEnterprise)),
                    ]), value: typed["kind"] ?? "individual"),
                FormField(
                    name: "village", label: .platformShopsVillage,
                    kind: menu(model.villages.map { ($0.code, $0.name + " " + $0.code) }), value: typed["village"] ?? ""
                ),
                FormField(name: "openedOn", label: .platformShopsOpened, kind: .date, value: typed["openedOn"] ?? ""),
                FormField(
                    name: "closedOn", label: .platformShopsClosed, kind: .date, value: typed["closedOn"] ?? "",
                    hint: .platformShopsClosedHint),
                FormField(
                    name: "category", label: .platformShopsCategory,
                    kind: menu(model.categories.map { ($0.code, $0.name) }, empty: "–"), value: typed["category"] ?? ""),
            ]
            return .form(
                .class("card wide"), .id("platform-shop-form"), .method(.post), .action(SitePath.platformShops.path),
                .novalidate(),
                Layout.csrfField(context),
                .h2(.safeText(context.text(.platformShopsReport))),
                .group(fields.map { $0.node(context) }),
                .button(
                    .type(.submit), .class("button"), .id("report-shop"), .safeText(context.text(.platformShopsSave))))
        }
    }
}
