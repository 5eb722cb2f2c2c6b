import Community
import FluentKit
import Foundation
import Insights
import JishiKit
import NIOConcurrencyHelpers
import Persistence
import Simulation

/// Starts, runs and finds the saved policy scenarios. A small one (a village, and no more than
/// `backgroundWork` households × runs) runs at once and is saved done; a town's, or a larger
/// village's, is saved queued with a job that the worker runs (`SimulationJobs.run`).
struct SimulationRuns: Sendable {
    var context: InsightsContext
    var queue: JobQueue

    /// Above this many households × runs (per ensemble) a village's scenario runs in the
    /// background: 312 households × 20 runs (丁庄村 by default) answer at once in well under a
    /// second; 2,380 × 50 (石井村 with 50 runs) wait for the worker. A town always waits.
    static let backgroundWork = 100_000

    /// At most this many households × runs × years in one ensemble, so that a run (twice this
    /// work, with the baseline) ends well within the job queue's 60 s lease: about 6 s an
    /// ensemble in a debug build on one core. (集市镇's 6,512 households, 200 runs over 20 years
    /// would be 26 million: 150 runs fit.)
    static let maximumWork = 20_000_000

    /// Whether `scenario` run `runs` times goes to the job queue.
    static func runsInBackground(_ scenario: Scenario, runs: Int, level: SimulationRun.Level) -> Bool {
        level == .town || scenario.villages.reduce(0) { $0 + $1.households } * runs > backgroundWork
    }

    /// A request refused before anything is written: the field and what to say.
    typealias Failure = SimulationForm.Failure

    /// Checks `request` against the database and `principal`'s scope, builds the scenario and
    /// runs it now or queues it; returns the saved run. Writes nothing when it throws: a
    /// `Failure` for a field, a `403` problem for a place out of scope.
    func start(
        _ request: SimulationRequest, by principal: Principal, language: JishiKit.Language, on database: any Database
    )
        async throws -> SimulationRun
    {
        let scope = try await InsightsScope.of(principal, on: database)
        guard let place = try await SimulationStart.place(request.place, scope: scope, on: database) else {
            throw Failure(field: "place", message: FormMessage(.simulationErrorUnknownPlace, request.place))
        }
        let placeName = language == .zhHans ? place.name : place.nameEn
        let start = SimulationStart(context: context)
        var scenario = try await start.scenario(request, place: place, name: "-", by: principal, on: database)
        scenario.name = request.name ?? "\(placeName) \(scenario.start)–\(scenario.end)"
        do {
            try scenario.validate()
        } catch {
            throw Failure(field: "place", message: FormMessage(.simulationErrorScenario, error.description))
        }
        let households = scenario.villages.reduce(0) { $0 + $1.households }
        let years = scenario.years.count
        guard households * request.runs * years <= Self.maximumWork else {
            throw Failure(
                field: "runs",
                message: FormMessage(
                    .simulationErrorTooLarge, SimulationNumbers.count(Double(households)), String(request.runs),
                    String(years), SimulationNumbers.count(Double(Self.maximumWork))))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let run = SimulationRun()
        run.id = context.dependencies.uuid()
        run.name = scenario.name
        run.placeCode = place.code
        run.townCode = place.townCode
        run.level = place.level
        run.runs = request.runs
        run.seed = Int64(request.seed)
        run.progress = 0
        run.total = 2 * request.runs
        run.request = String(decoding: try encoder.encode(request), as: UTF8.self)
        run.scenario = String(decoding: try encoder.encode(scenario), as: UTF8.self)
        run.createdBy = principal.accountID
        run.createdAt = context.dependencies.now()
        if Self.runsInBackground(scenario, runs: request.runs, level: place.level) {
            run.status = .queued
            let id = try run.requireID()
            try await context.transactions.transaction(on: database) { [queue] database in
                try await run.create(on: database)
                try await queue.enqueue(SimulationJobs.run, payload: id.uuidString, maxAttempts: 3, on: database)
            }
        } else {
            let outcome = await SimulationOutcome.compute(
                scenario, runs: request.runs, seed: request.seed, town: place.level == .town, tick: {})
            run.status = .done
            run.progress = run.total
            run.result = String(decoding: try encoder.encode(outcome), as: UTF8.self)
            run.finishedAt = context.dependencies.now()
            try await context.transactions.transaction(on: database) { database in try await run.create(on: database) }
        }
        return run
    }

    /// Runs the queued run `id` (the job's work): saves its progress as the ensembles go, then
    /// its outcome; a run that cannot be read is saved failed. Nothing to do when it is done.
    func execute(_ id: UUID, on database: any Database) async throws {
        guard let run = try await SimulationRun.find(id, on: database), run.status == .queued || run.status == .running
        else { return }
        run.status = .running
        run.progress = 0
        try await context.transactions.transaction(on: database) { database in try await run.save(on: database) }
        let scenario: Scenario
        do {
            scenario = try JSONDecoder().decode(Scenario.self, from: Data(run.scenario.utf8))
            try scenario.validate()
        } catch {
            try await finish(run, error: String(describing: error), on: database)
            return
        }
        let done = NIOLockedValueBox(0)
        let reporter = Task {
            var saved = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                let now = done.withLockedValue { $0 }
                guard now != saved else { continue }
                saved = now
                try? await SimulationRun.query(on: database).filter(\.$id == id).set(\.$progress, to: now).update()
            }
        }
        let outcome = await SimulationOutcome.compute(
            scenario, runs: run.runs, seed: UInt64(run.seed), town: run.level == .town,
            tick: { done.withLockedValue { $0 += 1 } })
        reporter.cancel()
        await reporter.value
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        run.result = String(decoding: try encoder.encode(outcome), as: UTF8.self)
        try await finish(run, error: nil, on: database)
    }

