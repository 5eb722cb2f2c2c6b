import ArgumentParser
import Foundation
import Simulation

/// `jishi simulate`: the growth model on the command line. Thin: the model, its ensembles and
/// its calibration live in the Simulation module.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a growth scenario (villages, levers by year) as an ensemble of seeded runs.",
        subcommands: [Run.self, Sample.self],
        defaultSubcommand: Run.self)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run SCENARIO.json and print each village's figures by year.",
            discussion: """
                The scenario: {"name", "start", "end", "villages": [{"code", "households", "population",
                "industry", "pioneers": [{"year", "households"}], "distanceToCountyKm", "town", "potential",
                "initial": {"shops", "salesMinor", "station", "broadband"}}], "events": [{"year", "village",
                "kind", "coverage" | "personTimes" | "amountMinor" and "years" | "households"}], "weight",
                "parameters": {NAME: VALUE}}. Kinds: logisticsStation, broadband, training, subsidy,
                ecommercePark, registries, returnees, pioneers. The same scenario and seed print the same
                output. JSON: {"runs", "seed", "name", "villages": [{"code", "years": [{"year",
                "householdsWithShops": {"mean", "p10", "p90"}, "shops", "activeShops", "salesMinor",
                "parcelsOut", "parcelsIn", "producers", "parcelCostMinor", "meanSkill",
                "taobaoVillageShare"}]}], "totals": [{"year", "taobaoVillages", "taobaoTowns",
                "householdsWithShops", "salesMinor"}]}. CSV: one row a village and year.
                """)

        @Argument(help: "Scenario file (JSON).")
        var scenario: String

        @Option(help: "Runs in the ensemble, each with its own seed drawn from --seed.")
        var runs: Int = 20

        @Option(help: "Seed of the ensemble.")
        var seed: UInt64 = 1

        @Option(help: "Output format: json or csv.")
        var format: Format = .json

        @Option(help: "A second scenario run with the same seeds: print its difference from SCENARIO run by run.")
        var compare: String?

        func run() async throws {
            guard (1...10_000).contains(runs) else { throw failure("--runs must be from 1 to 10,000") }
            let base = try load(scenario)
            let variant = try compare.map(load)
            if let variant, variant.villages.map(\.code) != base.villages.map(\.code) || variant.years != base.years {
                throw failure("\(compare!): must have the same villages and years as \(scenario)")
            }
            let meter = Meter(total: runs * (variant == nil ? 1 : 2))
            let first = await Ensemble.run(base, runs: runs, seed: seed) { _ in meter.tick() }
            let summary: Summary
            if let variant {
                let second = await Ensemble.run(variant, runs: runs, seed: seed) { _ in meter.tick() }
                summary = second.difference(from: first)
            } else {
                summary = first.summary()
            }
            meter.finish()
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                FileHandle.standardOutput.write(try encoder.encode(summary))
                FileHandle.standardOutput.write(Data("\n".utf8))
            case .csv:
                FileHandle.standardOutput.write(Data(summary.csv().utf8))
            }
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract:
                "Print a ready-made scenario as JSON: village-d (field study 001) or national (a sample of China's villages)."
        )

        enum Which: String, ExpressibleByArgument, CaseIterable {
            case villageD = "village-d"
            case national
        }

        @Argument(help: "village-d or national.")
        var which: Which
        @Option(help: "Villages in the national sample.")
        var villages: Int = 5_000
        @Option(help: "Households in the national sample.")
        var households: Int = 1_500_000
        @Option(help: "Seed of the national sample's villages.")
        var seed: UInt64 = 2009

        func run() throws {
            guard villages >= 1, households >= villages, households <= Scenario.maximumHouseholds else {
                throw failure("--villages must be at least 1 and --households from --villages to 5,000,000")
            }
            let scenario =
                which == .villageD
                ? Scenario.villageD : NationalSample.scenario(villages: villages, households: households, seed: seed)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(scenario))
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}

/// Reads and checks a scenario file; problems name the file and the field.
private func load(_ path: String) throws -> Scenario {
    guard let data = FileManager.default.contents(atPath: path) else { throw failure("\(path): cannot read the file") }
    let scenario: Scenario
    do {
        scenario = try JSONDecoder().decode(Scenario.self, from: data)
    } catch let error as DecodingError {
        throw failure("\(path): \(describe(error))")
    } catch {
        throw failure("\(path): not a JSON scenario (\(error.localizedDescription))")
    }
    do {
        try scenario.validate()
    } catch {
        throw failure("\(path): \(error)")
    }
    return scenario
}

/// A decoding error as `field: problem`, the field written as in the file (villages[0].industry).
private func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "the file" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
        return "\(path(context.codingPath + [key])): is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
        return "\(path(context.codingPath)): \(context.debugDescription)"
    case .dataCorrupted(let context):
        if context.codingPath.isEmpty { return "not valid JSON" }
        return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
        return "\(error)"
    }
}

private func failure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(2)
}

/// Runs done, on one line of the terminal (nothing when standard error is not a terminal).
private final class Meter: @unchecked Sendable {
    let total: Int
    let shown = isatty(STDERR_FILENO) == 1
    let lock = NSLock()
    var done = 0
    let started = Date()

    init(total: Int) { self.total = total }

    func tick() {
        guard shown else { return }
        lock.withLock {
            done += 1
            let line = String(
                format: "\rrun %d of %d  %.1f s ", done, total, Date().timeIntervalSince(started))
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
