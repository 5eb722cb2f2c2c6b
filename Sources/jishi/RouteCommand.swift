import ArgumentParser
import Foundation
import Routing

/// `jishi route`: the vehicle routing engine on the command line. Thin: reading, solving
/// and checking live in the Routing module.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Plan vehicle routes (CVRP, pickup and delivery, time windows).",
        subcommands: [Solve.self])

    enum Problem: String, ExpressibleByArgument, CaseIterable {
        case cvrp, vrpspd, vrptw
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "solve",
            abstract: "Solve an instance file and print the best routes found.",
            discussion: """
                Reads CVRPLIB/TSPLIB .vrp, LKH-3 VRPSPD and Solomon VRPTW files. Costs are
                integers in the file's units times a scale: 1 for CVRPLIB, 10 for Solomon
                (distances truncated to one decimal), 10000 for LKH-3 VRPSPD matrices.
                JSON output: {"cost", "routes" (the file's node numbers, depot excluded),
                "vehicles", "feasible", "seconds", "iterations"}.
                """)

        @Argument(help: "Instance file.")
        var file: String

        @Option(help: "Wall-clock limit in seconds.")
        var timeLimit: Double = 10

        @Option(help: "Random seed; with --iterations the result is reproducible.")
        var seed: UInt64 = 1

        @Option(help: "Problem family (default: guessed from the file).")
        var problem: Problem?

        @Option(help: "Output format.")
        var format: Format = .text

        @Option(help: "Independent searches run in parallel (default one core).")
        var threads: Int = 1

        @Option(help: "Stop after this many iterations as well.")
        var iterations: Int?

        func run() throws {
            guard timeLimit > 0, threads >= 1, (iterations ?? 1) >= 1 else {
                FileHandle.standardError.write(
                    Data("error: --time-limit, --threads and --iterations must be positive\n".utf8))
                throw ExitCode(2)
            }
            let instance: RoutingInstance
            do {
                instance = try InstanceReader.read(
                    path: file, kind: problem.flatMap { ProblemKind(rawValue: $0.rawValue) })
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(2)
            }
            var stop: [StoppingCriterion] = [.maxRuntime(timeLimit)]
            if let iterations { stop.append(.maxIterations(iterations)) }
            let showProgress = isatty(STDERR_FILENO) == 1
            let scale = instance.costScale
            var progress: (@Sendable (SolverProgress) -> Void)?
            if showProgress {
                progress = { update in
                    let line = String(
                        format: "\rbest %d (%.1f)  %.1f s  %d iterations ", update.best,
                        Double(update.best) / Double(scale), update.seconds, update.iterations)
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
            let solver = ParallelSolver(solver: Solver(problem: instance.problem), threads: threads)
            let result = solver.solve(stop: .any(stop), seed: seed, progress: progress)
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            let routes = result.solution.routes.map { $0.clients.map { instance.labels[$0] } }
            switch format {
            case .json:
                let routeText = routes.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }
                    .joined(separator: ", ")
                print(
                    "{\"cost\": \(result.report.cost), \"routes\": [\(routeText)], \"vehicles\": \(routes.count), "
                        + "\"feasible\": \(result.report.isFeasible), \"seconds\": \(String(format: "%.3f", result.seconds)), "
                        + "\"iterations\": \(result.iterations)}")
            case .text:
                print("\(instance.name) (\(instance.kind.rawValue), \(instance.problem.clientCount) clients)")
                print(
                    String(
                        format: "cost %d (%.4f in the file's units, scale %d)", result.report.cost,
                        Double(result.report.cost) / Double(scale), scale))
                print(
                    "feasible \(result.report.isFeasible ? "yes" : "no"), vehicles \(routes.count), "
                        + String(format: "%.1f s, %d iterations", result.seconds, result.iterations))
                for (index, route) in routes.enumerated() {
                    print("Route #\(index + 1): " + route.map(String.init).joined(separator: " "))
                }
            }
        }
    }
}
