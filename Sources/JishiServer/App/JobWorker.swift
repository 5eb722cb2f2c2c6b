import Community
import JishiKit
import NIOConcurrencyHelpers
import Vapor

/// Runs due background jobs every `pollInterval` while the app is up, and stops with it.
final class JobWorker: LifecycleHandler, Sendable {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ app: Application) async throws {
        let queue = app.jishi.jobs
        let interval = app.jishi.config.jobs.pollInterval
        let database = app.db
        let logger = app.logger
        task.withLockedValue { running in
            running = Task {
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
