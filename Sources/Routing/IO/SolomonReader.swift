import Foundation

/// Reads Solomon (1987) VRPTW text files (CRLF or LF line ends): a name line, a `VEHICLE`
/// block with `NUMBER CAPACITY`, a `CUSTOMER` block with one row per location
/// `id x y demand ready due service`, the depot first.
///
/// Integer convention (that of the exact methods whose distance-minimising optima the
/// benchmarks quote): distances are Euclidean truncated to one decimal, so everything is
/// scaled by 10 — distance = ⌊10·√(dx² + dy²)⌋ computed exactly with an integer square
/// root, travel time = distance, and ready/due/service times × 10. `costScale` is 10.
public struct SolomonReader: Sendable {
    public init() {}

    public func read(path: String) throws(RoutingParseError) -> RoutingInstance {
        try parse(try RoutingParseError.readText(path), file: path)
    }

    public func parse(_ text: String, file: String) throws(RoutingParseError) -> RoutingInstance {
        func fail(_ line: Int, _ field: String, _ message: String) -> RoutingParseError {
            RoutingParseError(file: file, line: line, field: field, message: message)
        }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let nameIndex = lines.firstIndex(where: { !$0.isEmpty }) else {
            throw fail(0, "name", "file is empty")
        }
        let name = lines[nameIndex]
        guard let vehicleIndex = lines.firstIndex(where: { $0.uppercased() == "VEHICLE" }) else {
            throw fail(0, "VEHICLE", "missing VEHICLE block")
        }
        var cursor = vehicleIndex + 1
        var fleet: (count: Int, capacity: Int)?
        while cursor < lines.count {
            let words = lines[cursor].split { $0 == " " || $0 == "\t" }
            cursor += 1
            if words.isEmpty || words.first?.uppercased() == "NUMBER" { continue }
            guard words.count == 2, let count = Int(words[0]), let capacity = Int(words[1]) else {
                throw fail(
                    cursor, "VEHICLE", "expected \"NUMBER CAPACITY\" as two integers, found \"\(lines[cursor - 1])\"")
            }
            guard count >= 1, capacity >= 0 else { throw fail(cursor, "VEHICLE", "invalid vehicle number or capacity") }
            fleet = (count, capacity)
            break
        }
        guard let fleet else { throw fail(vehicleIndex + 1, "VEHICLE", "missing NUMBER CAPACITY line") }
        guard let customerIndex = lines[cursor...].firstIndex(where: { $0.uppercased() == "CUSTOMER" }) else {
            throw fail(0, "CUSTOMER", "missing CUSTOMER block")
        }
        let fields = ["CUST NO.", "XCOORD.", "YCOORD.", "DEMAND", "READY TIME", "DUE DATE", "SERVICE TIME"]
        var rows: [(line: Int, values: [Int])] = []
        for index in (customerIndex + 1)..<lines.count {
            let words = lines[index].split { $0 == " " || $0 == "\t" }
            if words.isEmpty { continue }
            if rows.isEmpty && Int(words[0]) == nil { continue }  // column headings
            guard words.count == 7 else {
                throw fail(
                    index + 1, "customer row",
                    "expected 7 columns (\(fields.joined(separator: ", "))), found \(words.count)")
            }
            var values: [Int] = []
            for (column, word) in words.enumerated() {
                guard let value = Int(word) ?? Double(word).map({ Int($0) }) else {
                    throw fail(index + 1, fields[column], "expected a number, found \"\(word)\"")
                }
                values.append(value)
            }
            rows.append((index + 1, values))
        }
        guard !rows.isEmpty else { throw fail(customerIndex + 1, "CUSTOMER", "no rows") }
        let n = rows.count
        for (position, row) in rows.enumerated() where row.values[0] != position {
            throw fail(
                row.line, "CUST NO.",
                "expected \(position) (rows must be numbered from 0, the depot), found \(row.values[0])")
        }
        var distances = Array(repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let dx = rows[i].values[1] - rows[j].values[1]
                let dy = rows[i].values[2] - rows[j].values[2]
                distances[i * n + j] = SolomonReader.integerSquareRoot(100 * (dx * dx + dy * dy))
            }
        }
        do {
            let problem = try ProblemData(
                dimension: n, distances: distances, deliveries: rows.map { $0.values[3] },
                serviceTimes: rows.enumerated().map { $0.offset == 0 ? 0 : 10 * $0.element.values[6] },
                earliest: rows.map { 10 * $0.values[4] }, latest: rows.map { 10 * $0.values[5] },
                vehicleTypes: [VehicleType(capacity: fleet.capacity, count: fleet.count)],
                coordinates: rows.map { SIMD2(Double($0.values[1]), Double($0.values[2])) })
            return RoutingInstance(
                name: name, kind: .vrptw, problem: problem, labels: rows.map { $0.values[0] }, costScale: 10)
        } catch {
            throw fail(rows.first!.line, "data", error.description)
        }
    }

    /// ⌊√value⌋ exactly, for value ≥ 0.
    static func integerSquareRoot(_ value: Int) -> Int {
        var root = Int(Double(value).squareRoot())
        while root * root > value { root -= 1 }
        while (root + 1) * (root + 1) <= value { root += 1 }
        return root
    }
}
