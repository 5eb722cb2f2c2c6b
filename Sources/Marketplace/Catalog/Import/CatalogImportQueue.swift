import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Catalogue imports too big to wait for in one page load: the file (and its ZIP of photos) is
/// kept with a job in one transaction (``submit``), a worker runs it through the same
/// ``CatalogImport`` as the command line (``perform``), and the page follows it
/// (``CatalogImportRun``'s status, `done` of `total`).
///
/// While the rows are checked the worker writes how far it has got, once a second, into the
/// run's row; that is also its heartbeat. Writing is one transaction, during which nothing else
/// is written to the row (SQLite has one writer): how far the write has got is kept in this
/// process (``CatalogImportProgress``) for a page served by it. Once written, a run of many
/// products waits for the search's ranked index to be made again: the row says so
/// (``CatalogImportRun/Status/indexing``), so a page from any server shows it. A run whose
/// worker has been silent for ``stale`` is taken over by the job's next attempt; taking it over
/// is safe, because an import is idempotent (a second run of a written file finds every row
/// unchanged).
public struct CatalogImportQueue: Sendable {
    /// Payload: a `CatalogImportRun` id.
    public static let job = "marketplace.catalog-import"
    /// The refused rows a run keeps (the count says how many there were).
    public static let keptErrors = 500
    /// A run whose worker has said nothing for this long is taken over.
    public static let stale: TimeInterval = 30 * 60
    /// How often a checking worker writes its progress.
    static let heartbeat: Duration = .seconds(1)

    public let context: MarketplaceContext
    public let store: PhotoStore?
    /// From how many products written the ranked index is set aside (``CatalogImport``'s).
    let rankedIndexAsideFrom: Int

    public init(
        context: MarketplaceContext, store: PhotoStore?, rankedIndexAsideFrom: Int = SearchIndex.rankedIndexAsideFrom
    ) {
        self.context = context
        self.store = store
        self.rankedIndexAsideFrom = rankedIndexAsideFrom
    }

    /// `queue` with the import's handler added.
    public static func register(on queue: JobQueue, context: MarketplaceContext, store: PhotoStore?) -> JobQueue {
        queue.handling(job) { payload, database in
            guard let id = UUID(uuidString: payload) else {
                throw JobError(message: "Bad catalog import id \(payload).")
            }
            try await CatalogImportQueue(context: context, store: store).perform(id, on: database)
        }
    }

