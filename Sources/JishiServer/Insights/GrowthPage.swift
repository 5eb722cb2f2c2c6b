import Community
import FluentKit
import Foundation
import Insights
import JishiKit
import Logistics
import Marketplace
import Plot
import Vapor

/// `/insights/growth?place=&by=year|month`: how the county, a town or a village grew — shops
/// open and active, sales, shops per household against the 10 % line, parcels in and out —
/// as server-drawn SVG charts with the figures beneath, CSV and GeoJSON links, and the county
/// (or town) map of shops per household with the year's Taobao villages ringed. Officials and
/// admins, each in their scope.
enum GrowthPage {
    struct Model: Sendable {
        var series: GrowthFigures.Series
        var places: [(code: String, label: String)]
        var by: GrowthFigures.Period
        var year: Int
        var villages: [GrowthFigures.VillageShare]
        var stations: [NetworkNode]
        var roads: [[GeoPoint]]
        var query: String
        var freshness: Freshness = .live
    }

    /// The place, period and range asked for, as the series' arguments and the query that names them.
    static func request(_ request: Request) throws -> (
        place: String?, by: GrowthFigures.Period, from: String, to: String, query: String
    ) {
        let place = request.query[String.self, at: "place"].flatMap { $0.isEmpty ? nil : $0 }
        let byText = request.query[String.self, at: "by"] ?? "year"
        guard let by = GrowthFigures.Period(rawValue: byText) else {
            throw Problem.validation("by", "Write year or month.")
        }
        let (from, to) = GrowthFigures(context: request.jishi.insightsContext).defaultRange(by)
        let query = "?by=" + by.rawValue + (place.map { "&place=" + $0 } ?? "")
        return (place, by, from, to, query)
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let asked = try Self.request(request)
        let (insights, read) = await request.insightsReading()
        let database = read.database
        let growth = GrowthFigures(context: insights)
        let series = try await growth.series(
            of: asked.place, period: asked.by, from: asked.from, to: asked.to, by: principal, on: database)
        let year = RecognitionPage.latestYear(request)
        let mapPlace = series.level == .village ? String(series.code.prefix(9)) : series.code
        let villages = try await growth.villages(of: mapPlace, year: year, by: principal, on: database)
        let stations = try await stations(serving: Set(villages.map(\.code)), on: database)
        let model = Model(
            series: series,
            places: try await places(principal, around: series.code, language: session.language, on: database),
            by: asked.by, year: year, villages: villages, stations: stations,
            roads: try await RunMap.roads(on: database), query: asked.query, freshness: read.freshness)
        let context = PageContext(session: session, current: .growth)
        return WebPage.response(View(model: model, context: context).html, session: session)
    }

    /// The active stations and pickup points of the villages `codes`.
    static func stations(serving codes: Set<String>, on database: any Database) async throws -> [NetworkNode] {
        var kept: [NetworkNode] = []
        for node in try await NetworkNode.query(on: database).filter(\.$active == true).with(\.$village).all()
        where node.kind == .villageStation || node.kind == .pickupPoint {
            if let village = node.village, codes.contains(village.code) { kept.append(node) }
        }
        return kept
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let asked = try Self.request(request)
        let (insights, read) = await request.insightsReading()
        let series = try await GrowthFigures(context: insights).series(
            of: asked.place, period: asked.by, from: asked.from, to: asked.to, by: principal, on: read.database)
        return WebPage.csvDownload(GrowthFigures.csv(series), name: "jishi-growth-\(series.code)-\(asked.by).csv")
    }

    /// The places the reader may choose, around the place shown (`around`): the counties they
    /// see whole, and the towns they see of the place's county with their villages (a
    /// province's thousands of villages are not one list).
    static func places(
        _ principal: Principal, around code: String, language: JishiKit.Language, on database: any Database
    ) async throws -> [(code: String, label: String)] {
        let scope = try await InsightsScope.of(principal, on: database)
        func name(_ zh: String, _ en: String) -> String { language == .zhHans ? zh : en }
        var places: [(code: String, label: String)] = []
        for county in try await GeographyRows.counties(on: database) {
            guard let id = county.id, scope.sees(county: id) else { continue }
            places.append((county.code, name(county.name, county.nameEn)))
        }
        let countyCode = String(code.prefix(6))
        var towns: [Town] = []
        var villages: [Village] = []
        if !countyCode.isEmpty {
            towns = try await GeographyRows.towns(prefix: countyCode, on: database)
                .filter { $0.id.map(scope.sees(town:)) ?? false }
            villages = try await GeographyRows.villages(prefix: countyCode, on: database)
        }
        for town in towns {
            places.append((town.code, "· " + name(town.name, town.nameEn)))
            for village in villages where village.$town.id == town.id {
                places.append((village.code, "· · " + name(village.name, village.nameEn)))
            }
        }
        return places
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let series = model.series
            let title = context.text(.growthTitle) + " · " + name(series.name, series.nameEn)
            return Layout.page(
                title: title, context: context,
                main: [
                    .h1(.safeText(title)),
                    .p(.class("meta"), .safeText(context.text(.growthIntro))),
                    form,
                    .p(
                        .id("growth-summary"), .class("lead"),
                        .safeText(
                            context.text(
                                .growthSummary, name(series.name, series.nameEn) + " " + series.code,
                                context.number(series.points.last?.households ?? 0)))),
                    Widgets.freshness(model.freshness, context),
                    .div(
                        .class("actions"),
                        .a(
                            .class("button secondary"), .id("growth-csv"), .href(SitePath.growthCSV.path + model.query),
                            .safeText(context.text(.growthCSV))),
                        .a(
                            .class("button secondary"), .id("growth-geojson"),
                            .href("/api/v1/insights/map/geojson?year=\(model.year)&place=\(mapPlace)"),
                            .safeText(context.text(.growthGeoJSON)))),
                    .div(.class("charts"), .id("growth-charts"), .group(charts.map { chart($0) })),
                    .h2(.safeText(context.text(.growthMapTitle, String(model.year)))),
                    .element(
                        named: "figure",
                        nodes: [
                            .class("map-box"), .id("growth-map"),
                            .raw(GrowthMap(villages: model.villages, stations: model.stations, roads: model.roads).svg),
                            .element(
                                named: "figcaption",
                                nodes: [.safeText(context.text(.growthMapCaption, String(model.year)))]),
                        ]),
                    .ul(.class("rows"), .id("growth-points"), .group(series.points.reversed().map(point))),
                    .p(.class("meta"), .safeText(context.text(.growthShareNote))),
                ])
        }

