import Community
import Foundation
import Insights
import JishiKit
import Marketplace
import Plot
import Vapor

/// `/insights/recognition?year=Y`: year Y's Taobao villages, towns and county clusters in the
/// reader's scope, each with the evidence of its decision (sales, active shops, households,
/// which condition held or failed), printable as the yearly report and as CSV. Officials and
/// admins; the domain decides what each may see.
enum RecognitionPage {
    struct Model: Sendable {
        var year: Int
        var years: [Int]
        var report: RecognitionService.Report
        var freshness: Freshness = .live
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let (year, latest) = try years(request)
        let (insights, read) = await request.insightsReading()
        let report = try await RecognitionService(context: insights).report(
            year: year, by: principal, on: read.database)
        let model = Model(
            year: year, years: Array((Recognition.years.lowerBound...latest).reversed()), report: report,
            freshness: read.freshness)
        let context = PageContext(session: session, current: .recognition)
        return WebPage.response(View(model: model, context: context).html, session: session, runsPrintScript: true)
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let (year, _) = try years(request)
        let (insights, read) = await request.insightsReading()
        let report = try await RecognitionService(context: insights).report(
            year: year, by: principal, on: read.database)
        return WebPage.csvDownload(RecognitionExport.csv(report), name: "jishi-recognition-\(year).csv")
    }

    /// The year asked for (the latest whose window has closed by default) and that latest year:
    /// a window closes on 30 June, so from July this year's list can be drawn.
    static func years(_ request: Request) throws -> (year: Int, latest: Int) {
        let latest = latestYear(request)
        guard let text = request.query[String.self, at: "year"], !text.isEmpty else { return (latest, latest) }
        guard let year = Int(text), Recognition.years.contains(year) else {
            throw Problem.validation("year", "A year from 2009 to 2099.")
        }
        return (year, max(latest, year))
    }

    /// The latest year whose list can be drawn: a window closes on 30 June.
    static func latestYear(_ request: Request) -> Int {
        let month = Months.month(of: request.jishi.dependencies.now())
        let current = Int(month.prefix(4)) ?? 2026
        return month.suffix(2) >= "07" ? current : current - 1
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let report = model.report
            return Layout.page(
                title: context.text(.recognitionTitle) + " " + String(model.year), context: context,
                main: [
                    .h1(.safeText(context.text(.recognitionTitle) + " " + String(model.year))),
                    .p(.class("meta noprint"), .safeText(context.text(.recognitionIntro))),
                    yearForm,
                    .p(
                        .id("recognition-summary"), .class("lead"),
                        .safeText(summary)),
                    Widgets.freshness(model.freshness, context),
                    .unwrap(recognisedNames) { .p(.id("recognised-villages"), .class("tag-yes box"), .safeText($0)) },
                    .p(
                        .class("meta"),
                        .safeText(context.text(.recognitionWindow, String(model.year - 1), String(model.year)))),
                    actions,
                    .if(
                        !report.counties.isEmpty,
                        .group(
                            .h2(.safeText(context.text(.recognitionCounties))),
                            .ul(.class("rows"), .id("recognition-counties"), .group(report.counties.map(county))))),
                    .h2(.safeText(context.text(.recognitionTowns))),
                    .ul(.class("rows"), .id("recognition-towns"), .group(report.towns.map(town))),
                    .h2(.safeText(context.text(.recognitionVillages))),
                    .ul(.class("rows"), .id("recognition-villages"), .group(report.villages.map(village))),
                    .p(.class("meta"), .id("recognition-rules"), .safeText(context.text(.recognitionRules))),
                ])
        }

        private var yearForm: Node<HTML.BodyContext> {
            let years = model.years.map { (String($0), String($0)) }
            return .form(
                .class("card inline-form noprint"), .id("year-form"), .method(.get), .action(SitePath.recognition.path),
                .label(.for("year"), .safeText(context.text(.recognitionYear))),
                .raw(DispatchPage.View.menu("year", years, selected: String(model.year))),
                .button(
                    .type(.submit), .class("button secondary"), .id("show"), .safeText(context.text(.recognitionShow))))
        }

