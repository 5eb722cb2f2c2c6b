import Foundation

/// Runs independent searches with seeds `seed, seed + 1, ...` on `threads` threads and
/// keeps the best result (feasible first, then cheapest). One thread means exactly
/// `Solver.solve`; only the first search reports progress.
public struct ParallelSolver: Sendable {
    public let solver: Solver
    public let threads: Int

    public init(solver: Solver, threads: Int) {
        self.solver = solver
        self.threads = max(1, threads)
    }

    /// Runs the searches with seeds `seed`, `seed + 1`, … (named by the caller) until `stop`.
    public func solve(
        stop: StoppingCriterion, seed: UInt64, progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) -> SolverResult {
        if threads == 1 { return solver.solve(stop: stop, seed: seed, progress: progress) }
        let results = ResultList(count: threads)
        let solver = self.solver
        DispatchQueue.concurrentPerform(iterations: threads) { index in
            var callback: ((SolverProgress) -> Void)?
            if index == 0, let progress { callback = { progress($0) } }
            let result = solver.solve(stop: stop, seed: seed &+ UInt64(index), progress: callback)
            results.set(index, result)
        }
        let all = results.values()
        var best = all[0]
        var iterations = 0
        for result in all {
            iterations += result.iterations
            let better =
                (result.report.isFeasible && !best.report.isFeasible)
                || (result.report.isFeasible == best.report.isFeasible && result.report.cost < best.report.cost)
            if better { best = result }
        }
        best.iterations = iterations
        best.seconds = all.map(\.seconds).max() ?? best.seconds
        return best
    }
}

/// Results written by concurrent searches, guarded by a lock.
final class ResultList: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [SolverResult?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: SolverResult) {
        lock.lock()
        storage[index] = result
        lock.unlock()
    }

    func values() -> [SolverResult] {
        lock.lock()
        defer { lock.unlock() }
        return storage.compactMap { $0 }
    }
}
