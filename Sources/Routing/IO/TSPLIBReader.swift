import Foundation

/// Reads CVRPLIB/TSPLIB `.vrp` files and the LKH-3 VRPSPD variant.
///
/// Supported: `EDGE_WEIGHT_TYPE` `EUC_2D` (TSPLIB nint rounding, as CVRPLIB), `CEIL_2D`,
/// `EXACT_2D` (Euclidean × 1000, rounded; cost scale 1000) and `EXPLICIT` with
/// `EDGE_WEIGHT_FORMAT` `FULL_MATRIX`, `LOWER_ROW`, `UPPER_ROW`, `LOWER_DIAG_ROW`,
/// `UPPER_DIAG_ROW` (and their `_COL` transposes); sections `NODE_COORD_SECTION`,
/// `DEMAND_SECTION`, `DEPOT_SECTION`, `EDGE_WEIGHT_SECTION` and
/// `PICKUP_AND_DELIVERY_SECTION` (columns `node demand earliest latest service pickup
/// delivery`; the demand column is ignored). `VEHICLES` fixes the fleet size (otherwise
/// unlimited), `DISTANCE` > 0 limits route length, `SERVICE_TIME` sets every client's
/// service time. The depot becomes location 0 and the other nodes follow in file order.
public struct TSPLIBReader: Sendable {
    public init() {}

    public func read(path: String) throws(RoutingParseError) -> RoutingInstance {
        try parse(try RoutingParseError.readText(path), file: path)
    }

    private struct Token {
        var text: Substring
        var line: Int
    }

    public func parse(_ text: String, file: String) throws(RoutingParseError) -> RoutingInstance {
        func fail(_ line: Int, _ field: String, _ message: String) -> RoutingParseError {
            RoutingParseError(file: file, line: line, field: field, message: message)
        }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        var header: [String: (value: String, line: Int)] = [:]
        var sections: [String: (line: Int, tokens: [Token])] = [:]
        var currentSection: String?
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line == "EOF" { break }
            let words = line.split { $0 == " " || $0 == "\t" }
            if let first = words.first, first.hasSuffix("_SECTION") {
                currentSection = String(first)
                sections[String(first)] = (lineNumber, [])
                continue
            }
            if let colon = line.firstIndex(of: ":"),
                line[..<colon].allSatisfy({ $0.isUppercase || $0 == "_" || $0 == " " || $0 == "\t" })
            {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                header[key] = (value, lineNumber)
                currentSection = nil
                continue
            }
            guard let section = currentSection else {
                throw fail(
                    lineNumber, "line", "expected KEY : VALUE or a *_SECTION keyword, found \"\(line.prefix(40))\"")
            }
            sections[section]!.tokens += words.map { Token(text: $0, line: lineNumber) }
        }

        func headerInt(_ key: String, required: Bool) throws(RoutingParseError) -> Int? {
            guard let entry = header[key] else {
                if required { throw fail(0, key, "missing") }
                return nil
            }
            guard let value = Int(entry.value) else {
                throw fail(entry.line, key, "expected an integer, found \"\(entry.value)\"")
            }
            return value
        }
        func integer(_ token: Token, _ field: String) throws(RoutingParseError) -> Int {
            guard let value = Int(token.text) else {
                throw fail(token.line, field, "expected an integer, found \"\(token.text)\"")
            }
            return value
        }
        func number(_ token: Token, _ field: String) throws(RoutingParseError) -> Double {
            guard let value = Double(token.text) else {
                throw fail(token.line, field, "expected a number, found \"\(token.text)\"")
            }
            return value
        }

        let name = header["NAME"]?.value ?? (file as NSString).lastPathComponent
        let type = header["TYPE"]?.value ?? "CVRP"
        guard let dimension = try headerInt("DIMENSION", required: true), dimension >= 1 else {
            throw fail(header["DIMENSION"]?.line ?? 0, "DIMENSION", "must be at least 1")
        }
        guard dimension <= 20_000 else {
            throw fail(header["DIMENSION"]!.line, "DIMENSION", "\(dimension) is too large")
        }
        let capacity = try headerInt("CAPACITY", required: true)!
        let vehicles = try headerInt("VEHICLES", required: false)
        let routeLimit = try headerInt("DISTANCE", required: false)
        let serviceTime = try headerInt("SERVICE_TIME", required: false)
        if let vehicles, vehicles < 1 { throw fail(header["VEHICLES"]!.line, "VEHICLES", "must be at least 1") }
        let weightType = header["EDGE_WEIGHT_TYPE"]?.value ?? "EUC_2D"

