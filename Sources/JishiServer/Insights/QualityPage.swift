import Community
import Foundation
import Insights
import JishiKit
import Marketplace
import Plot
import Vapor

/// `/insights/quality?month=`: a month's quality and prices on Jishi by category and village,
/// the alerts they raised (each acknowledged or closed here with a note), the office's rules,
/// and a button to look at the month now. Officials and admins in their scope; the county's
/// set the rules and look.
enum QualityPage {
    struct Model: Sendable {
        var month: String
        var rows: [QualityWatch.Row]
        var alerts: [InsightsAlert]
        var rules: QualityWatch.Rules
        var mayRule: Bool
        var names: [String: String]
        var notice: String?
        var failure: String?
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        return try await page(request, session: session, principal: principal)
    }

    static func page(
        _ request: Request, session: WebSession, principal: Principal, notice: String? = nil, failure: String? = nil
    ) async throws -> Response {
        let watch = QualityWatch(context: request.jishi.insightsContext)
        let lastWhole = Months.before(Months.month(of: request.jishi.dependencies.now()), 1)
        var month = request.query[String.self, at: "month"] ?? lastWhole
        if !PlatformCodes.isMonth(month) { month = lastWhole }
        let rows = try await watch.figures(months: [month], by: principal, on: request.db)
        var names: [String: String] = [:]
        let zh = session.language == .zhHans
        for village in try await Village.query(on: request.db).all() {
            names[village.code] = zh ? village.name : village.nameEn
        }
        for category in try await Category.query(on: request.db).all() {
            names[category.code] = zh ? category.name : category.nameEn
        }
        let model = Model(
            month: month, rows: rows, alerts: try await watch.alerts(status: nil, by: principal, on: request.db),
            rules: try await watch.rules(on: request.db),
            mayRule: (try? PlatformCodes.requireReporter(principal)) != nil,
            names: names, notice: notice, failure: failure)
        let context = PageContext(session: session, current: .quality)
        return WebPage.response(
            View(model: model, context: context).html, status: failure == nil ? .ok : .badRequest, session: session)
    }

    @Sendable static func detect(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let month = form.trimmed("month")
        let raised = try await QualityWatch(context: request.jishi.insightsContext).detect(
            month: month.isEmpty ? nil : month, by: principal, on: request.db)
        let context = PageContext(session: session, current: .quality)
        return try await page(
            request, session: session, principal: principal,
            notice: context.text(.qualityDetected, String(raised.count)))
    }

