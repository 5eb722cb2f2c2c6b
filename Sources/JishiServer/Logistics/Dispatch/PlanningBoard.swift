import Foundation
import NIOConcurrencyHelpers
import Routing

/// The day plans this process is computing, by date: planning runs in the background for its
/// time limit, and the dispatch page shows how far it is (seconds of the limit, the best cost
/// so far) until the plan is there. One plan per day at a time.
final class PlanningBoard: Sendable {
    struct Entry: Sendable, Equatable {
        var startedAt: Date
        var timeLimit: Double
        /// The engine's best objective so far (1000 × fen), once it has one.
        var best: Int?
        var seconds: Double = 0
        /// Why planning stopped without a plan; the page says it once.
        var failure: String?
        var running: Bool { failure == nil }
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    /// Marks `date` as being planned; `false` when it already is.
    func start(_ date: String, timeLimit: Double, at now: Date) -> Bool {
        entries.withLockedValue { entries in
            if entries[date]?.running == true { return false }
            entries[date] = Entry(startedAt: now, timeLimit: timeLimit)
            return true
        }
    }

    func update(_ date: String, _ progress: SolverProgress) {
        entries.withLockedValue { entries in
            entries[date]?.best = progress.best
            entries[date]?.seconds = progress.seconds
        }
    }

    /// Planning `date` ended: with its plan stored (`failure` nil), or refused.
    func finish(_ date: String, failure: String?) {
        entries.withLockedValue { entries in
            if let failure { entries[date]?.failure = failure } else { entries[date] = nil }
        }
    }

    /// Where planning `date` is; a failure is handed out once and then forgotten.
    func read(_ date: String) -> Entry? {
        entries.withLockedValue { entries in
            guard let entry = entries[date] else { return nil }
            if !entry.running { entries[date] = nil }
            return entry
        }
    }
}