        private var mapPlace: String {
            model.series.level == .village ? String(model.series.code.prefix(9)) : model.series.code
        }

        private func name(_ zh: String, _ en: String) -> String { context.language == .zhHans ? zh : en }

        private var form: Node<HTML.BodyContext> {
            .form(
                .class("card inline-form"), .id("growth-form"), .method(.get), .action(SitePath.growth.path),
                .label(.for("place"), .safeText(context.text(.growthPlace))),
                .raw(
                    DispatchPage.View.menu(
                        "place", model.places.map { ($0.code, $0.label) }, selected: model.series.code)),
                .label(.for("by"), .safeText(context.text(.growthBy))),
                .raw(
                    DispatchPage.View.menu(
                        "by", [("year", context.text(.growthByYear)), ("month", context.text(.growthByMonth))],
                        selected: model.by.rawValue)),
                .button(.type(.submit), .class("button secondary"), .id("show"), .safeText(context.text(.growthShow))))
        }

        private var charts: [SVGChart] {
            let points = model.series.points
            let periods = points.map(\.period)
            return [
                SVGChart(
                    title: context.text(.growthShopsChart), periods: periods,
                    series: [
                        .init(
                            label: context.text(.growthOpen), colour: "#b23a1e", values: points.map { Double($0.shops) }
                        ),
                        .init(
                            label: context.text(.growthActive), colour: "#1f6fb2",
                            values: points.map { Double($0.activeShops) }),
                    ]),
                SVGChart(
                    title: context.text(.growthSalesChart), periods: periods,
                    series: [
                        .init(
                            label: context.text(.growthSalesChart), colour: "#2e8b57",
                            values: points.map { Double($0.salesMinor) / 100 })
                    ], style: .bars),
                SVGChart(
                    title: context.text(.growthShareChart), periods: periods,
                    series: [
                        .init(
                            label: context.text(.growthShareChart), colour: "#8e44ad",
                            values: points.map { $0.shopShare * 100 })
                    ], reference: (10, context.text(.growthShareLine))),
                SVGChart(
                    title: context.text(.growthParcelsChart), periods: periods,
                    series: [
                        .init(
                            label: context.text(.growthIn), colour: "#1f6fb2",
                            values: points.map { Double($0.parcelsIn) }),
                        .init(
                            label: context.text(.growthOut), colour: "#d35400",
                            values: points.map { Double($0.parcelsOut) }),
                    ], style: .bars),
            ]
        }

        private func chart(_ chart: SVGChart) -> Node<HTML.BodyContext> {
            .element(
                named: "figure",
                nodes: [
                    .class("chart-box"),
                    .element(named: "figcaption", nodes: [.safeText(chart.title)]),
                    .raw(chart.svg),
                    .p(
                        .class("legend"),
                        .group(
                            chart.series.map { line in
                                .span(
                                    .class("key"),
                                    .span(
                                        .class("swatch"), .attribute(named: "style", value: "background:\(line.colour)")
                                    ),
                                    .safeText(line.label))
                            })),
                ])
        }

        private func point(_ point: GrowthFigures.Point) -> Node<HTML.ListContext> {
            .li(
                .class("row"), .id("period-\(point.period)"),
                .span(.class("t"), .safeText(point.period)),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .growthRow, context.number(point.shops), context.number(point.activeShops),
                            context.money(point.salesMinor), String(point.orders), context.number(point.parcelsIn),
                            context.number(point.parcelsOut)))))
        }
    }
}

extension Layout {
    /// The growth page's charts and their keys.
    static let growthStylesheet = """
        .charts{display:grid;grid-template-columns:1fr;gap:12px}
        @media (min-width:720px){.charts{grid-template-columns:1fr 1fr}}
        .chart-box{margin:0;padding:8px;background:#fff;border:1px solid #e4ded2;border-radius:8px}
        .chart-box figcaption{font-weight:600;margin-bottom:4px}
        .chart{display:block;width:100%;height:auto}
        .legend{margin:4px 0 0;font-size:13px;color:#5a5f66}
        .legend .key{display:inline-flex;align-items:center;gap:4px;margin-right:12px}
        .legend .swatch{display:inline-block;width:12px;height:12px;border-radius:2px}

        """
}
