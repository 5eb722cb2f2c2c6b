import Community
import Foundation
import JishiAPI
import JishiKit
import Logistics
import Vapor

extension APIHandler {
    func planDispatch(_ input: Operations.PlanDispatch.Input) async throws -> Operations.PlanDispatch.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let seed = body.seed ?? 1
        guard seed >= 0 else { throw Problem.validation("seed", "A whole number from 0.") }
        let (plan, _) = try await request.jishi.dispatch.plan(
            body.date, timeLimit: body.timeLimitSeconds ?? 10, seed: UInt64(seed), by: .account(principal),
            on: request.db)
        return .ok(.init(body: .json(APIMapping.dispatchPlan(plan))))
    }

    func getDispatchPlan(_ input: Operations.GetDispatchPlan.Input) async throws -> Operations.GetDispatchPlan.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let plan = try await request.jishi.dispatch.plan(of: input.path.date, by: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.dispatchPlan(plan))))
    }

    func publishDispatchPlan(_ input: Operations.PublishDispatchPlan.Input) async throws
        -> Operations.PublishDispatchPlan.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let service = request.jishi.dispatch
        let plan = try await service.plan(of: input.path.date, by: principal, on: request.db)
        let published = try await service.publish(plan.id, by: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.dispatchPlan(published))))
    }

    func lockDispatchRun(_ input: Operations.LockDispatchRun.Input) async throws -> Operations.LockDispatchRun.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let plan = try await request.jishi.dispatch.setLocked(
            try Self.uuid(input.path.runId, field: "runId"), body.locked, by: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.dispatchPlan(plan))))
    }

    func moveDispatchStop(_ input: Operations.MoveDispatchStop.Input) async throws
        -> Operations.MoveDispatchStop.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let plan = try await request.jishi.dispatch.moveStop(
            try Self.uuid(input.path.stopId, field: "stopId"), toRun: try Self.uuid(body.runId, field: "runId"),
            position: body.position, by: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.dispatchPlan(plan))))
    }

    func listCourierRuns(_ input: Operations.ListCourierRuns.Input) async throws -> Operations.ListCourierRuns.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let date = input.query.date ?? PageDate.string(request.jishi.dependencies.now())
        guard PageDate.day(date) != nil else { throw Problem.validation("date", "A date such as 2026-12-03.") }
        let runs = try await request.jishi.dispatch.runs(of: principal.accountID, on: date, on: request.db)
        return .ok(.init(body: .json(runs.map(APIMapping.dispatchRun))))
    }
}

extension APIMapping {
    static func dispatchPlan(_ plan: PlanView) -> Components.Schemas.DispatchPlan {
        .init(
            id: plan.id.uuidString, date: plan.date, status: .init(rawValue: plan.status.rawValue)!,
            distanceMeters: plan.distanceMeters, costMinor: Int64(plan.costMinor), shiftStartMinutes: plan.shiftStart,
            runs: plan.runs.map(dispatchRun),
            unassigned: plan.unassigned.map { .init(tracking: $0.tracking, reason: $0.reason) })
    }

    static func dispatchRun(_ run: PlanView.Run) -> Components.Schemas.DispatchRun {
        .init(
            id: run.id.uuidString, vehicle: run.vehicle.code,
            courierId: run.courierID?.uuidString, distanceMeters: run.distanceMeters,
            durationSeconds: run.durationSeconds, locked: run.locked,
            stops: run.stops.map { stop in
                .init(
                    id: stop.id.uuidString, node: stop.node.code, nodeName: stop.node.name,
                    instanceIndex: stop.instanceIndex, arrivalSeconds: stop.arrivalSeconds,
                    deliverGrams: stop.deliverGrams, pickupGrams: stop.pickupGrams, deliver: stop.deliver,
                    pickup: stop.pickup)
            })
    }
}
