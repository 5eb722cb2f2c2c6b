import Community
import Foundation
import Insights
import JishiKit
import Plot
import Vapor

/// `/insights/registry?from=&to=`: every shop of the county on any platform in the reader's
/// scope, counted by platform, with the registry as CSV; the monthly snapshots (each as CSV),
/// the current month's taken on demand by the county's officials and admins, and what changed
/// between two snapshots (the first 200 on the page, all as CSV).
enum RegistryPage {
    static let shownChanges = 200

    struct Model: Sendable {
        struct Platform: Sendable {
            var code: String
            var shops = 0
            var open = 0
        }

        var shops = 0
        var open = 0
        var enterprises = 0
        var platforms: [Platform] = []
        var snapshots: [ShopRegistry.Snapshot] = []
        var mayTake = false
        var from: String?
        var to: String?
        var changes: [ShopRegistry.Change]?
        var taken: String?
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let registry = request.jishi.registry
        let entries = try await registry.entries(month: nil, by: principal, on: request.db)
        var model = Model()
        model.shops = entries.count
        model.open = entries.filter { $0.closedOn == nil }.count
        model.enterprises = entries.filter { $0.kind == .enterprise }.count
        var platforms: [String: Model.Platform] = [:]
        for entry in entries {
            platforms[entry.platform, default: Model.Platform(code: entry.platform)].shops += 1
            if entry.closedOn == nil { platforms[entry.platform]?.open += 1 }
        }
        model.platforms = platforms.values.sorted { ($0.shops, $1.code) > ($1.shops, $0.code) }
        model.snapshots = try await registry.snapshots(by: principal, on: request.db)
        model.mayTake = (try? PlatformCodes.requireReporter(principal)) != nil
        model.from =
            request.query[String.self, at: "from"] ?? (model.snapshots.count > 1 ? model.snapshots[1].month : nil)
        model.to = request.query[String.self, at: "to"] ?? model.snapshots.first?.month
        if let from = model.from, let to = model.to, from != to || request.query[String.self, at: "from"] != nil {
            model.changes = try await registry.changes(from: from, to: to, by: principal, on: request.db)
        }
        if let month = request.query[String.self, at: "taken"], PlatformCodes.isMonth(month) {
            let shops = model.snapshots.first { $0.month == month }?.shops ?? 0
            model.taken = PageContext(session: session, current: .registry).text(
                .registryTaken, month, String(shops))
        }
        let context = PageContext(session: session, current: .registry)
        return WebPage.response(View(model: model, context: context).html, session: session)
    }

    @Sendable static func take(_ request: Request) async throws -> Response {
        let (session, principal, _) = try await FormValues.signedIn(request)
        let snapshot = try await request.jishi.registry.take(by: principal, on: request.db)
        return WebPage.redirect(toPath: SitePath.registry.path + "?taken=" + snapshot.month, session: session)
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let month = request.query[String.self, at: "month"].flatMap { $0.isEmpty ? nil : $0 }
        if let month, !PlatformCodes.isMonth(month) { throw Problem.validation("month", "A month such as 2026-11.") }
        let entries = try await request.jishi.registry.entries(month: month, by: principal, on: request.db)
        return WebPage.csvDownload(ShopRegistry.csv(entries), name: "jishi-registry-\(month ?? "now").csv")
    }

