import Foundation

/// CVRPLIB `.sol` files: lines `Route #k: c1 c2 ...` with clients numbered as locations
/// (1 ... n, the depot being 0, i.e. the file's node number minus one when the depot is
/// node 1), then `Cost C`.
public enum SolutionFile {
    public static func read(path: String) throws(RoutingParseError) -> (solution: Solution, cost: Int?) {
        try parse(try RoutingParseError.readText(path), file: path)
    }

    public static func parse(_ text: String, file: String) throws(RoutingParseError) -> (solution: Solution, cost: Int?)
    {
        var routes: [SolutionRoute] = []
        var cost: Int?
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .enumerated()
        {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line.lowercased().hasPrefix("route") {
                guard let colon = line.firstIndex(of: ":") else {
                    throw RoutingParseError(
                        file: file, line: index + 1, field: "Route", message: "expected \"Route #k: clients\"")
                }
                var clients: [Int] = []
                for word in line[line.index(after: colon)...].split(separator: " ") {
                    guard let client = Int(word), client > 0 else {
                        throw RoutingParseError(
                            file: file, line: index + 1, field: "Route",
                            message: "expected a positive client number, found \"\(word)\"")
                    }
                    clients.append(client)
                }
                routes.append(SolutionRoute(clients: clients))
            } else if line.lowercased().hasPrefix("cost") {
                let value = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
                guard let number = Int(value) ?? Double(value).map({ Int($0.rounded()) }) else {
                    throw RoutingParseError(
                        file: file, line: index + 1, field: "Cost", message: "expected a number, found \"\(value)\"")
                }
                cost = number
            } else {
                throw RoutingParseError(
                    file: file, line: index + 1, field: "line", message: "expected \"Route #k: ...\" or \"Cost C\"")
            }
        }
        return (Solution(routes: routes), cost)
    }

    public static func format(_ solution: Solution, cost: Int) -> String {
        var text = ""
        for (index, route) in solution.routes.enumerated() {
            text += "Route #\(index + 1): " + route.clients.map(String.init).joined(separator: " ") + "\n"
        }
        return text + "Cost \(cost)\n"
    }

    public static func write(_ solution: Solution, cost: Int, to path: String) throws {
        try format(solution, cost: cost).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
