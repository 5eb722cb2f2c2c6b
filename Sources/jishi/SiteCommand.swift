import ArgumentParser
import Foundation
import Routing

/// `jishi site …`: station siting (p-median and maximal covering) on OR-Library p-median files.
/// The logic lives in the `Routing` module; this file only parses arguments and prints.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Choose station sites: p-median or maximal covering.",
        subcommands: [Solve.self]
    )

    struct Solve: ParsableCommand {
        enum Model: String, ExpressibleByArgument, CaseIterable {
            case median, covering
        }

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, text
        }

        static let configuration = CommandConfiguration(
            commandName: "solve",
            abstract: "Solve an OR-Library p-median file (first line 'n edges p', then 'i j cost').",
            discussion: """
                Every node is a demand point of population 1 and a candidate site; distances are \
                shortest paths (the last of repeated edges counts). Sites are 1-based node ids.

                JSON for --model median:   {"cost": INT, "sites": [INT…], "lowerBound": INT|null}
                  cost = sum of distances to the nearest site; lowerBound = Lagrangian bound \
                (cost == lowerBound proves optimality).
                JSON for --model covering: {"covered": INT, "population": INT, "sites": [INT…], "upperBound": INT|null}
                  covered = population within --radius of a site (maximised); upperBound = Lagrangian bound.

                A file or data error prints 'FILE:LINE: FIELD: message' on stderr and exits with code 2.
                """
        )

        @Argument(help: "OR-Library p-median file, e.g. pmed1.txt.")
        var file: String

        @Option(name: .customLong("p"), help: "Number of stations (default: the p in the file).")
        var p: Int?

        @Option(name: .customLong("time-limit"), help: "Seconds in all, reading included; one core.")
        var timeLimit: Double = 10

        @Option(help: "Seed of the search; the same seed and iteration count give the same answer.")
        var seed: UInt64 = 1

        @Option(help: "Iteration limit of the search (default: none, stop on time or proof).")
        var iterations: Int?

        @Option(help: "median (minimise total distance) or covering (maximise population within --radius).")
        var model: Model = .median

        @Option(help: "Coverage radius for --model covering, in the file's distance unit.")
        var radius: Int?

        @Option(help: "json or text.")
        var format: Format = .json

        func run() throws {
            let started = ContinuousClock.now
            let url = URL(fileURLWithPath: file)
            guard timeLimit > 0 else { fail("--time-limit: must be positive, got \(timeLimit)") }
            if let iterations, iterations < 0 { fail("--iterations: must not be negative, got \(iterations)") }
            let problem: SitingProblem
            do {
                problem = try ORLibraryPMedianReader().read(contentsOf: url, p: p)
            } catch let error as SitingFormatError {
                fail(error.description)
            }
            // The time limit covers reading and shortest paths too.
            let remaining = .milliseconds(Int64(timeLimit * 1000)) - (ContinuousClock.now - started)
            var criteria: [StoppingCriterion] = [.maxRuntime(max(remaining, .milliseconds(1)) / .seconds(1))]
            if let iterations { criteria.append(.maxIterations(iterations)) }
            let stop = StoppingCriterion.any(criteria)
            let showsProgress = isatty(STDERR_FILENO) == 1 && format == .json
            switch model {
            case .median:
                let solution = PMedianSolver().solve(problem, stop: stop, seed: seed) { progress in
                    if showsProgress { progressLine(progress) }
                }
                let sites = solution.sites.map { $0 + 1 }
                switch format {
                case .json:
                    print(
                        #"{"cost": \#(solution.cost), "sites": \#(sites), "lowerBound": \#(solution.lowerBound.map(String.init) ?? "null")}"#
                    )
                case .text:
                    print("cost \(solution.cost)")
                    print(
                        "lower bound \(solution.lowerBound.map(String.init) ?? "none")\(solution.isProvenOptimal ? " (proven optimal)" : "")"
                    )
                    print("sites \(sites.map(String.init).joined(separator: " "))")
                    print(
                        "iterations \(solution.iterations), branch-and-bound nodes \(solution.branchNodes), \(String(format: "%.2f", solution.seconds)) s"
                    )
                }
            case .covering:
                guard let radius else { fail("--radius: required with --model covering") }
                let covering: MaximalCoveringProblem
                do { covering = try MaximalCoveringProblem(siting: problem, radius: radius) } catch {
                    fail("--radius: \(error.description)")
                }
                let solution = MaximalCoveringSolver().solve(covering, stop: stop, seed: seed) { progress in
                    if showsProgress { progressLine(progress) }
                }
                let sites = solution.sites.map { $0 + 1 }
                switch format {
                case .json:
                    print(
                        #"{"covered": \#(solution.coveredPopulation), "population": \#(solution.totalPopulation), "sites": \#(sites), "upperBound": \#(solution.upperBound.map(String.init) ?? "null")}"#
                    )
                case .text:
                    print("covered \(solution.coveredPopulation) of \(solution.totalPopulation)")
                    print(
                        "upper bound \(solution.upperBound.map(String.init) ?? "none")\(solution.isProvenOptimal ? " (proven optimal)" : "")"
                    )
                    print("sites \(sites.map(String.init).joined(separator: " "))")
                    print("iterations \(solution.iterations), \(String(format: "%.2f", solution.seconds)) s")
                }
            }
        }

        private func progressLine(_ progress: SolverProgress) {
            let bound = progress.bound.map { " bound \($0)" } ?? ""
            FileHandle.standardError.write(
                Data("best \(progress.best)\(bound) at \(String(format: "%.2f", progress.seconds)) s\n".utf8))
        }

        private func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}