    private func finish(_ run: SimulationRun, error: String?, on database: any Database) async throws {
        run.status = error == nil ? .done : .failed
        run.error = error.map { String($0.prefix(500)) }
        if error == nil { run.progress = run.total }
        run.finishedAt = context.dependencies.now()
        try await context.transactions.transaction(on: database) { database in try await run.save(on: database) }
    }

    /// The runs `principal` may see (those of the towns in scope), newest first.
    func list(by principal: Principal, limit: Int = 50, on database: any Database) async throws -> [SimulationRun] {
        let towns = try await Self.townCodes(principal, on: database)
        guard !towns.isEmpty else { return [] }
        return try await SimulationRun.query(on: database).filter(\.$townCode ~~ towns)
            .sort(\.$createdAt, .descending).sort(\.$id).limit(limit).all()
    }

    /// The run `id` if `principal` may see it: `404` when there is none, `403` out of scope.
    func find(_ id: UUID, by principal: Principal, on database: any Database) async throws -> SimulationRun {
        let towns = try await Self.townCodes(principal, on: database)
        guard let run = try await SimulationRun.find(id, on: database) else {
            throw Problem.notFound("The scenario")
        }
        guard towns.contains(run.townCode) else { throw Problem.forbidden("This scenario's place is out of scope.") }
        return run
    }

    /// The codes of the towns `principal` sees (`403` when none).
    static func townCodes(_ principal: Principal, on database: any Database) async throws -> [String] {
        let scope = try await InsightsScope.of(principal, on: database)
        return try await GeographyRows.towns(on: database).compactMap { town in
            town.id.map(scope.sees(town:)) == true ? town.code : nil
        }
    }
}

extension SimulationRun {
    /// The outcome, when the run is done and it reads.
    var outcome: SimulationOutcome? {
        guard status == .done, let result else { return nil }
        return try? JSONDecoder().decode(SimulationOutcome.self, from: Data(result.utf8))
    }

    /// What was asked, as the form read it.
    var asked: SimulationRequest? {
        try? JSONDecoder().decode(SimulationRequest.self, from: Data(request.utf8))
    }

    /// The scenario's villages and years.
    var scenarioValue: Scenario? {
        try? JSONDecoder().decode(Scenario.self, from: Data(scenario.utf8))
    }
}

/// The background job of a large scenario.
enum SimulationJobs {
    /// Payload: the run's id. Runs the scenario and its baseline and saves the outcome.
    static let run = "simulation.run"

    /// `queue` with the simulation's handler added.
    static func register(on queue: JobQueue, context: InsightsContext) -> JobQueue {
        let handled = queue.handling(run) { payload, database in
            guard let id = UUID(uuidString: payload) else { throw JobError(message: "Bad run id \(payload).") }
            try await SimulationRuns(context: context, queue: queue).execute(id, on: database)
        }
        return handled
    }
}
