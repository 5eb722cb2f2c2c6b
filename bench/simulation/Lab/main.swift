import Foundation
import Simulation

// The simulation's laboratory: the calibration's search and the sensitivity analysis, on the
// model alone (no server, no database). `bench/simulation/calibrate` runs it.
//
//   SimulationLab fit [--runs N] [--villages N]          score the fitted defaults
//   SimulationLab search [--evaluations N] [--runs N]    Nelder–Mead from the defaults
//   SimulationLab sensitivity [--runs N] [--change F]    each parameter ±20 %

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: Double) -> Double {
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count,
        let value = Double(arguments[index + 1])
    else { return fallback }
    return value
}
let runs = Int(option("runs", 4))
let villages = Int(option("villages", 5_000))
let households = Int(option("households", Double(villages) * 300))
let seed = UInt64(option("seed", 1))
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .prettyPrinted]

struct Report: Encodable {
    var parameters: Parameters
    var fit: Calibration.Fit
    var meetsTargets: Bool
}

func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

switch arguments.first {
case "fit":
    let fit = await Calibration.fit(.fitted, villages: villages, households: households, runs: runs, seed: seed)
    print(
        String(
            decoding: try encoder.encode(Report(parameters: .fitted, fit: fit, meetsTargets: fit.meetsTargets)),
            as: UTF8.self))
case "search":
    let (parameters, fit) = await Calibration.search(
        evaluations: Int(option("evaluations", 120)), villages: villages, households: households, runs: runs, seed: seed
    ) { step in
        say(
            String(
                format:
                    "evaluation %3d  loss %8.4f  best %8.4f  national 2014 %5.0f 2018 %5.0f 2022 %5.0f  D 2013 %.2f 2014 %.2f 2020 %.2f",
                step.evaluation, step.fit.loss, step.best, step.fit.national[2014] ?? 0, step.fit.national[2018] ?? 0,
                step.fit.national[2022] ?? 0, step.fit.villageDRecognised2013, step.fit.villageDShare2014,
                step.fit.villageDShare2020))
    }
    print(
        String(
            decoding: try encoder.encode(Report(parameters: parameters, fit: fit, meetsTargets: fit.meetsTargets)),
            as: UTF8.self))
case "village-d":
    // Village D's path under the defaults (with any --NAME VALUE parameter overrides).
    var parameters = Parameters.fitted
    for name in Parameters.names {
        if let value = Double(arguments.firstIndex(of: "--" + name).map { arguments[$0 + 1] } ?? "") {
            parameters[name] = value
        }
    }
    let summary = await Ensemble.run(.villageD, runs: max(runs, 20), seed: seed, parameters: parameters).summary()
    for year in summary.villages[0].years {
        print(
            String(
                format:
                    "%d  households with a shop %5.1f%%  shops %5.0f  active %5.0f  producers %5.0f  sales CNY %12.0f  Taobao %3.0f%%",
                year.year, year.householdsWithShops.mean / 3.7, year.shops.mean, year.activeShops.mean,
                year.producers.mean,
                year.salesMinor.mean / 100, year.taobaoVillageShare * 100))
    }
case "sensitivity":
    let rows = await Calibration.sensitivity(
        change: option("change", 0.2), villages: villages, households: households, runs: runs, seed: seed
    ) { say("\($0) done") }
    print(String(decoding: try encoder.encode(rows), as: UTF8.self))
default:
    say(
        "usage: SimulationLab fit|search|sensitivity [--runs N] [--villages N] [--households N] [--evaluations N] [--change F] [--seed S]"
    )
    exit(2)
}
