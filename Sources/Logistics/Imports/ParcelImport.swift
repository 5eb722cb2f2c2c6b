import Community
import FluentKit
import Foundation
import JishiKit

/// Parcels from a carrier's manifest (CSV): `carrier,tracking_number,direction,village_code,
/// weight_grams,due_date` in any order, optionally `recipient_name,recipient_phone,cod_minor`,
/// other columns ignored. The whole file is checked first; with any bad row nothing is written
/// and every bad line and column is named. A parcel already registered (same carrier and
/// tracking number) is left as it is, so importing a file twice writes nothing the second time.
///
/// An inbound parcel goes from the county hub to the village's station (or pickup point) and
/// starts with its carrier; an outbound one is collected there for the hub and starts there.
public struct ParcelImport: Sendable {
    public static let requiredColumns = [
        "carrier", "tracking_number", "direction", "village_code", "weight_grams", "due_date",
    ]
    public static let optionalColumns = ["recipient_name", "recipient_phone", "cod_minor"]
    public static let weights = 1...100_000
    public static let codAmounts: ClosedRange<Int64> = 0...10_000_000

    public let dependencies: Dependencies

    public init(dependencies: Dependencies = .live) {
        self.dependencies = dependencies
    }

    /// One thing wrong with the file, where it is.
    public typealias LineError = CSVFile.LineError
    /// The file was refused; nothing was written.
    public typealias Refused = CSVFile.Refused
    /// A manifest's row, by column name (the CSV header's names), with where it is: its line in
    /// a file, its index in a carrier's JSON array.
    public typealias Row = CSVFile.Row

    public struct Outcome: Hashable, Sendable {
        /// Parcels registered now.
        public var added: Int
        /// Parcels that were registered already.
        public var unchanged: Int

        public init(added: Int, unchanged: Int) {
            self.added = added
            self.unchanged = unchanged
        }
    }

    /// Checks the file and registers its parcels in one transaction, or throws `Refused`.
    public func run(_ data: Data, on database: any Database) async throws -> Outcome {
        try await register(try Self.rows(data), on: database)
    }