    @Sendable static func decide(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let id = try request.pageID("alert")
        let status: InsightsAlert.Status = form.trimmed("status") == "closed" ? .closed : .acknowledged
        do {
            _ = try await QualityWatch(context: request.jishi.insightsContext).decide(
                id, to: status, note: form.trimmed("note"), by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 409 {
            return try await page(
                request, session: session, principal: principal, failure: problem.detail ?? problem.title)
        }
        return WebPage.redirect(toPath: SitePath.quality.path, session: session)
    }

    @Sendable static func setRules(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        var rules = QualityWatch.Rules()
        func number(_ field: String) -> Double? { Double(form.trimmed(field).replacingOccurrences(of: "%", with: "")) }
        rules.priceDropShare = (number("priceDrop") ?? -1) / 100
        rules.refundRate = (number("refundRate") ?? -1) / 100
        rules.rating = number("rating") ?? -1
        rules.minimumOrders = FormInput.count(form.trimmed("minimumOrders")) ?? 0
        rules.minimumReviews = FormInput.count(form.trimmed("minimumReviews")) ?? 0
        do {
            _ = try await QualityWatch(context: request.jishi.insightsContext).setRules(
                rules, by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError {
            return try await page(
                request, session: session, principal: principal, failure: problem.detail ?? problem.title)
        }
        let context = PageContext(session: session, current: .quality)
        return try await page(request, session: session, principal: principal, notice: context.text(.qualityRulesSaved))
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let categories = model.rows.filter { $0.level == .category }
            let villages = model.rows.filter { $0.level == .village }
            return Layout.page(
                title: context.text(.qualityTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.qualityTitle))),
                    .unwrap(model.notice) { Widgets.notice($0) },
                    .unwrap(model.failure) { Widgets.alert($0) },
                    .p(.class("meta"), .safeText(context.text(.qualityIntro))),
                    .form(
                        .class("card inline-form"), .id("quality-form"), .method(.get), .action(SitePath.quality.path),
                        .label(
                            .for("month"), .safeText(context.text(.qualityMonth)),
                            .input(
                                .type(.month), .class("in"), .name("month"), .id("month"), .value(model.month))),
                        .button(
                            .type(.submit), .class("button secondary"), .id("show"),
                            .safeText(context.text(.qualityShow)))),
                    .h2(.safeText(context.text(.qualityAlerts))),
                    .if(
                        model.mayRule,
                        Widgets.postButton(
                            SitePath.qualityDetect.path, context.text(.qualityDetect), context: context, id: "detect",
                            style: "button secondary", fields: [("month", model.month)])),
                    .if(
                        model.alerts.isEmpty,
                        .p(.class("meta"), .id("no-alerts"), .safeText(context.text(.qualityNoAlerts))),
                        else: .ul(.class("rows"), .id("quality-alerts"), .group(model.alerts.map(alert)))),
                    .h2(.safeText(context.text(.qualityCategories))),
                    .if(
                        categories.isEmpty, .p(.class("meta"), .safeText(context.text(.qualityNone))),
                        else: .ul(.class("rows"), .id("quality-categories"), .group(categories.map(category)))),
                    .h2(.safeText(context.text(.qualityVillages))),
                    .ul(.class("rows"), .id("quality-villages"), .group(villages.map(village))),
                    .if(model.mayRule, rulesForm),
                ])
        }

        private func name(_ code: String) -> String { model.names[code].map { $0 + " " + code } ?? code }

        private func percent(_ share: Double?) -> String { share.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }

        private func alert(_ alert: InsightsAlert) -> Node<HTML.ListContext> {
            let what: String =
                switch alert.kind {
                case .priceWar:
                    context.text(
                        .qualityPriceWar, name(alert.subject), context.money(Int64(alert.value)),
                        context.money(Int64(alert.previous ?? 0)), String(alert.previousShops ?? 0), String(alert.shops)
                    )
                case .refundRate: context.text(.qualityRefundRate, name(alert.subject), percent(alert.value))
                case .rating: context.text(.qualityRating, name(alert.subject), String(format: "%.1f", alert.value))
                }
            let status: L10nKey =
                switch alert.status {
                case .open: .qualityStatusOpen
                case .acknowledged: .qualityStatusAcknowledged
                case .closed: .qualityStatusClosed
                }
            let alertID = alert.id ?? UUID()
            let id = alertID.uuidString.lowercased()
            return .li(
                .class("row alert-\(alert.kind.rawValue)"), .id("alert-\(id)"),
                .span(.class("t"), .safeText(alert.month + " · " + what)),
                .span(.class("tag"), .safeText(context.text(status))),
                .unwrap(alert.note) { .span(.class("meta"), .safeText($0)) },
                .if(
                    alert.status != .closed,
                    .form(
                        .class("inline-form decide"), .method(.post), .action(SitePath.qualityDecision.path(alertID)),
                        Layout.csrfField(context),
                        .label(
                            .for("note-\(id)"), .safeText(context.text(.qualityNote)),
                            .input(
                                .type(.text), .class("in"), .name("note"), .id("note-\(id)"),
                                .attribute(named: "maxlength", value: "500"))),
                        .if(
                            alert.status == .open,
                            .button(
                                .type(.submit), .class("button secondary"), .name("status"), .value("acknowledged"),
                                .id("acknowledge-\(id)"), .safeText(context.text(.qualityAcknowledge)))),
                        .button(
                            .type(.submit), .class("button secondary"), .name("status"), .value("closed"),
                            .id("close-\(id)"), .safeText(context.text(.qualityClose))))))
        }

        private func category(_ row: QualityWatch.Row) -> Node<HTML.ListContext> {
            .li(
                .class("row"), .id("category-\(row.code)"),
                .span(.class("t"), .safeText(name(row.code))),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .qualityCategoryRow, String(row.orders), String(row.shops),
                            row.medianPriceMinor.map { context.money($0) } ?? "–"))))
        }

        private func village(_ row: QualityWatch.Row) -> Node<HTML.ListContext> {
            .li(
                .class("row"), .id("quality-\(row.code)"),
                .span(.class("t"), .safeText(name(row.code))),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .qualityVillageRow, String(row.orders), percent(row.refundRate),
                            row.rating.map { String(format: "%.1f", $0) } ?? "–"))))
        }

        private var rulesForm: Node<HTML.BodyContext> {
            let rules = model.rules
            func field(_ name: String, _ label: L10nKey, _ value: String) -> Node<HTML.FormContext> {
                .label(
                    .for(name), .safeText(context.text(label)),
                    .input(
                        .type(.text), .class("in"), .name(name), .id(name), .value(value),
                        .attribute(named: "inputmode", value: "decimal")))
            }
            return .form(
                .class("card"), .id("rules-form"), .method(.post), .action(SitePath.qualityRules.path),
                Layout.csrfField(context),
                .h2(.safeText(context.text(.qualityRules))),
                field("priceDrop", .qualityRulePrice, String(format: "%g", rules.priceDropShare * 100)),
                field("refundRate", .qualityRuleRefund, String(format: "%g", rules.refundRate * 100)),
                field("rating", .qualityRuleRating, String(format: "%g", rules.rating)),
                field("minimumOrders", .qualityRuleOrders, String(rules.minimumOrders)),
                field("minimumReviews", .qualityRuleReviews, String(rules.minimumReviews)),
                .button(.type(.submit), .class("button"), .id("save-rules"), .safeText(context.text(.qualitySaveRules)))
            )
        }
    }
}