        // Node numbers are 1 ... dimension; remember each node's line for messages.
        func nodeIndex(_ token: Token, _ field: String) throws(RoutingParseError) -> Int {
            let node = try integer(token, field)
            guard node >= 1 && node <= dimension else {
                throw fail(token.line, field, "node \(node) is outside 1 ... \(dimension)")
            }
            return node - 1
        }

        // Depot.
        var depot = 0
        if let section = sections["DEPOT_SECTION"] {
            guard let first = section.tokens.first else { throw fail(section.line, "DEPOT_SECTION", "no depot given") }
            depot = try nodeIndex(first, "DEPOT_SECTION")
            if section.tokens.count > 1, let second = Int(section.tokens[1].text), second != -1 {
                throw fail(section.tokens[1].line, "DEPOT_SECTION", "only one depot is supported")
            }
        }

        // Coordinates.
        var coordinates: [SIMD2<Double>]?
        if let section = sections["NODE_COORD_SECTION"] {
            guard section.tokens.count == 3 * dimension else {
                throw fail(
                    section.line, "NODE_COORD_SECTION",
                    "expected \(dimension) lines of \"node x y\", found \(section.tokens.count) numbers")
            }
            var points = Array(repeating: SIMD2<Double>(0, 0), count: dimension)
            var seen = Array(repeating: false, count: dimension)
            for row in 0..<dimension {
                let node = try nodeIndex(section.tokens[3 * row], "NODE_COORD_SECTION node")
                if seen[node] {
                    throw fail(section.tokens[3 * row].line, "NODE_COORD_SECTION node", "node \(node + 1) listed twice")
                }
                seen[node] = true
                points[node] = SIMD2(
                    try number(section.tokens[3 * row + 1], "NODE_COORD_SECTION x"),
                    try number(section.tokens[3 * row + 2], "NODE_COORD_SECTION y"))
            }
            coordinates = points
        }

