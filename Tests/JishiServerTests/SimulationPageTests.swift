import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import JishiServerTesting
import Logistics
import Marketplace
import Persistence
import Simulation
import Testing
import Vapor
import VaporTesting

@testable import JishiServer

@Suite("Policy scenarios: the officials' simulation page, its runs, jobs and exports")
struct SimulationPageTests {
    static let dingzhuang = "371799101201"
    static let liuji = "371799101204"
    static let daying = "371799101"
    static let shijing = "371799100201"

    /// The demo county with its history on other platforms (today's shops and sales) and its
    /// network (stations and the county hub).
    static func withCounty<T>(on store: TestStore, _ body: (Application) async throws -> T) async throws -> T {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            try await InsightsDemo.load(
                on: app.db, context: app.jishi.insightsContext, month: Months.month(of: app.jishi.dependencies.now()))
            return try await body(app)
        }
    }

    /// The form's fields for `place`, with `changes` over the defaults.
    static func fields(_ place: String, _ changes: [(String, String)] = []) -> [(String, String)] {
        var fields: [String: String] = ["place": place, "years": "5", "runs": "20", "seed": "1", "subsidyYears": "1"]
        for (name, value) in changes { fields[name] = value }
        return fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The run a `303` answer sends the browser to.
    static func runPath(_ response: TestingHTTPResponse) throws -> String {
        let location = try #require(response.headers.first(name: .location))
        #expect(location.hasPrefix("/insights/simulation/runs/"), "\(location)")
        return location
    }

    /// A browser signed in as `username`, speaking `language` (the account keeps it).
    static func browser(_ app: Application, _ username: String, _ language: String) async throws -> WebBrowser {
        var browser = try await WebBrowser.signedIn(app, username, acceptLanguage: language)
        try await browser.get("/")
        try await browser.post("/language", [("lang", language), ("next", "/")])
        return browser
    }

    static func counts(_ app: Application) async throws -> (runs: Int, jobs: Int) {
        (
            try await SimulationRun.query(on: app.db).count(),
            try await Job.query(on: app.db).filter(\.$kind == SimulationJobs.run).count()
        )
    }

    @Test(arguments: TestStore.available)
    func aVillageRunsAtOnceWithCurvesEffectsAndACSV(store: TestStore) async throws {
        try await Self.withCounty(on: store) { app in
            for language in ["zh-Hans", "en"] {
                var browser = try await Self.browser(app, "official", language)
                let hub = try await browser.get("/manage")
                #expect(hub.body.string.contains(#"id="tool-simulation""#))
                let page = try await browser.get("/insights/simulation")
                #expect(page.status == .ok)
                let html = page.body.string
                #expect(html.contains(#"<html lang="\#(language)""#))
                #expect(html.contains(#"id="simulation-form""#))
                #expect(html.contains(#"<option value="\#(Self.dingzhuang)""#))
                #expect(html.contains(#"<option value="\#(Self.daying)""#))
                #expect(html.contains(#"id="run""#))
            }

            var browser = try await Self.browser(app, "official", "en")
            try await browser.get("/insights/simulation")
            let posted = try await browser.post(
                "/insights/simulation",
                Self.fields(
                    Self.liuji,
                    [
                        ("name", "Liuji <levers>"), ("station", "1"), ("broadband", "0.9"), ("training", "200"),
                        ("subsidy", "500"), ("subsidyYears", "2"), ("park", "1"), ("registries", "1"),
                        ("returnees", "30"), ("years", "4"), ("runs", "12"), ("seed", "7"),
                    ]))
            #expect(posted.status == .seeOther, "\(posted.body.string)")
            let path = try Self.runPath(posted)

            // Saved done, with the start read from the database.
            let run = try #require(try await SimulationRun.query(on: app.db).first())
            #expect(run.status == .done)
            #expect(run.level == .village)
            #expect(run.placeCode == Self.liuji && run.townCode == Self.daying)
            #expect(run.runs == 12 && run.seed == 7 && run.progress == 24 && run.total == 24)
            #expect(try await Job.query(on: app.db).filter(\.$kind == SimulationJobs.run).count() == 0)
            let scenario = try #require(run.scenarioValue)
            let thisYear = Int(Months.month(of: app.jishi.dependencies.now()).prefix(4))!
            #expect(scenario.start == thisYear + 1 && scenario.end == thisYear + 4)
            let village = try #require(scenario.villages.first)
            #expect(scenario.villages.count == 1)
            #expect(village.code == Self.liuji && village.town == Self.daying && village.industry == .costumes)
            #expect(village.households == 455)
            let initial = try #require(village.initial)
            let growth = try await GrowthFigures(context: app.jishi.insightsContext).villages(
                of: Self.daying, year: thisYear, by: nil, on: app.db)
            #expect(initial.shops == growth.first { $0.code == Self.liuji }?.shops)
            #expect(initial.shops > 0 && initial.salesMinor > 0)
            #expect(initial.station == false, "刘集村 has no station in the demo network")
            #expect((village.distanceToCountyKm ?? 0) > 1)
            let kinds = Set(scenario.events.map(\.kind))
            #expect(kinds == Set(Event.Kind.allCases).subtracting([.pioneers]))
            #expect(scenario.events.allSatisfy { $0.year == scenario.start && $0.village == Self.liuji })
            #expect(scenario.events.first { $0.kind == .subsidy }?.amountMinor == 50_000)

            let page = try await browser.get(path)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Liuji &lt;levers&gt;"))
            #expect(html.components(separatedBy: #"<svg class="chart band-chart""#).count - 1 == 5)
            #expect(html.contains(#"<polygon class="band""#))
            #expect(html.contains(#"<polyline class="series mean""#))
            #expect(html.contains(#"id="simulation-legend""#))
            #expect(html.contains(#"id="simulation-effects""#))
            #expect(html.contains(#"id="effect-householdsWithShops-\#(scenario.end)""#))
            #expect(html.contains(#"id="simulation-taobao""#))
            #expect(html.contains(#"id="taobao-\#(scenario.start)""#))
            #expect(!html.contains(#"http-equiv="refresh""#), "a finished run does not reload")
            // The levers did something: more households with shops in the first year, on average.
            let outcome = try #require(run.outcome)
            let first = try #require(outcome.difference.villages.first?.years.first)
            #expect(first.householdsWithShops.mean > 0)
            #expect(outcome.baseline.villages.first?.years.count == 4)

            // The CSV: the scenario, the baseline and the difference, a column saying which.
            let csv = try await browser.get(path + "/csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let lines = csv.body.string.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "which," + Summary.csvHeader)
            #expect(lines.first?.hasPrefix("which,village,year,householdsWithShops_mean,") == true)
            #expect(lines.count == 1 + 3 * 4)
            for which in ["scenario", "baseline", "difference"] {
                #expect(lines.filter { $0.hasPrefix(which + "," + Self.liuji + ",") }.count == 4)
            }
            let columns = Summary.csvHeader.split(separator: ",").count + 1
            #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns })

            // Listed on the page, in the other language too.
            var chinese = try await Self.browser(app, "official", "zh-Hans")
            let list = try await chinese.get("/insights/simulation")
            #expect(list.body.string.contains(#"id="run-\#(try run.requireID().uuidString.lowercased())""#))
            let again = try await chinese.get(path)
            #expect(again.status == .ok && again.body.string.contains("有政策"))
        }
    }

    @Test(arguments: TestStore.available)
    func aTownRunsInTheBackgroundAndTwoRunsCompare(store: TestStore) async throws {
        try await Self.withCounty(on: store) { app in
            var browser = try await Self.browser(app, "official", "en")
            try await browser.get("/insights/simulation")
            let posted = try await browser.post(
                "/insights/simulation",
                Self.fields(Self.daying, [("station", "1"), ("training", "400"), ("years", "3"), ("runs", "6")]))
            #expect(posted.status == .seeOther, "\(posted.body.string)")
            let path = try Self.runPath(posted)
            let run = try #require(try await SimulationRun.query(on: app.db).first())
            #expect(run.status == .queued && run.level == .town && run.result == nil)
            #expect(try await Job.query(on: app.db).filter(\.$kind == SimulationJobs.run).count() == 1)
            let scenario = try #require(run.scenarioValue)
            #expect(scenario.villages.count == 8 && scenario.villages.allSatisfy { $0.town == Self.daying })
            // Training places shared by households, adding up to the town's 400.
            let training = scenario.events.filter { $0.kind == .training }
            #expect(training.reduce(0) { $0 + ($1.personTimes ?? 0) } == 400 && training.count == 8)
            #expect(scenario.events.first { $0.kind == .logisticsStation }?.village == nil)

            let waiting = try await browser.get(path)
            #expect(waiting.status == .ok)
            #expect(waiting.body.string.contains(#"id="simulation-progress""#))
            #expect(waiting.body.string.contains(#"<meta http-equiv="refresh" content="2"/>"#))
            #expect(!waiting.body.string.contains(#"id="simulation-charts""#))
            let early = try await browser.get(path + "/csv")
            #expect(early.status == .conflict)

            #expect(try await app.jishi.jobs.runDue(on: app.db) >= 1)
            let done = try #require(try await SimulationRun.find(run.requireID(), on: app.db))
            #expect(done.status == .done && done.progress == 12 && done.finishedAt != nil)
            let outcome = try #require(done.outcome)
            #expect(outcome.town?.scenario.count == 3)
            #expect(outcome.scenario.villages.count == 8)
            let job = try #require(try await Job.query(on: app.db).filter(\.$kind == SimulationJobs.run).first())
            #expect(job.status == .done)

            let page = try await browser.get(path)
            let html = page.body.string
            #expect(!html.contains(#"http-equiv="refresh""#))
            #expect(html.contains(#"id="view-form""#))
            #expect(html.components(separatedBy: #"<svg class="chart band-chart""#).count - 1 == 5)
            #expect(html.contains(#"id="taobao-town-\#(scenario.start)""#), "the town's Taobao-town share")
            let one = try await browser.get(path + "?village=" + Self.dingzhuang)
            #expect(one.status == .ok && one.body.string.contains(#"<option value="\#(Self.dingzhuang)" selected>"#))
            #expect(!one.body.string.contains(#"id="taobao-town-"#))
            let stranger = try await browser.get(path + "?village=" + Self.shijing)
            #expect(stranger.status == .badRequest)
            let csv = try await browser.get(path + "/csv")
            let rows = csv.body.string.split(separator: "\r\n").count
            #expect(rows == 73, "a header, and 3 summaries × 8 villages × 3 years")

            // A second, village, run; the two side by side.
            try await browser.get("/insights/simulation")
            let second = try await browser.post(
                "/insights/simulation",
                Self.fields(Self.dingzhuang, [("broadband", "80%"), ("years", "3"), ("runs", "6")]))
            let secondPath = try Self.runPath(second)
            let a = try run.requireID().uuidString.lowercased()
            let b = String(secondPath.split(separator: "/").last!)
            let list = try await browser.get("/insights/simulation")
            #expect(list.body.string.contains(#"id="compare-form""#))
            let compared = try await browser.get("/insights/simulation/compare?a=\(a)&b=\(b)")
            #expect(compared.status == .ok, "\(compared.body.string)")
            #expect(
                compared.body.string.contains(#"id="compare-a""#) && compared.body.string.contains(#"id="compare-b""#))
            #expect(compared.body.string.components(separatedBy: #"<svg class="chart band-chart""#).count - 1 == 5)
            #expect(compared.body.string.contains(#"id="compare-effect-salesMinor""#))
            let bad = try await browser.get("/insights/simulation/compare?a=\(a)&b=nothing")
            #expect(bad.status == .badRequest)
            let missing = try await browser.get("/insights/simulation/compare?a=\(a)&b=\(UUID().uuidString)")
            #expect(missing.status == .notFound)
        }
    }

    @Test(arguments: TestStore.available)
    func badInputOutOfScopeAndSellersAreRefusedWithNothingWritten(store: TestStore) async throws {
        try await Self.withCounty(on: store) { app in
            var browser = try await Self.browser(app, "official", "en")
            try await browser.get("/insights/simulation")
            let refusals: [([(String, String)], String)] = [
                (Self.fields("371799101299"), "There is no village or town with the code 371799101299."),
                (Self.fields("abc"), "Choose a village or a town."),
                (Self.fields(Self.dingzhuang, [("broadband", "1.5")]), "Broadband coverage is a share from 0 to 1"),
                (Self.fields(Self.dingzhuang, [("broadband", "-0.2")]), "Broadband coverage is a share from 0 to 1"),
                (Self.fields(Self.dingzhuang, [("training", "-5")]), "People are a whole number from 0 to 1,000,000."),
                (Self.fields(Self.dingzhuang, [("returnees", "-1")]), "People are a whole number from 0 to 100,000."),
                (Self.fields(Self.dingzhuang, [("runs", "201")]), "Runs are a whole number from 1 to 200."),
                (Self.fields(Self.dingzhuang, [("runs", "0")]), "Runs are a whole number from 1 to 200."),
                (Self.fields(Self.dingzhuang, [("years", "0")]), "The horizon is 1 to 20 years."),
                (Self.fields(Self.dingzhuang, [("subsidy", "-3")]), "A subsidy is an amount in yuan"),
                (
                    Self.fields(Self.dingzhuang, [("subsidy", "500"), ("subsidyYears", "30")]),
                    "A subsidy lasts 1 to 20"
                ),
                (Self.fields(Self.dingzhuang, [("seed", "x")]), "The seed is a whole number"),
                (
                    Self.fields("371799100", [("runs", "200"), ("years", "20")]),
                    "Too large: 6,512 households × 200 runs × 20 years is more than 20,000,000."
                ),
            ]
            for (fields, message) in refusals {
                let refused = try await browser.post("/insights/simulation", fields)
                #expect(refused.status == .badRequest, "\(fields)")
                #expect(refused.body.string.contains(#"id="simulation-error""#), "\(fields)")
                #expect(refused.body.string.contains(message), "\(fields): \(message)")
                #expect(refused.body.string.contains(#"id="simulation-form""#))
            }
            // The form comes back as typed.
            let kept = try await browser.post(
                "/insights/simulation", Self.fields(Self.dingzhuang, [("broadband", "1.5"), ("training", "120")]))
            #expect(kept.body.string.contains(#"name="training" id="training" value="120""#))
            #expect(kept.body.string.contains(#"name="broadband" id="broadband" value="1.5""#))
            #expect(kept.body.string.contains(#"aria-invalid="true""#))
            // Without the form's token.
            let forged = try await browser.post("/insights/simulation", Self.fields(Self.dingzhuang), csrf: .omit)
            #expect(forged.status == .forbidden)

            // A town's official: their town only.
            let daying = try #require(try await Town.query(on: app.db).filter(\.$code == Self.daying).first())
            let account = Account(
                id: UUID(), username: "official-daying", passwordHash: try Bcrypt.hash(DemoCounty.password, cost: 4),
                displayName: "Daying office", preferredLanguage: .en)
            try await account.create(on: app.db)
            try await RoleGrantRecord(
                id: UUID(), accountID: try account.requireID(),
                grant: RoleGrant(role: .official, scope: .town(try daying.requireID()))
            ).create(on: app.db)
            var town = try await WebBrowser.signedIn(app, "official-daying", acceptLanguage: "en")
            let own = try await town.get("/insights/simulation")
            #expect(own.status == .ok)
            #expect(own.body.string.contains(#"<option value="\#(Self.dingzhuang)""#))
            #expect(!own.body.string.contains(#"<option value="\#(Self.shijing)""#))
            let outside = try await town.post("/insights/simulation", Self.fields(Self.shijing, [("runs", "2")]))
            #expect(outside.status == .forbidden)
            let outsideTown = try await town.post("/insights/simulation", Self.fields("371799100", [("runs", "2")]))
            #expect(outsideTown.status == .forbidden)

            // A seller sees no page and runs nothing.
            var seller = try await WebBrowser.signedIn(app, "seller", acceptLanguage: "en")
            #expect(try await seller.get("/insights/simulation").status == .forbidden)
            let sold = try await seller.post("/insights/simulation", Self.fields(Self.dingzhuang, [("runs", "2")]))
            #expect(sold.status == .forbidden)
            #expect(try await seller.get("/manage").body.string.contains("tool-simulation") == false)

            let written = try await Self.counts(app)
            #expect(written.runs == 0 && written.jobs == 0, "nothing was written")

            // The county's run of 石井村 is not the Daying official's to read.
            let county = try await browser.post("/insights/simulation", Self.fields(Self.shijing, [("runs", "2")]))
            let path = try Self.runPath(county)
            #expect(try await town.get(path).status == .forbidden)
            #expect(try await town.get(path + "/csv").status == .forbidden)
            #expect(try await seller.get(path).status == .forbidden)
            #expect(
                try await town.get("/insights/simulation").body.string.contains(
                    String(path.split(separator: "/").last!)) == false)
            #expect(try await browser.get("/insights/simulation/runs/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test func theLeversAreSharedAndTheFormReadsNumbersAsTyped() throws {
        let villages = [
            VillageSpec(code: "a", households: 100, industry: .mixed),
            VillageSpec(code: "b", households: 200, industry: .mixed),
            VillageSpec(code: "c", households: 100, industry: .mixed),
        ]
        let shares = SimulationStart.shared(7, among: villages)
        #expect(shares.map(\.share).reduce(0, +) == 7)
        #expect(shares.map(\.share) == [2, 3, 2], "1.75, 3.5 and 1.75: the largest remainders round up")
        #expect(SimulationForm.share("80%") == 0.8)
        #expect(SimulationForm.share("０．５") == 0.5)
        #expect(SimulationForm.share("1.01") == nil && SimulationForm.share("-0") == nil)
        #expect(SimulationForm.count("", upTo: 10) == 0 && SimulationForm.count("11", upTo: 10) == nil)
        var form = SimulationForm()
        form.place = Self.dingzhuang
        let request = try form.request()
        #expect(request.years == 5 && request.runs == 20 && request.seed == 1 && request.levers.isEmpty)
        #expect(
            SimulationRuns.runsInBackground(
                Scenario(name: "x", start: 2027, end: 2031, villages: villages), runs: 20, level: .village) == false)
        #expect(
            SimulationRuns.runsInBackground(
                Scenario(name: "x", start: 2027, end: 2031, villages: villages), runs: 251, level: .village))
        #expect(
            SimulationRuns.runsInBackground(
                Scenario(name: "x", start: 2027, end: 2031, villages: villages), runs: 1, level: .town))
    }
}