    /// Keeps the file and its photos with the job that imports them, for the shop's staff (or
    /// an admin of its place) while the shop is open; nothing is checked row by row yet.
    public func submit(
        _ file: Data, fileName: String, photos: Data?, into shopID: UUID, by principal: Principal,
        on database: any Database
    ) async throws -> CatalogImportRun {
        let shop = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        guard shop.status == .active else {
            throw Problem(type: .conflict, detail: "The shop is \(shop.status.rawValue).")
        }
        let name = String(fileName.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let run = CatalogImportRun(
            id: context.dependencies.uuid(), shopID: shopID, accountID: principal.accountID,
            fileName: name.isEmpty ? "catalogue.csv" : name, file: file, photos: photos,
            createdAt: context.dependencies.now())
        let jobs = context.jobs
        try await context.transactions.transaction(on: database) { db in
            try await run.create(on: db)
            try await jobs.enqueue(Self.job, payload: try run.requireID().uuidString, maxAttempts: 20, on: db)
        }
        return run
    }

    /// One of the shop's runs, for its staff (or an admin of its place); `404` otherwise.
    public func run(_ id: UUID, of shopID: UUID, for principal: Principal, on database: any Database) async throws
        -> CatalogImportRun
    {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        guard let run = try await CatalogImportRun.find(id, on: database), run.$shop.id == shopID else {
            throw Problem.notFound("The import", field: "importId")
        }
        return run
    }

    /// The shop's latest runs, newest first.
    public func recent(of shopID: UUID, for principal: Principal, limit: Int = 5, on database: any Database)
        async throws -> [CatalogImportRun]
    {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        return try await CatalogImportRun.query(on: database).filter(\.$shop.$id == shopID)
            .sort(\.$createdAt, .descending).sort(\.$id).limit(limit).all()
    }

    /// The bad rows a refused run kept.
    public static func errors(of run: CatalogImportRun) -> [CSVFile.LineError] {
        guard let json = run.errors,
            let rows = try? JSONDecoder().decode([KeptError].self, from: Data(json.utf8))
        else { return [] }
        return rows.map { CSVFile.LineError(line: $0.line, column: $0.column, message: $0.message) }
    }

    /// A done run's counts.
    public static func outcome(of run: CatalogImportRun) -> CatalogImport.Outcome? {
        run.outcome.flatMap { try? JSONDecoder().decode(CatalogImport.Outcome.self, from: Data($0.utf8)) }
    }

    /// How far a run has got: this process's count while it writes, else the row's.
    public static func progress(of run: CatalogImportRun) -> CatalogImport.Progress? {
        guard let id = run.id, !run.status.isFinished else { return nil }
        if let local = CatalogImportProgress.shared[id] { return local }
        guard run.total > 0 else { return nil }
        let stage: CatalogImport.Progress.Stage =
            switch run.status {
            case .writing: .writing
            case .indexing: .indexing
            default: .checking
            }
        return CatalogImport.Progress(stage: stage, done: run.done, total: run.total)
    }

    private struct KeptError: Codable {
        var line: Int
        var column: String?
        var message: String
    }

    // MARK: The worker

    /// Runs the import of run `id` (the job's handler): claims the run, checks and writes the
    /// file, and records how it ended. A finished or vanished run is left alone; a run another
    /// worker is still at makes this attempt fail, to be retried later.
    public func perform(_ id: UUID, on database: any Database) async throws {
        guard let run = try await CatalogImportRun.find(id, on: database), !run.status.isFinished else { return }
        let now = context.dependencies.now()
        if run.status != .queued, now.timeIntervalSince(run.heartbeatAt ?? run.createdAt) < Self.stale {
            throw JobError(message: "Catalog import \(id) is being run by another worker.")
        }
        let sql = try database.sql()
        let attempt = run.attempt + 1
        let claimed = try await sql.raw(
            """
            UPDATE \(ident: CatalogImportRun.schema) SET attempt = \(bind: attempt), \
            status = \(bind: CatalogImportRun.Status.checking.rawValue), heartbeat_at = \(bind: now) \
            WHERE id = \(bind: id) AND attempt = \(bind: run.attempt) RETURNING id
            """
        ).all()
        guard !claimed.isEmpty else { throw JobError(message: "Catalog import \(id) was claimed by another worker.") }
        guard let file = run.file else {
            try await finish(id, attempt: attempt, status: .failed, message: "The file is gone.", on: sql)
            return
        }
        CatalogImportProgress.shared[id] = CatalogImport.Progress(stage: .checking, done: 0, total: 0)
        defer { CatalogImportProgress.shared[id] = nil }
        var zipURL: URL?
        defer { if let zipURL { try? FileManager.default.removeItem(at: zipURL) } }
        var archive: PhotoArchive?
        if let photos = run.photos {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("jishi-import-\(id.uuidString).zip")
            zipURL = url
            do {
                try photos.write(to: url)
                archive = try PhotoArchive(url: url)
            } catch {
                try await finish(
                    id, attempt: attempt, status: .failed, message: "The photos file is not a ZIP file.", on: sql)
                return
            }
        }
        let dependencies = context.dependencies
        let beats = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.heartbeat)
                guard !Task.isCancelled, let progress = CatalogImportProgress.shared[id] else { continue }
                try? await sql.raw(
                    """
                    UPDATE \(ident: CatalogImportRun.schema) SET done = \(bind: progress.done), \
                    total = \(bind: progress.total), heartbeat_at = \(bind: dependencies.now()) \
                    WHERE id = \(bind: id) AND attempt = \(bind: attempt)
                    """
                ).run()
            }
        }
        do {
            let outcome = try await CatalogImport(context: context, rankedIndexAsideFrom: rankedIndexAsideFrom).run(
                file, photos: archive, store: store, into: run.$shop.id, on: database,
                progress: { CatalogImportProgress.shared[id] = $0 },
                beforeWriting: {
                    beats.cancel()
                    _ = await beats.value
                    let total = CatalogImportProgress.shared[id]?.total ?? 0
                    try await Self.move(
                        id, attempt: attempt, to: .writing, done: total, total: total, at: dependencies.now(), on: sql)
                },
                beforeIndexing: { products in
                    // Committed: the row is free again. Only from `writing`, so a late update
                    // never undoes how the run ended.
                    try? await Self.move(
                        id, attempt: attempt, to: .indexing, done: 0, total: products, from: .writing,
                        at: dependencies.now(), on: sql)
                })
            let json = String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
            try await finish(id, attempt: attempt, status: .done, outcome: json, on: sql)
        } catch let refused as CSVFile.Refused {
            beats.cancel()
            let kept = refused.errors.prefix(Self.keptErrors).map {
                KeptError(line: $0.line, column: $0.column, message: $0.message)
            }
            let json = String(decoding: try JSONEncoder().encode(Array(kept)), as: UTF8.self)
            try await finish(
                id, attempt: attempt, status: .refused, errors: json, errorCount: refused.errors.count, on: sql)
        } catch let problem as Problem where (400..<500).contains(problem.status) {
            // The shop closed meanwhile, a photo went missing: not worth another attempt.
            beats.cancel()
            try await finish(id, attempt: attempt, status: .failed, message: problem.detail ?? problem.title, on: sql)
        } catch {
            // Anything else (the database went away): give the run back for the job's next attempt.
            beats.cancel()
            try? await sql.raw(
                """
                UPDATE \(ident: CatalogImportRun.schema) SET status = \(bind: CatalogImportRun.Status.queued.rawValue), \
                done = 0, total = 0 WHERE id = \(bind: id) AND attempt = \(bind: attempt)
                """
            ).run()
            throw error
        }
    }

    /// Moves the run this attempt holds to `status` with its counts, and says the worker is at it;
    /// with `from`, only while the run is still at that status.
    private static func move(
        _ id: UUID, attempt: Int, to status: CatalogImportRun.Status, done: Int, total: Int,
        from: CatalogImportRun.Status? = nil, at now: Date, on sql: any SQLDatabase
    ) async throws {
        var query: SQLQueryString = """
            UPDATE \(ident: CatalogImportRun.schema) SET status = \(bind: status.rawValue), done = \(bind: done), \
            total = \(bind: total), heartbeat_at = \(bind: now) WHERE id = \(bind: id) AND attempt = \(bind: attempt)
            """
        if let from {
            query.appendLiteral(" AND status = ")
            query.appendInterpolation(bind: from.rawValue)
        }
        try await sql.raw(query).run()
    }

    /// Records how a run ended and lets go of its file and photos.
    private func finish(
        _ id: UUID, attempt: Int, status: CatalogImportRun.Status, outcome: String? = nil, errors: String? = nil,
        errorCount: Int = 0, message: String? = nil, on sql: any SQLDatabase
    ) async throws {
        let now = context.dependencies.now()
        let done = status == .done ? CatalogImportProgress.shared[id]?.total ?? 0 : 0
        try await sql.raw(
            """
            UPDATE \(ident: CatalogImportRun.schema) SET status = \(bind: status.rawValue), \
            done = CASE WHEN \(bind: done) > 0 THEN \(bind: done) ELSE done END, \
            total = CASE WHEN \(bind: done) > 0 THEN \(bind: done) ELSE total END, \
            outcome = \(bind: outcome), errors = \(bind: errors), error_count = \(bind: errorCount), \
            message = \(bind: message), file = NULL, photos = NULL, finished_at = \(bind: now), \
            heartbeat_at = \(bind: now) WHERE id = \(bind: id) AND attempt = \(bind: attempt)
            """
        ).run()
    }
}

/// How far the imports this process is running have got (written to their rows only while
/// checking: see ``CatalogImportQueue``).
public final class CatalogImportProgress: @unchecked Sendable {
    public static let shared = CatalogImportProgress()

    private let lock = NSLock()
    private var runs: [UUID: CatalogImport.Progress] = [:]

    public subscript(id: UUID) -> CatalogImport.Progress? {
        get { lock.withLock { runs[id] } }
        set { lock.withLock { runs[id] = newValue } }
    }
}
