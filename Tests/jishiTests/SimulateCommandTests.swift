import Foundation
import JishiServerTesting
import Simulation
import Testing

/// `jishi simulate` as a user runs it: the built binary on a scenario file.
@Suite struct SimulateCommandTests {
    static let scenario = """
        {"name": "two villages", "start": 2009, "end": 2014,
         "villages": [{"code": "D", "households": 300, "population": 1200, "industry": "costumes",
                       "pioneers": [{"year": 2009, "households": 1}], "distanceToCountyKm": 20},
                      {"code": "E", "households": 120, "industry": "farm_products", "distanceToCountyKm": 35}],
         "events": [{"year": 2013, "village": "D", "kind": "logisticsStation"},
                    {"year": 2011, "village": "D", "kind": "broadband", "coverage": 0.8},
                    {"year": 2012, "village": "D", "kind": "training", "personTimes": 200}]}
        """

    static func write(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID()).json")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Runs the command to its end, off the cooperative pool (`offThePool`).
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        try await offThePool { try runBlocking(arguments) }
    }

    private static func runBlocking(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = BuiltJishi.binary
        process.arguments = ["simulate"] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: printed, as: UTF8.self),
            String(decoding: complaint, as: UTF8.self)
        )
    }

    @Test func printsTheContractsJSONTheSameEveryRun() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: BuiltJishi.binary.path), "swift test builds jishi")
        let path = try Self.write(Self.scenario)
        let first = try await Self.run([path, "--runs", "5", "--seed", "9"])
        let second = try await Self.run([path, "--runs", "5", "--seed", "9", "--format", "json"])
        let other = try await Self.run([path, "--runs", "5", "--seed", "10"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.output == second.output)
        #expect(first.output != other.output)
        let document = try #require(JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        #expect(document["runs"] as? Int == 5)
        #expect(document["seed"] as? Int == 9)
        let villages = try #require(document["villages"] as? [[String: Any]])
        #expect(villages.map { $0["code"] as? String } == ["D", "E"])
        let years = try #require(villages[0]["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == Array(2009...2014))
        for key in ["householdsWithShops", "shops", "activeShops", "salesMinor", "parcelsOut", "parcelsIn"] {
            let band = try #require(years[5][key] as? [String: Double], "\(key)")
            #expect(Set(band.keys) == ["mean", "p10", "p90"])
            #expect(band["p10"]! <= band["mean"]! && band["mean"]! <= band["p90"]!)
        }
        #expect(years[5]["taobaoVillageShare"] is Double)
    }

    @Test func printsCSVAndALeversDifference() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: BuiltJishi.binary.path), "swift test builds jishi")
        let path = try Self.write(Self.scenario)
        let csv = try await Self.run([path, "--runs", "3", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.output.split(separator: "\n")
        #expect(lines.first.map(String.init) == Summary.csvHeader)
        #expect(lines.count == 1 + 2 * 6)
        // Without the station: the station's effect on the parcel cost in 2014 is a saving.
        let without = try Self.write(
            Self.scenario.replacingOccurrences(of: "\"logisticsStation\"", with: "\"registries\""))
        let difference = try await Self.run([path, "--runs", "4", "--compare", without])
        #expect(difference.status == 0)
        let summary = try JSONDecoder().decode(Summary.self, from: Data(difference.output.utf8))
        let cost = summary.villages[0].years.first { $0.year == 2014 }!.parcelCostMinor
        #expect(cost.mean > 0)  // without the station a parcel costs more
    }

    @Test func refusesABadFileNamingTheField() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: BuiltJishi.binary.path), "swift test builds jishi")
        let unknown = try Self.write(Self.scenario.replacingOccurrences(of: "\"costumes\"", with: "\"spaceships\""))
        let result = try await Self.run([unknown])
        #expect(result.status == 2)
        #expect(result.error.contains("villages[0].industry"))
        #expect(result.output.isEmpty)
        let empty = try Self.write(
            Self.scenario.replacingOccurrences(of: "\"households\": 120", with: "\"households\": 0"))
        let refused = try await Self.run([empty])
        #expect(refused.status == 2)
        #expect(refused.error.contains("villages[1].households: must be from 1 to 100,000"))
        let missing = try await Self.run(["/nonexistent/scenario.json"])
        #expect(missing.status == 2)
        let runs = try await Self.run([try Self.write(Self.scenario), "--runs", "0"])
        #expect(runs.status == 2)
    }
}