        // Distances in file order.
        var matrix = Array(repeating: 0, count: dimension * dimension)
        var costScale = 1
        switch weightType {
        case "EUC_2D", "CEIL_2D", "EXACT_2D":
            guard let points = coordinates else {
                throw fail(
                    header["EDGE_WEIGHT_TYPE"]?.line ?? 0, "NODE_COORD_SECTION",
                    "missing for EDGE_WEIGHT_TYPE \(weightType)")
            }
            if weightType == "EXACT_2D" { costScale = 1000 }
            for i in 0..<dimension {
                for j in 0..<dimension where i != j {
                    let delta = points[i] - points[j]
                    let length = (delta * delta).sum().squareRoot()
                    switch weightType {
                    case "EUC_2D": matrix[i * dimension + j] = Int((length + 0.5).rounded(.down))
                    case "CEIL_2D": matrix[i * dimension + j] = Int(length.rounded(.up))
                    default: matrix[i * dimension + j] = Int((length * 1000).rounded())
                    }
                }
            }
        case "EXPLICIT":
            guard let section = sections["EDGE_WEIGHT_SECTION"] else {
                throw fail(
                    header["EDGE_WEIGHT_TYPE"]!.line, "EDGE_WEIGHT_SECTION", "missing for EDGE_WEIGHT_TYPE EXPLICIT")
            }
            let format = header["EDGE_WEIGHT_FORMAT"]?.value ?? "FULL_MATRIX"
            var cells: [(Int, Int)] = []
            let n = dimension
            switch format {
            case "FULL_MATRIX":
                for i in 0..<n { for j in 0..<n { cells.append((i, j)) } }
            case "LOWER_ROW", "UPPER_COL":
                for i in 0..<n { for j in 0..<i { cells.append((i, j)) } }
            case "UPPER_ROW", "LOWER_COL":
                for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { cells.append((i, j)) } }
            case "LOWER_DIAG_ROW", "UPPER_DIAG_COL":
                for i in 0..<n { for j in 0...i { cells.append((i, j)) } }
            case "UPPER_DIAG_ROW", "LOWER_DIAG_COL":
                for i in 0..<n { for j in i..<n { cells.append((i, j)) } }
            default:
                throw fail(
                    header["EDGE_WEIGHT_FORMAT"]?.line ?? 0, "EDGE_WEIGHT_FORMAT", "unsupported format \(format)")
            }
            guard section.tokens.count == cells.count else {
                throw fail(
                    section.line, "EDGE_WEIGHT_SECTION",
                    "expected \(cells.count) weights for \(format) of dimension \(n), found \(section.tokens.count)")
            }
            for (token, (i, j)) in zip(section.tokens, cells) {
                let value = Int(token.text) ?? Double(token.text).map { Int($0.rounded()) }
                guard let value, value >= 0 else {
                    throw fail(
                        token.line, "EDGE_WEIGHT_SECTION", "expected a non-negative number, found \"\(token.text)\"")
                }
                matrix[i * n + j] = value
                if format != "FULL_MATRIX" { matrix[j * n + i] = value }
            }
            if type == "VRPSPD" { costScale = 10_000 }
        default:
            throw fail(header["EDGE_WEIGHT_TYPE"]?.line ?? 0, "EDGE_WEIGHT_TYPE", "unsupported type \(weightType)")
        }

        // Demands, windows and service times in file order.
        var deliveries = Array(repeating: 0, count: dimension)
        var pickups = Array(repeating: 0, count: dimension)
        var earliest = Array(repeating: 0, count: dimension)
        var latest = Array(repeating: Int.max / 4, count: dimension)
        var service = Array(repeating: serviceTime ?? 0, count: dimension)
        var hasWindows = false
        if let section = sections["PICKUP_AND_DELIVERY_SECTION"] {
            guard section.tokens.count == 7 * dimension else {
                throw fail(
                    section.line, "PICKUP_AND_DELIVERY_SECTION",
                    "expected \(dimension) lines of 7 numbers, found \(section.tokens.count) numbers")
            }
            for row in 0..<dimension {
                let t = Array(section.tokens[(7 * row)..<(7 * row + 7)])
                let node = try nodeIndex(t[0], "PICKUP_AND_DELIVERY_SECTION node")
                earliest[node] = try integer(t[2], "PICKUP_AND_DELIVERY_SECTION earliest")
                latest[node] = try integer(t[3], "PICKUP_AND_DELIVERY_SECTION latest")
                service[node] = try integer(t[4], "PICKUP_AND_DELIVERY_SECTION service")
                pickups[node] = try integer(t[5], "PICKUP_AND_DELIVERY_SECTION pickup")
                deliveries[node] = try integer(t[6], "PICKUP_AND_DELIVERY_SECTION delivery")
            }
            hasWindows = true
        } else {
            guard let section = sections["DEMAND_SECTION"] else { throw fail(0, "DEMAND_SECTION", "missing") }
            guard section.tokens.count == 2 * dimension else {
                throw fail(
                    section.line, "DEMAND_SECTION",
                    "expected \(dimension) lines of \"node demand\", found \(section.tokens.count) numbers")
            }
            for row in 0..<dimension {
                let node = try nodeIndex(section.tokens[2 * row], "DEMAND_SECTION node")
                deliveries[node] = try integer(section.tokens[2 * row + 1], "DEMAND_SECTION demand")
            }
        }
        if deliveries[depot] != 0 || pickups[depot] != 0 {
            throw fail(
                sections["DEMAND_SECTION"]?.line ?? sections["PICKUP_AND_DELIVERY_SECTION"]?.line ?? 0,
                "depot demand", "the depot (node \(depot + 1)) must have zero demand")
        }

        // Reorder: depot first, then the other nodes in file order.
        let order = [depot] + (0..<dimension).filter { $0 != depot }
        var distances = Array(repeating: 0, count: dimension * dimension)
        for (a, i) in order.enumerated() {
            for (b, j) in order.enumerated() { distances[a * dimension + b] = matrix[i * dimension + j] }
        }
        // Windows that never bind are dropped so that the search skips time bookkeeping.
        service[depot] = 0
        if hasWindows {
            let binding = order.dropFirst().contains {
                earliest[$0] > earliest[depot] || latest[$0] < latest[depot] || service[$0] > 0
            }
            hasWindows = binding
        }
        let useTime = hasWindows || service.contains { $0 > 0 }
        let maxDuration = (routeLimit ?? 0) > 0 ? routeLimit : nil
        let fleet = VehicleType(
            capacity: capacity, count: vehicles ?? max(1, dimension - 1), maxDuration: maxDuration)
        do {
            let problem = try ProblemData(
                dimension: dimension, distances: distances, deliveries: order.map { deliveries[$0] },
                pickups: order.map { pickups[$0] },
                serviceTimes: useTime ? order.map { service[$0] } : nil,
                earliest: hasWindows ? order.map { earliest[$0] } : nil,
                latest: hasWindows ? order.map { latest[$0] } : nil,
                vehicleTypes: [fleet], coordinates: coordinates.map { points in order.map { points[$0] } })
            let kind: ProblemKind = type == "VRPSPD" || sections["PICKUP_AND_DELIVERY_SECTION"] != nil ? .vrpspd : .cvrp
            return RoutingInstance(
                name: name, kind: kind, problem: problem, labels: order.map { $0 + 1 }, costScale: costScale)
        } catch {
            throw fail(0, "data", error.description)
        }
    }
}
