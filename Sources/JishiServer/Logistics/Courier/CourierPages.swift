import Community
import Foundation
import JishiKit
import Logistics
import Vapor

/// `/courier`: the signed-in courier's published runs of a day, phone first: load at the hub,
/// each stop's parcels to leave and collect with a form to hand one over (typed, or by a
/// scanner that types), a parcel to the door with proof, a stop done or failed, hand in at the
/// hub. The courier service decides who may; every form comes back here.
enum CourierPages {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let date = try DayPages.day(request.query[String.self, at: "date"], request: request)
        var model = CourierPage.Model(date: date)
        model.runs = try await request.jishi.dispatch.runs(of: principal.accountID, on: date, on: request.db)
        model.notice = request.query[String.self, at: "done"] == "1"
        model.refusal = request.query[String.self, at: "refused"].map { String($0.prefix(200)) }
        if !model.runs.isEmpty, let hub = try? await request.jishi.dispatch.hub(on: request.db) {
            // Each run on its own map, with the roads it drives on.
            let roads = try await RunMap.roads(on: request.db)
            model.maps = Dictionary(
                uniqueKeysWithValues: model.runs.map { ($0.id, RunMap(hub: hub, runs: [$0], roads: roads)) })
            model.shiftStart = hub.opensAt
        }
        let view = CourierPage.View(model: model, context: PageContext(session: session, current: .courier))
        return WebPage.response(view.html, session: session, runsScanScript: true)
    }

    @Sendable static func load(_ request: Request) async throws -> Response {
        try await acting(request) { principal, _ in
            _ = try await request.jishi.courier.load(try request.pageID("run"), by: principal, on: request.db)
        }
    }

    @Sendable static func unload(_ request: Request) async throws -> Response {
        try await acting(request) { principal, _ in
            _ = try await request.jishi.courier.unload(try request.pageID("run"), by: principal, on: request.db)
        }
    }

    @Sendable static func scan(_ request: Request) async throws -> Response {
        try await acting(request) { principal, form in
            _ = try await request.jishi.courier.scan(
                try request.pageID("stop"), tracking: form["tracking"], by: principal, on: request.db)
        }
    }

    @Sendable static func door(_ request: Request) async throws -> Response {
        try await acting(request) { principal, form in
            let digits = form["digits"].trimmingCharacters(in: .whitespaces)
            let proof: CourierService.Proof = digits.isEmpty ? .signature(form["signature"]) : .phoneLast4(digits)
            try await request.jishi.courier.handToRecipient(
                try request.pageID("stop"), tracking: form["tracking"], proof: proof, by: principal, on: request.db)
        }
    }

    @Sendable static func done(_ request: Request) async throws -> Response {
        try await acting(request) { principal, _ in
            try await request.jishi.courier.finish(try request.pageID("stop"), by: principal, on: request.db)
        }
    }

    @Sendable static func fail(_ request: Request) async throws -> Response {
        try await acting(request) { principal, form in
            try await request.jishi.courier.fail(
                try request.pageID("stop"), reason: form["reason"], by: principal, on: request.db)
        }
    }

    /// Checks the form, does `body`, and goes back to the day: with "saved", or with the reason.
    private static func acting(
        _ request: Request, _ body: (Principal, FormValues) async throws -> Void
    ) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        let date = try DayPages.day(form["date"], request: request)
        return try await DayPages.back(to: SitePath.courier.path + "?date=" + date, session: session) {
            try await body(principal, form)
        }
    }
}
