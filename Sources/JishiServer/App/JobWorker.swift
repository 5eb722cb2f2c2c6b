import Community
import Insights
import JishiKit
import Marketplace
import NIOConcurrencyHelpers
import Vapor

/// Runs due background jobs every `pollInterval` while the app is up, and stops with it; as it
/// starts, it queues the recurring jobs that are not queued yet.
final class JobWorker: LifecycleHandler, Sendable {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ app: Application) async throws {
        let queue = app.jishi.jobs
        let interval = app.jishi.config.jobs.pollInterval
        let database = app.db
        let logger = app.logger
        task.withLockedValue { running in
            // On threads of their own: an import's check or a design scan computes for
            // seconds, which on the event loops would hold up every request they serve.
            running = Task(executorPreference: BackgroundThreads.shared) {
                // The recurring jobs: the shop registry's snapshot at each month's turn; a design
                // scan, for listings changed while the server was down; the order book's months
                // ahead; the search facet counts' fold.
                do {
                    try await InsightsJobs.schedule(on: database, queue: queue)
                    try await InsightsJobs.queueDesignScan(on: database, queue: queue)
                    try await MarketplaceJobs.scheduleOrderPartitions(on: database, queue: queue)
                    try await MarketplaceJobs.scheduleFacetFold(on: database, queue: queue)
                } catch {
                    logger.error("job worker: \(String(describing: error).loggable)")
                }
                while !Task.isCancelled {
                    do {
                        let ran = try await queue.runDue(on: database)
                        if ran > 0 { logger.info("ran \(ran) background job(s)") }
                    } catch {
                        logger.error("job worker: \(String(describing: error).loggable)")
                    }
                    try? await Task.sleep(for: .seconds(interval))
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        let running = task.withLockedValue { running in
            defer { running = nil }
            return running
        }
        running?.cancel()
        await running?.value
    }
}
