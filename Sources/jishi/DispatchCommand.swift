import ArgumentParser
import Foundation
import JishiKit
import JishiServer
import Logistics
import Routing

/// `jishi dispatch …`: the county's daily runs from the command line.
struct DispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch", abstract: "Plan the county's daily runs.",
        subcommands: [Plan.self, Compare.self, Generate.self])

    /// `jishi dispatch plan --date YYYY-MM-DD`: plans the day and keeps it as the day's draft.
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Plan a day's runs from the county hub with the county's fleet, and keep it as the day's draft.",
            discussion: """
                Stops are the nodes with inbound parcels due that day (still with the carrier or at the hub) or \
                outbound parcels waiting to be collected; solved as pickup and delivery with the fleet's capacities, \
                shifts and the nodes' opening hours. Prints the plan; parcels that cannot go are listed with the \
                reason. Exit status 2 on bad input, 1 when the day's plan is already published.
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "The day, YYYY-MM-DD (Beijing time).") var date: String
        @Option(help: "Seconds the engine may search (0.1 to 300).") var timeLimit: Double = 10
        @Option(help: "Seed of the search.") var seed: UInt64 = 1
        @Option(help: "Output format: json (the default) or text.") var format: Format = .json
        @Option(help: "Also write the problem solved as a VRPLIB file.") var instanceOut: String?

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, text
        }

        func run() async throws {
            let showProgress = isatty(STDERR_FILENO) == 1
            var progress: (@Sendable (SolverProgress) -> Void)?
            if showProgress {
                progress = { update in
                    let line = String(
                        format: "\rbest %.2f yuan  %.1f s  %d iterations ", Double(update.best) / 100_000,
                        update.seconds, update.iterations)
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
            let outcome: (plan: PlanView, instance: DispatchInstance?)
            do {
                outcome = try await withApplication(try store.config()) { app in
                    try await migrate(app)
                    return try await app.jishi.dispatch.plan(
                        date, timeLimit: timeLimit, seed: seed, by: .commandLine, progress: progress, on: app.db)
                }
            } catch let problem as Problem {
                if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
                FileHandle.standardError.write(Data("error: \(problem.detail ?? problem.title)\n".utf8))
                throw ExitCode(problem.status == 409 ? 1 : 2)
            }
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            if let instanceOut {
                let text = outcome.instance.map(InstanceFile.text) ?? ""
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: instanceOut))
                } catch {
                    FileHandle.standardError.write(Data("error: cannot write \(instanceOut): \(error)\n".utf8))
                    throw ExitCode(2)
                }
            }
            switch format {
            case .json:
                print(PlanDocument(outcome.plan).json)
            case .text:
                let plan = outcome.plan
                print("\(plan.date): \(plan.runs.count) runs, \(plan.distanceMeters) m, cost \(plan.costMinor) fen")
                for run in plan.runs {
                    print(
                        "\(run.vehicle.code): \(run.stops.count) stops, \(run.distanceMeters) m, "
                            + "\(run.durationSeconds / 60) min: "
                            + run.stops.map { "\($0.node.code) (+\($0.deliver.count) -\($0.pickup.count))" }
                            .joined(separator: " → "))
                }
                for item in plan.unassigned { print("unassigned \(item.tracking): \(item.reason)") }
            }
        }
    }

    /// `jishi dispatch compare --date`: km per parcel, one run per carrier against one shared run.
    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract:
                "Plan the day once shared and once per carrier and print the kilometres per parcel of each (JSON).")

        @OptionGroup var store: StoreOptions
        @Option(help: "The day, YYYY-MM-DD (Beijing time).") var date: String
        @Option(help: "Seconds the engine may search for each plan (0.1 to 300).") var timeLimit: Double = 5
        @Option(help: "Seed of the searches.") var seed: UInt64 = 1

        func run() async throws {
            do {
                let report = try await withApplication(try store.config()) { app in
                    try await migrate(app)
                    return try await app.jishi.dispatch.consolidation(
                        date, timeLimit: timeLimit, seed: seed, by: .commandLine, on: app.db)
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } catch let problem as Problem {
                FileHandle.standardError.write(Data("error: \(problem.detail ?? problem.title)\n".utf8))
                throw ExitCode(2)
            }
        }
    }

    /// `jishi dispatch generate`: a county-sized network and day in an empty database, for the benchmark.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract:
                "Fill an empty database with a generated county (villages with stations, a mixed fleet, a day of parcels)."
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "The day the parcels are due, YYYY-MM-DD.") var date: String
        @Option(help: "Villages, each with a station.") var villages: Int = 300
        @Option(help: "Parcels, both ways.") var parcels: Int = 10_000
        @Option(help: "Seed of the generator.") var seed: UInt64 = 1

        func run() async throws {
            guard PageDate.day(date) != nil, (1...5_000).contains(villages), (0...1_000_000).contains(parcels) else {
                FileHandle.standardError.write(
                    Data("error: --date YYYY-MM-DD, --villages 1 to 5000, --parcels 0 to 1000000\n".utf8))
                throw ExitCode(2)
            }
            try await withApplication(try store.config()) { app in
                try await migrate(app)
                try await SyntheticCounty(villages: villages, parcels: parcels, seed: seed).load(date: date, on: app.db)
            }
            print("Generated \(villages) villages and \(parcels) parcels due \(date).")
        }
    }
}
