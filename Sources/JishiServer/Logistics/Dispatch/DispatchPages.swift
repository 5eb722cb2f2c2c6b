import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Vapor

/// `/dispatch`: the day's plan for a dispatcher or admin: plan it (again, around locked runs),
/// move a stop, lock a run, publish it to the couriers. The service decides who may.
enum DispatchPages {
    /// Search times the page offers, in seconds.
    static let timeLimits = [2, 5, 10, 30]

    @Sendable static func show(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInDispatcher(request)
        let date = try DayPages.day(request.query[String.self, at: "date"], request: request)
        var model = try await load(date, principal: principal, request: request)
        model.notice = request.query[String.self, at: "done"] == "1"
        model.refusal = request.query[String.self, at: "refused"].map { String($0.prefix(200)) }
        if let entry = request.jishi.planning.read(date) {
            if let failure = entry.failure { model.refusal = failure } else { model.planning = entry }
        }
        let response = page(model, session: session)
        // While the day is being planned, the page looks again each second.
        if model.planning != nil { response.headers.replaceOrAdd(name: "Refresh", value: "1") }
        return response
    }

    @Sendable static func plan(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInDispatcher(request)
        let form = try FormValues.verified(request, session: session)
        let date = try DayPages.day(form["date"], request: request)
        let limit = Int(form["timeLimit"]).flatMap { timeLimits.contains($0) ? $0 : nil } ?? 5
        let services = request.jishi
        let board = services.planning
        // The engine searches for the whole time limit: it runs in the background, and the day's
        // page shows its progress until the plan is stored.
        guard board.start(date, timeLimit: Double(limit), at: services.dependencies.now()) else {
            return WebPage.redirect(toPath: SitePath.dispatch.path + "?date=" + date, session: session)
        }
        let dispatch = services.dispatch
        let database = request.application.db
        let logger = request.logger
        Task.detached {
            do {
                _ = try await dispatch.plan(
                    date, timeLimit: Double(limit), seed: 1, by: .account(principal),
                    progress: { board.update(date, $0) }, on: database)
                board.finish(date, failure: nil)
            } catch let problem as Problem {
                board.finish(date, failure: problem.detail ?? problem.title)
            } catch {
                logger.error("planning \(date) failed: \(String(reflecting: error))")
                board.finish(date, failure: "\(error)")
            }
        }
        return WebPage.redirect(toPath: SitePath.dispatch.path + "?date=" + date, session: session)
    }

    @Sendable static func publish(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInDispatcher(request)
        let form = try FormValues.verified(request, session: session)
        let date = try DayPages.day(form["date"], request: request)
        return try await acting(date, session: session, request: request) {
            let service = request.jishi.dispatch
            let plan = try await service.plan(of: date, by: principal, on: request.db)
            _ = try await service.publish(plan.id, by: principal, on: request.db)
        }
    }

    @Sendable static func lock(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInDispatcher(request)
        let form = try FormValues.verified(request, session: session)
        let date = try DayPages.day(form["date"], request: request)
        let runID = try request.pageID("run")
        return try await acting(date, session: session, request: request) {
            _ = try await request.jishi.dispatch.setLocked(
                runID, form["locked"] == "1", by: principal, on: request.db)
        }
    }

    @Sendable static func move(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInDispatcher(request)
        let form = try FormValues.verified(request, session: session)
        let date = try DayPages.day(form["date"], request: request)
        return try await acting(date, session: session, request: request) {
            guard let stopID = UUID(uuidString: form["stop"]), let runID = UUID(uuidString: form["run"]) else {
                throw Problem.validation("stop", "Choose a stop and a run.")
            }
            guard let position = Int(form["position"]), position >= 1 else {
                throw Problem.validation("position", "A place in the run, from 1.")
            }
            _ = try await request.jishi.dispatch.moveStop(
                stopID, toRun: runID, position: position, by: principal, on: request.db)
        }
    }

    /// Does `body`, then goes back to the day: with "saved", or with the service's reason.
    private static func acting(
        _ date: String, session: WebSession, request: Request, _ body: () async throws -> Void
    ) async throws -> Response {
        try await DayPages.back(to: SitePath.dispatch.path + "?date=" + date, session: session, body)
    }

    /// Only dispatchers and admins come here; anyone else gets a `403`.
    private static func signedInDispatcher(_ request: Request) async throws -> (WebSession, Principal) {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        guard principal.has(.dispatcher) || principal.has(.admin) else {
            throw Problem.forbidden("Only dispatchers and admins plan the day.")
        }
        return (session, principal)
    }

    private static func load(_ date: String, principal: Principal, request: Request) async throws
        -> DispatchPage.Model
    {
        var model = DispatchPage.Model(date: date)
        do {
            model.plan = try await request.jishi.dispatch.plan(of: date, by: principal, on: request.db)
        } catch let problem as Problem where problem.status == 404 {
            model.plan = nil
        }
        let runs = model.plan?.runs ?? []
        let courierIDs = Set(runs.compactMap(\.courierID))
        let couriers = try await Account.query(on: request.db).filter(\.$id ~~ courierIDs).all()
        model.courierNames = Dictionary(
            couriers.compactMap { account in account.id.map { ($0, account.displayName) } },
            uniquingKeysWith: { a, _ in a })
        if !runs.isEmpty, let hub = try? await request.jishi.dispatch.hub(on: request.db) {
            model.map = try await RunMap.county(hub: hub, runs: runs, on: request.db)
        }
        return model
    }

    private static func page(_ model: DispatchPage.Model, session: WebSession) -> Response {
        let view = DispatchPage.View(model: model, context: PageContext(session: session, current: .dispatch))
        return WebPage.response(view.html, session: session)
    }
}