    /// Checks a manifest's rows, from a file or from a carrier's system, by the same rules and
    /// registers their parcels in one transaction, or throws `Refused` naming each bad row (its
    /// `line`) and column. With `onlyFor`, every row is that carrier's: a row that leaves the
    /// carrier out is taken as its, a row naming another carrier is refused.
    public func register(_ rows: [Row], onlyFor only: Carrier? = nil, on database: any Database) async throws
        -> Outcome
    {
        var errors: [LineError] = []
        let carriers = Dictionary(
            uniqueKeysWithValues: try await Carrier.query(on: database).all().map { ($0.code, $0) })
        let villages = Dictionary(
            try await Village.query(on: database).all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let network = NetworkService(dependencies: dependencies)
        guard let hub = try await network.hub(on: database), let hubID = hub.id else {
            throw Refused(errors: [LineError(line: 1, column: nil, message: "The network has no county hub yet.")])
        }
        let serving = try await network.servingNodes(
            ofVillages: rows.compactMap { villages[$0["village_code"]]?.id }, on: database)

        var seen: [String: Int] = [:]
        var checked: [Parcel] = []
        let now = dependencies.now()
        for row in rows {
            func fail(_ column: String, _ message: String) {
                errors.append(LineError(line: row.line, column: column, message: message))
            }
            let before = errors.count
            var carrier = carriers[row["carrier"].lowercased()]
            if let only {
                if row["carrier"].isEmpty { carrier = carriers[only.code] }
                if carrier?.id != only.id {
                    carrier = nil
                    fail("carrier", "This key registers only \(only.code)'s parcels.")
                }
            } else if carrier == nil {
                fail("carrier", "No carrier has the code \"\(row["carrier"])\".")
            }
            let tracking = row["tracking_number"]
            if !(4...40).contains(tracking.count)
                || !tracking.unicodeScalars.allSatisfy({
                    ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                })
            {
                fail("tracking_number", "Use 4 to 40 letters, digits and '-'.")
            } else if let carrier {
                let key = carrier.code + "|" + tracking
                if let first = seen[key] {
                    fail("tracking_number", "\(carrier.code) \(tracking) is on line \(first) already.")
                } else {
                    seen[key] = row.line
                }
            }
            let direction = Parcel.Direction(rawValue: row["direction"].lowercased())
            if direction == nil { fail("direction", "Write inbound or outbound.") }
            let village = villages[row["village_code"]]
            if village == nil {
                fail("village_code", "No village has the code \"\(row["village_code"])\".")
            }
            let station = village.flatMap { $0.id }.flatMap { serving[$0] }
            if village != nil, station == nil { fail("village_code", "The village has no station or pickup point.") }
            let weight = Int(row["weight_grams"])
            if weight.map({ !Self.weights.contains($0) }) ?? true {
                fail("weight_grams", "A whole number of grams from 1 to 100000.")
            }
            let due = row["due_date"]
            if PageDate.day(due) == nil { fail("due_date", "A date such as 2026-12-03.") }
            let name = row["recipient_name"].trimmingCharacters(in: .whitespaces)
            if name.count > 40 || TextRule.forbiddenScalar(in: name) != nil {
                fail("recipient_name", "At most 40 characters, no control characters.")
            }
            var phone: PhoneNumber?
            if !row["recipient_phone"].isEmpty {
                phone = PhoneNumber(parsing: row["recipient_phone"])
                if phone == nil { fail("recipient_phone", "A mainland mobile number: 11 digits starting with 1.") }
            }
            var cod: Int64?
            if !row["cod_minor"].isEmpty {
                cod = Int64(row["cod_minor"])
                if cod.map({ !Self.codAmounts.contains($0) }) ?? true {
                    fail("cod_minor", "Cash on delivery in fen, from 0 to 10000000.")
                }
            }
            guard errors.count == before, let carrier, let carrierID = carrier.id, let direction, let village,
                let villageID = village.id, let station, let stationID = station.id, let weight
            else { continue }
            checked.append(
                Parcel(
                    id: dependencies.uuid(), carrierID: carrierID, trackingNumber: tracking, direction: direction,
                    weightGrams: weight, codMinor: cod, contactName: name, contactPhone: phone?.digits,
                    villageID: villageID, originID: direction == .inbound ? hubID : stationID,
                    destinationID: direction == .inbound ? stationID : hubID, dueDate: due,
                    holder: direction == .inbound ? .carrier : .node(stationID), createdAt: now))
        }
        guard errors.isEmpty else { throw Refused(errors: errors) }

        let parcels = checked
        let dependencies = self.dependencies
        return try await database.transaction { db in
            var existing = Set<String>()
            for chunk in stride(from: 0, to: parcels.count, by: 500).map({
                Array(parcels[$0..<min($0 + 500, parcels.count)])
            }) {
                let found = try await Parcel.query(on: db).filter(\.$trackingNumber ~~ chunk.map(\.trackingNumber))
                    .all()
                for parcel in found { existing.insert(parcel.$carrier.id.uuidString + "|" + parcel.trackingNumber) }
            }
            var added = 0
            for parcel in parcels where !existing.contains(parcel.$carrier.id.uuidString + "|" + parcel.trackingNumber)
            {
                try await parcel.create(on: db)
                try await ParcelEvent(
                    id: dependencies.uuid(), parcelID: try parcel.requireID(), sequence: 0, kind: .registered,
                    from: nil,
                    to: parcel.currentHolder ?? .carrier, actorID: nil, nodeID: nil, note: "manifest",
                    at: parcel.createdAt
                ).create(on: db)
                added += 1
            }
            return Outcome(added: added, unchanged: parcels.count - added)
        }
    }

    /// The file's rows, or `Refused` when it is not UTF-8 text with the required header.
    static func rows(_ data: Data) throws -> [Row] { try CSVFile.rows(data, required: requiredColumns) }
}

/// Calendar days as the county writes them (Beijing time).
public enum PageDate {
    /// The day `date` falls on in Beijing, as YYYY-MM-DD.
    public static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The date in `text` (YYYY-MM-DD, a real day), or `nil`.
    public static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return date
    }
}
