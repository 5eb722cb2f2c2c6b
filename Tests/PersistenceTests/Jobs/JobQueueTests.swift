import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Persistence
import Testing

/// Counts handler runs across tasks.
actor RunCounter {
    private(set) var runs: [String] = []
    func record(_ payload: String) { runs.append(payload) }
}

@Suite("Job queue")
struct JobQueueTests {
    @Test(arguments: TestStore.available)
    func twoRacingWorkersRunEachJobOnce(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestDatabase(on: store, migrations: [CreateJobs()]) { database in
            let db = database.db
            let counter = RunCounter()
            func worker(_ name: String) -> JobQueue {
                JobQueue(dependencies: clock.dependencies, workerID: name).handling("count") { payload, _ in
                    await counter.record(payload)
                }
            }
            for index in 0..<10 {
                try await worker("setup").enqueue("count", payload: "job-\(index)", on: db)
            }
            async let a = worker("a").runDue(on: db)
            async let b = worker("b").runDue(on: db)
            let ran = try await a + b
            #expect(ran == 10)
            #expect(await counter.runs.sorted() == (0..<10).map { "job-\($0)" }.sorted())
            #expect(try await Job.query(on: db).filter(\.$status == .done).count() == 10)
        }
    }

    @Test(arguments: TestStore.available)
    func failuresBackOffThenFail(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestDatabase(on: store, migrations: [CreateJobs()]) { database in
            let db = database.db
            let queue = JobQueue(dependencies: clock.dependencies, workerID: "w").handling("boom") { _, _ in
                throw JobError(message: "boom")
            }
            let job = try await queue.enqueue("boom", payload: "", maxAttempts: 2, on: db)
            #expect(try await queue.runDue(on: db) == 1)
            var stored = try #require(try await Job.find(job.requireID(), on: db))
            #expect(stored.status == .queued)
            #expect(stored.attempts == 1)
            #expect(stored.lastError == "boom")
            // Not due again until the backoff has passed.
            #expect(try await queue.runDue(on: db) == 0)
            clock.advance(by: JobQueue.backoff(attempt: 1) + 1)
            #expect(try await queue.runDue(on: db) == 1)
            stored = try #require(try await Job.find(job.requireID(), on: db))
            #expect(stored.status == .failed)
            #expect(stored.attempts == 2)
        }
    }

    @Test(arguments: TestStore.available)
    func aDeadWorkersLeaseIsTakenOver(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestDatabase(on: store, migrations: [CreateJobs()]) { database in
            let db = database.db
            let counter = RunCounter()
            let queue = JobQueue(dependencies: clock.dependencies, workerID: "survivor", lease: 60).handling("count") {
                payload, _ in await counter.record(payload)
            }
            let job = try await queue.enqueue("count", payload: "x", on: db)
            // A worker claimed it and died.
            job.status = .running
            job.lockedBy = "dead"
            job.lockedUntil = clock.now.addingTimeInterval(60)
            job.attempts = 1
            try await job.save(on: db)
            #expect(try await queue.runDue(on: db) == 0)
            clock.advance(by: 61)
            #expect(try await queue.runDue(on: db) == 1)
            #expect(await counter.runs == ["x"])
        }
    }

    @Test(arguments: TestStore.available)
    func unknownKindsFailVisibly(store: TestStore) async throws {
        try await withTestDatabase(on: store, migrations: [CreateJobs()]) { database in
            let db = database.db
            let queue = JobQueue(dependencies: .live, workerID: "w")
            let job = try await queue.enqueue("nobody-handles-this", payload: "", maxAttempts: 1, on: db)
            #expect(try await queue.runDue(on: db) == 1)
            let stored = try #require(try await Job.find(job.requireID(), on: db))
            #expect(stored.status == .failed)
            #expect(stored.lastError?.contains("nobody-handles-this") == true)
        }
    }
}
