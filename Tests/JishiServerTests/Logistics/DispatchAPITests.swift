import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Logistics
import Testing
import Vapor

@Suite("Logistics API and pages: dispatch and the courier's run")
struct DispatchAPITests {
    static let date = "2026-12-03"

    @Test(arguments: TestStore.available)
    func aDispatcherPlansLocksAndPublishesAndTheCourierSeesTheirRuns(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            try await LogisticsDemo.loadDay(Self.date, at: Date(), on: app.db)
            let body = #"{"date":"\#(Self.date)","timeLimitSeconds":0.3,"seed":3}"#
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            try await app.send(.POST, "/api/v1/dispatch/plans", json: body, token: buyer).expectProblem(.forbidden)
            let dispatcher = try await app.logIn("dispatcher", password: DemoCounty.password)
            try await app.send(
                .POST, "/api/v1/dispatch/plans", json: #"{"date":"2026-13-01"}"#, token: dispatcher
            ).expectProblem(.validation, field: "date")
            try await app.send(
                .POST, "/api/v1/dispatch/plans", json: #"{"date":"\#(Self.date)","timeLimitSeconds":0}"#,
                token: dispatcher
            ).expectProblem(.validation)
            let planned = try await app.send(.POST, "/api/v1/dispatch/plans", json: body, token: dispatcher)
            #expect(planned.status == .ok, "\(planned.body.string)")
            let plan = try planned.json()
            #expect(plan["status"] as? String == "draft")
            let runs = try #require(plan["runs"] as? [[String: Any]])
            let first = try #require(runs.first)
            let runID = try #require(first["id"] as? String)
            let locked = try await app.send(
                .PUT, "/api/v1/dispatch/runs/\(runID)/lock", json: #"{"locked":true}"#, token: dispatcher
            ).json()
            #expect((locked["runs"] as? [[String: Any]])?.first?["locked"] as? Bool == true)
            let read = try await app.send(.GET, "/api/v1/dispatch/plans/\(Self.date)", token: dispatcher).json()
            #expect(read["id"] as? String == plan["id"] as? String)
            try await app.send(.GET, "/api/v1/dispatch/plans/2026-01-01", token: dispatcher).expectProblem(.notFound)

            // The courier's list is empty until the plan is published.
            let courier = try await app.logIn("courier", password: DemoCounty.password)
            #expect(
                try await app.send(.GET, "/api/v1/courier/runs?date=\(Self.date)", token: courier).jsonArray().isEmpty)
            let published = try await app.send(
                .POST, "/api/v1/dispatch/plans/\(Self.date)/publish", token: dispatcher
            ).json()
            #expect(published["status"] as? String == "published")
            try await app.send(.POST, "/api/v1/dispatch/plans", json: body, token: dispatcher).expectProblem(.conflict)
            let mine = try await app.send(.GET, "/api/v1/courier/runs?date=\(Self.date)", token: courier).jsonArray()
            let expected = runs.filter { ($0["courierId"] as? String) != nil }.compactMap { $0["vehicle"] as? String }
            #expect(mine.compactMap { $0["vehicle"] as? String } == expected)
            #expect(
                try await app.send(.GET, "/api/v1/courier/runs?date=\(Self.date)", token: buyer).jsonArray().isEmpty)
        }
    }

    @Test(arguments: TestStore.available)
    func theDispatchAndCourierPagesPlanPublishAndDriveARun(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            try await LogisticsDemo.loadDay(Self.date, at: Date(), on: app.db)
            var buyer = try await WebBrowser.signedIn(app, "buyer", acceptLanguage: "zh-CN")
            #expect(try await buyer.get("/dispatch").status == .forbidden)
            var dispatcher = try await WebBrowser.signedIn(app, "dispatcher", acceptLanguage: "zh-CN")
            #expect(try await dispatcher.get("/manage").body.string.contains(#"href="/dispatch""#))
            let empty = try await dispatcher.get("/dispatch?date=\(Self.date)")
            #expect(empty.status == .ok && empty.body.string.contains("这一天还没有排车。"))
            let planned = try await dispatcher.post("/dispatch", [("date", Self.date), ("timeLimit", "2")])
            #expect(planned.status == .seeOther)
            // Planning runs in the background; meanwhile the page shows its progress and looks
            // again each second.
            let planning = try await dispatcher.get("/dispatch?date=\(Self.date)")
            #expect(planning.body.string.contains(#"id="planning""#))
            #expect(planning.headers.first(name: "Refresh") == "1")
            #expect(!planning.body.string.contains(#"id="plan-day""#))
            var page = planning
            for _ in 0..<120 where page.headers.first(name: "Refresh") != nil {
                try await Task.sleep(for: .milliseconds(250))
                page = try await dispatcher.get("/dispatch?date=\(Self.date)")
            }
            #expect(!page.body.string.contains(#"id="planning""#))
            #expect(page.body.string.contains("<svg class=\"map\""))
            #expect(page.body.string.contains("id=\"run-"))
            // Whichever van has the first run, the demo courier drives it.
            let courierAccount = try #require(
                try await Account.query(on: app.db).filter(\.$username == "courier").first())
            let run = try #require(try await DispatchRun.query(on: app.db).sort(\.$position).first())
            run.$courier.id = try courierAccount.requireID()
            try await run.save(on: app.db)
            let published = try await dispatcher.post("/dispatch/publish", [("date", Self.date)])
            #expect(published.status == .seeOther)
            #expect(try await DispatchPlan.query(on: app.db).first()?.status == .published)

            var courier = try await WebBrowser.signedIn(app, "courier", acceptLanguage: "zh-CN")
            let home = try await courier.get("/")
            #expect(home.body.string.contains(#"href="/courier""#))
            let runs = try await courier.get("/courier?date=\(Self.date)")
            #expect(runs.status == .ok && runs.body.string.contains("在配送中心装车"))
            let loaded = try await courier.post(
                "/courier/runs/\(try run.requireID().uuidString.lowercased())/load", [("date", Self.date)])
            #expect(loaded.status == .seeOther)
            #expect(try await DispatchRun.find(run.id, on: app.db)?.progress == .loaded)
            let stop = try #require(
                try await DispatchStop.query(on: app.db).filter(\.$run.$id == run.requireID()).sort(\.$position).first()
            )
            let done = try await courier.post(
                "/courier/stops/\(try stop.requireID().uuidString.lowercased())/done", [("date", Self.date)])
            #expect(done.status == .seeOther)
            #expect(try await DispatchStop.find(stop.id, on: app.db)?.outcome == .done)
            let wrong = try await courier.post(
                "/courier/stops/\(try stop.requireID().uuidString.lowercased())/scan",
                [("date", Self.date), ("tracking", "NOPE")])
            #expect(wrong.headers.first(name: .location)?.contains("refused=") == true)
        }
    }
}
