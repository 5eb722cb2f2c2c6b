import Foundation
import JishiKit
import Simulation

/// The scenario form as typed: every field kept as text, so a refused form comes back as the
/// official left it.
struct SimulationForm: Sendable, Equatable {
    var place = ""
    var name = ""
    var station = false
    var broadband = ""
    var training = ""
    var subsidy = ""
    var subsidyYears = "1"
    var park = false
    var registries = false
    var returnees = ""
    var years = String(SimulationRequest.defaultYears)
    var runs = String(SimulationRequest.defaultRuns)
    var seed = "1"

    init() {}

    init(_ form: FormValues) {
        place = form.trimmed("place")
        name = form.trimmed("name")
        station = form.isChecked("station")
        broadband = form.trimmed("broadband")
        training = form.trimmed("training")
        subsidy = form.trimmed("subsidy")
        subsidyYears = form.trimmed("subsidyYears")
        park = form.isChecked("park")
        registries = form.isChecked("registries")
        returnees = form.trimmed("returnees")
        years = form.trimmed("years")
        runs = form.trimmed("runs")
        seed = form.trimmed("seed")
    }

    /// A field the form refuses, with what to tell the official.
    struct Failure: Error, Equatable, Sendable {
        var field: String
        var message: FormMessage
    }

    /// The request the fields make, or the first field that is wrong.
    func request() throws(Failure) -> SimulationRequest {
        func fail(_ field: String, _ key: L10nKey, _ arguments: String...) -> Failure {
            var message = FormMessage(key)
            message.arguments = arguments
            return Failure(field: field, message: message)
        }
        guard [9, 12].contains(place.count), place.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw fail("place", .simulationErrorPlace)
        }
        guard name.count <= 100, TextRule.forbiddenScalar(in: name) == nil else {
            throw fail("name", .simulationErrorName)
        }
        var levers = SimulationRequest.Levers()
        levers.station = station
        if !broadband.isEmpty {
            guard let coverage = Self.share(broadband) else { throw fail("broadband", .simulationErrorBroadband) }
            levers.broadband = coverage
        }
        guard let training = Self.count(training, upTo: 1_000_000) else {
            throw fail("training", .simulationErrorPeople, "1,000,000")
        }
        levers.trainingPersonTimes = training == 0 ? nil : training
        if !subsidy.isEmpty {
            guard let fen = FormInput.yuan(subsidy), fen <= 100_000_000 else {
                throw fail("subsidy", .simulationErrorSubsidy)
            }
            if fen > 0 {
                levers.subsidyMinor = fen
                guard let years = FormInput.count(subsidyYears.isEmpty ? "1" : subsidyYears), (1...20).contains(years)
                else { throw fail("subsidyYears", .simulationErrorSubsidyYears) }
                levers.subsidyYears = years
            }
        }
        levers.park = park
        levers.registries = registries
        guard let returnees = Self.count(returnees, upTo: 100_000) else {
            throw fail("returnees", .simulationErrorPeople, "100,000")
        }
        levers.returnees = returnees == 0 ? nil : returnees
        guard let years = FormInput.count(years), SimulationRequest.allowedYears.contains(years) else {
            throw fail("years", .simulationErrorYears, String(SimulationRequest.allowedYears.upperBound))
        }
        guard let runs = FormInput.count(runs), SimulationRequest.allowedRuns.contains(runs) else {
            throw fail("runs", .simulationErrorRuns, String(SimulationRequest.allowedRuns.upperBound))
        }
        guard let seed = FormInput.count(seed) else { throw fail("seed", .simulationErrorSeed) }
        return SimulationRequest(
            place: place, name: name.isEmpty ? nil : name, levers: levers, years: years, runs: runs,
            seed: UInt64(seed))
    }

    /// A whole number of people from 0 to `limit` ("" is 0); nil for anything else, a negative
    /// number included.
    static func count(_ text: String, upTo limit: Int) -> Int? {
        if text.isEmpty { return 0 }
        guard let value = FormInput.count(text), value <= limit else { return nil }
        return value
    }

    /// A share from 0 to 1, written "0.8" or "80%".
    static func share(_ text: String) -> Double? {
        var text = FormInput.halfWidth(text).trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if text.hasSuffix("%") || text.hasSuffix("％") {
            text.removeLast()
            scale = 100
        }
        guard text.count <= 12, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(text).map({ $0 / scale }), value.isFinite, (0...1).contains(value)
        else { return nil }
        return value
    }
}

/// What an official asked for: the place, the levers, the horizon and the ensemble.
struct SimulationRequest: Codable, Sendable, Equatable {
    static let defaultYears = 5
    static let defaultRuns = 20
    static let allowedYears = 1...20
    static let allowedRuns = 1...200

    var place: String
    var name: String?
    var levers: Levers
    /// Years simulated, from next year on.
    var years: Int
    var runs: Int
    var seed: UInt64

    /// The policy levers, pulled in the scenario's first year. In a town every village gets a
    /// station, the broadband, the subsidy, the park and the registries; the training places
    /// and the returnees are shared among its villages by households.
    struct Levers: Codable, Sendable, Equatable {
        var station = false
        /// Broadband coverage, 0–1.
        var broadband: Double?
        var trainingPersonTimes: Int?
        /// Fen for every new shop.
        var subsidyMinor: Int64?
        var subsidyYears: Int?
        var park = false
        var registries = false
        var returnees: Int?

        var isEmpty: Bool { self == Levers() }
    }
}