    @Sendable static func changesCSV(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let from = request.query[String.self, at: "from"] ?? ""
        let to = request.query[String.self, at: "to"] ?? ""
        let changes = try await request.jishi.registry.changes(from: from, to: to, by: principal, on: request.db)
        return WebPage.csvDownload(ShopRegistry.csv(changes), name: "jishi-registry-changes-\(from)-\(to).csv")
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.registryTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.registryTitle))),
                    .unwrap(model.taken) { Widgets.notice($0) },
                    .p(.class("meta"), .safeText(context.text(.registryIntro))),
                    .p(
                        .id("registry-summary"), .class("lead"),
                        .safeText(
                            context.text(
                                .registrySummary, context.number(model.shops), context.number(model.open),
                                context.number(model.enterprises)))),
                    .ul(
                        .class("rows"), .id("registry-platforms"),
                        .group(
                            model.platforms.map { platform in
                                .li(
                                    .class("row"),
                                    .safeText(
                                        context.text(
                                            .registryPlatform, platform.code, context.number(platform.shops),
                                            context.number(platform.open))))
                            })),
                    .div(
                        .class("actions"),
                        .a(
                            .class("button secondary"), .id("registry-csv"), .href(SitePath.registryCSV.path),
                            .safeText(context.text(.registryCSV))),
                        .if(
                            model.mayTake,
                            Widgets.postButton(
                                SitePath.registrySnapshots.path, context.text(.registryTake), context: context,
                                id: "take-snapshot", style: "button"))),
                    .h2(.safeText(context.text(.registrySnapshots))),
                    snapshots,
                    compare,
                    .unwrap(model.changes) { changes($0) },
                ])
        }

        private var snapshots: Node<HTML.BodyContext> {
            .if(
                model.snapshots.isEmpty,
                .p(.class("meta"), .id("no-snapshots"), .safeText(context.text(.registryNoSnapshots))),
                else: .ul(
                    .class("rows"), .id("registry-snapshots"),
                    .group(
                        model.snapshots.map { snapshot in
                            .li(
                                .class("row"), .id("snapshot-\(snapshot.month)"),
                                .a(
                                    .href(SitePath.registryCSV.path + "?month=" + snapshot.month),
                                    .safeText(
                                        context.text(
                                            .registrySnapshotMeta, snapshot.month, context.number(snapshot.shops)))))
                        })))
        }

        private var compare: Node<HTML.BodyContext> {
            let months = model.snapshots.map { ($0.month, $0.month) }
            return .if(
                model.snapshots.count > 1,
                .form(
                    .class("card inline-form"), .id("compare-form"), .method(.get), .action(SitePath.registry.path),
                    .h2(.safeText(context.text(.registryCompare))),
                    .label(.for("from"), .safeText(context.text(.registryFrom))),
                    .raw(DispatchPage.View.menu("from", months, selected: model.from)),
                    .label(.for("to"), .safeText(context.text(.registryTo))),
                    .raw(DispatchPage.View.menu("to", months, selected: model.to)),
                    .button(
                        .type(.submit), .class("button secondary"), .id("compare"),
                        .safeText(context.text(.registryShow)))))
        }

        private func changes(_ changes: [ShopRegistry.Change]) -> Node<HTML.BodyContext> {
            let query = "?from=" + (model.from ?? "") + "&to=" + (model.to ?? "")
            return .div(
                .id("registry-changes"),
                .p(
                    .class("lead"), .id("changes-summary"),
                    .safeText(
                        context.text(
                            .registryChanges, context.number(changes.count), model.from ?? "", model.to ?? ""))),
                .if(changes.isEmpty, .p(.class("meta"), .safeText(context.text(.registryNoChanges)))),
                .if(
                    changes.count > RegistryPage.shownChanges,
                    .p(.class("meta"), .safeText(context.text(.registryMoreChanges, String(RegistryPage.shownChanges))))
                ),
                .ul(.class("rows"), .group(changes.prefix(RegistryPage.shownChanges).map(change))),
                .p(
                    .a(
                        .class("button secondary"), .id("changes-csv"), .href(SitePath.registryChangesCSV.path + query),
                        .safeText(context.text(.registryChangesCSV)))))
        }

        private func change(_ change: ShopRegistry.Change) -> Node<HTML.ListContext> {
            let what: String =
                switch change.kind {
                case .opened: context.text(.changeOpened, change.current ?? "")
                case .closed: context.text(.changeClosed, change.current ?? "")
                case .moved: context.text(.changeMoved, change.previous ?? "")
                case .recategorised: context.text(.changeRecategorised, change.previous ?? "–", change.current ?? "–")
                case .upgraded: context.text(.changeUpgraded)
                }
            return .li(
                .class("row change-\(change.kind.rawValue)"),
                .span(.class("t"), .safeText(change.platform + " " + change.shopRef)),
                .span(.class("meta"), .safeText(change.villageCode + " · " + what)))
        }
    }
}