        private var actions: Node<HTML.BodyContext> {
            .div(
                .class("noprint actions"),
                .a(
                    .class("button secondary"), .id("recognition-csv"),
                    .href(SitePath.recognitionCSV.path + "?year=" + String(model.year)),
                    .safeText(context.text(.recognitionCSV))),
                .button(
                    .type(.button), .id("print"), .class("button"), .attribute(named: "hidden"),
                    .safeText(context.text(.recognitionPrint))),
                .element(named: "script", nodes: [.raw(Layout.printScript)]),
                .p(.class("hint"), .safeText(context.text(.recognitionHint))))
        }

        private var summary: String {
            context.text(
                .recognitionSummary, String(model.year),
                context.number(model.report.villages.filter(\.recognised).count),
                context.number(model.report.towns.filter(\.recognised).count))
        }

        /// The Taobao villages' names, in one line; nil when there are none.
        private var recognisedNames: String? {
            let names = model.report.villages.filter(\.recognised).map { name($0.name, $0.nameEn) }
            return names.isEmpty ? nil : names.joined(separator: context.language == .zhHans ? "、" : ", ")
        }

        private func name(_ zh: String, _ en: String) -> String {
            context.language == .zhHans || en.isEmpty ? zh : en
        }

        private func verdict(_ recognised: Bool) -> Node<HTML.BodyContext> {
            .span(
                .class(recognised ? "tag tag-yes" : "tag"),
                .safeText(context.text(recognised ? .recognitionYes : .recognitionNo)))
        }

        private func village(_ village: RecognitionService.VillageResult) -> Node<HTML.ListContext> {
            .li(
                .class("row"), .id("village-\(village.code)"),
                .span(
                    .class("t"),
                    .safeText(
                        name(village.name, village.nameEn) + " " + village.code
                            + (village.kind == .residents ? " · " + context.text(.recognitionResidents) : ""))),
                verdict(village.recognised),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .recognitionVillageMeta, context.money(village.salesMinor),
                            context.number(village.activeShops), context.number(village.households)))),
                .span(.class("meta reason"), .safeText(context.text(Self.reason(village.reason)))))
        }

        private func town(_ town: RecognitionService.TownResult) -> Node<HTML.ListContext> {
            .li(
                .class("row"), .id("town-\(town.code)"),
                .span(
                    .class("t"),
                    .safeText(
                        name(town.name, town.nameEn) + " " + town.code
                            + (town.kind == .subdistrict ? " · " + context.text(.recognitionSubdistrict) : ""))),
                verdict(town.recognised),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .recognitionTownMeta, context.money(town.salesMinor), context.number(town.activeShops),
                            context.number(town.taobaoVillages)))),
                .span(.class("meta reason"), .safeText(context.text(Self.reason(town.reason)))))
        }

        private func county(_ county: RecognitionService.CountyResult) -> Node<HTML.ListContext> {
            .li(
                .class("row"), .id("county-\(county.code)"),
                .span(.class("t"), .safeText(name(county.name, county.nameEn) + " " + county.code)),
                .span(.class("tag"), .safeText(context.text(Self.cluster(county.cluster)))),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .recognitionCountyMeta, context.number(county.taobaoVillages),
                            context.number(county.taobaoTowns)))))
        }

        static func reason(_ reason: Recognition.VillageReason) -> L10nKey {
            switch reason {
            case .activeShops: .reasonActiveShops
            case .householdShare: .reasonHouseholdShare
            case .residentsCommittee: .reasonResidentsCommittee
            case .salesBelow: .reasonSalesBelow
            case .tooFewActiveShops: .reasonTooFewActiveShops
            }
        }

        static func reason(_ reason: Recognition.TownReason) -> L10nKey {
            switch reason {
            case .taobaoVillages: .reasonTaobaoVillages
            case .salesAndShops: .reasonSalesAndShops
            case .subdistrict: .reasonSubdistrict
            case .tooFew: .reasonTooFew
            }
        }

        static func cluster(_ cluster: Recognition.Cluster) -> L10nKey {
            switch cluster {
            case .none: .clusterNone
            case .cluster: .clusterCluster
            case .large: .clusterLarge
            case .superLarge: .clusterSuperLarge
            }
        }
    }
}
