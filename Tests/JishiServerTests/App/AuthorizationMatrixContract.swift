import Foundation
import JishiAPI
import Yams

/// One operation of `openapi.yaml` as the authorisation matrix sends it: its method, path
/// template, the parameters it must fill and the body it must send.
struct ContractOperation: Sendable, CustomStringConvertible {
    enum Body: Sendable {
        case none
        /// A JSON body: the smallest document the contract accepts (see ``ContractSampler``).
        case json(JSONSample)
        /// Bytes of another media type (a photo, a CSV file).
        case raw(contentType: String)
    }

    var id: String
    var method: String
    var path: String
    /// The query parameters: the required ones are always sent, the others when the world
    /// names a value for them.
    var query: [(name: String, required: Bool, sample: JSONSample)]
    var body: Body

    var description: String { "\(method) \(path) (\(id))" }

    /// The path's `{name}` segments, with the segment before each (`shops/{shopId}`).
    var pathParameters: [(segment: String, name: String)] {
        let parts = path.split(separator: "/").map(String.init)
        return parts.indices.compactMap { index in
            let part = parts[index]
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return nil }
            return (index > 0 ? parts[index - 1] : "", String(part.dropFirst().dropLast()))
        }
    }

    /// Every operation of the contract Jishi serves, in the document's order.
    static func all() throws -> [ContractOperation] {
        guard let document = try Yams.compose(yaml: Contract.yaml) else { throw ContractReadError("empty contract") }
        let sampler = ContractSampler(document: document)
        var operations: [ContractOperation] = []
        for (pathNode, item) in document["paths"]?.mapping ?? [:] {
            guard let path = pathNode.string else { continue }
            let shared = try (item["parameters"]?.array() ?? []).map(sampler.resolve)
            for method in ["get", "put", "post", "patch", "delete"] {
                guard let operation = item[method] else { continue }
                guard let id = operation["operationId"]?.string else {
                    throw ContractReadError("\(method) \(path) has no operationId")
                }
                let parameters = try shared + (operation["parameters"]?.array() ?? []).map(sampler.resolve)
                let query = try parameters.filter { $0["in"]?.string == "query" }.map { parameter in
                    let name = parameter["name"]?.string ?? ""
                    return (
                        name, parameter["required"]?.bool == true, try sampler.sample(parameter["schema"], name: name)
                    )
                }
                var body = Body.none
                if let requestBody = try operation["requestBody"].map(sampler.resolve),
                    let content = requestBody["content"]?.mapping
                {
                    if let json = content["application/json"] {
                        body = .json(try sampler.sample(json["schema"], name: nil))
                    } else if let type = content.keys.first?.string {
                        body = .raw(contentType: type)
                    }
                }
                operations.append(
                    ContractOperation(
                        id: id, method: method.uppercased(), path: path, query: query, body: body))
            }
        }
        return operations
    }
}

struct ContractReadError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A JSON value the contract accepts, with the names of fields the world fills in (an id
/// field names one of the world's objects, so a request that passes authorisation reaches it).
indirect enum JSONSample: Sendable {
    case string(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    case array([JSONSample])
    case object([(String, JSONSample)])
    /// A field the world fills by its name (`villageId`, `variantId`…); `fallback` otherwise.
    case named(String, fallback: JSONSample)

    func json(_ values: [String: String]) -> Any {
        switch self {
        case .string(let text): text
        case .integer(let value): value
        case .number(let value): value
        case .boolean(let value): value
        case .array(let items): items.map { $0.json(values) }
        case .object(let fields): Dictionary(fields.map { ($0.0, $0.1.json(values)) }) { first, _ in first }
        case .named(let name, let fallback):
            switch (values[name], fallback) {
            case (let value?, .integer): Int64(value).map { $0 as Any } ?? fallback.json(values)
            case (let value?, _): value
            case (nil, _): fallback.json(values)
            }
        }
    }

    /// The value as a query or path parameter's text.
    func text(_ values: [String: String]) -> String {
        switch json(values) {
        case let text as String: text
        case let value as Int64: String(value)
        case let value as Double: String(value)
        case let value as Bool: value ? "true" : "false"
        default: ""
        }
    }
}

/// The smallest values a schema accepts: required fields only, the first of an enum, the
/// lower bound of a number or a length, one item of an array, a date or month that is now.
private struct ContractSampler {
    let document: Node

    func resolve(_ node: Node) throws -> Node {
        var node = node
        var hops = 0
        while let reference = node["$ref"]?.string {
            guard reference.hasPrefix("#/"), hops < 16 else { throw ContractReadError("cannot follow \(reference)") }
            var target: Node? = document
            for key in reference.dropFirst(2).split(separator: "/") { target = target?[String(key)] }
            guard let found = target else { throw ContractReadError("no \(reference)") }
            node = found
            hops += 1
        }
        return node
    }

    func sample(_ schema: Node?, name: String?) throws -> JSONSample {
        guard let schema else { return .object([]) }
        let value = try plain(try resolve(schema))
        guard let name, isScalar(value) else { return value }
        return .named(name, fallback: value)
    }

    private func isScalar(_ sample: JSONSample) -> Bool {
        switch sample {
        case .string, .integer, .number, .boolean: true
        default: false
        }
    }

    private func plain(_ node: Node) throws -> JSONSample {
        if let parts = node["allOf"]?.array() {
            var fields: [(String, JSONSample)] = []
            for part in parts {
                guard case .object(let more) = try plain(try resolve(part)) else { continue }
                fields += more.filter { field in !fields.contains { $0.0 == field.0 } }
            }
            return .object(fields)
        }
        if let first = node["enum"]?.array().first?.string { return .string(first) }
        switch node["type"]?.string {
        case "integer":
            let minimum = node["minimum"]?.int ?? 1
            return .integer(Int64(max(minimum, min(1, node["maximum"]?.int ?? 1))))
        case "number":
            return .number(node["minimum"]?.float ?? 1)
        case "boolean":
            return .boolean(false)
        case "array":
            let count = max(node["minItems"]?.int ?? 1, 1)
            let item = try sample(node["items"], name: nil)
            return .array(Array(repeating: item, count: count))
        case "object":
            let required = Set(node["required"]?.array().compactMap(\.string) ?? [])
            var fields: [(String, JSONSample)] = []
            for (key, value) in node["properties"]?.mapping ?? [:] {
                guard let field = key.string, required.contains(field) else { continue }
                fields.append((field, try sample(value, name: field)))
            }
            return .object(fields)
        case "string":
            return .string(text(node))
        default:
            return .object([])
        }
    }

    /// A string the schema accepts: its format, a crude reading of its pattern, its lengths.
    private func text(_ node: Node) -> String {
        let now = Date()
        switch node["format"]?.string {
        case "uuid": return UUID().uuidString.lowercased()
        case "date": return AuthorizationMatrixClock.day(now)
        case "date-time": return ISO8601DateFormatter().string(from: now)
        default: break
        }
        if let pattern = node["pattern"]?.string {
            switch pattern {
            case "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": return AuthorizationMatrixClock.day(now)
            case "^[0-9]{4}-[0-9]{2}$": return AuthorizationMatrixClock.month(now)
            case "^[0-9]{4}(-[0-9]{2})?$": return String(AuthorizationMatrixClock.month(now).prefix(4))
            default:
                // A repeated class (`[A-Za-z0-9-]+`) is written three times: more when the
                // schema asks for a longer string.
                var example = Self.example(of: pattern)
                if let last = example.last, pattern.hasSuffix("+$") || pattern.hasSuffix("*$") {
                    example += String(repeating: last, count: max((node["minLength"]?.int ?? 0) - example.count, 0))
                }
                return example
            }
        }
        let minimum = max(node["minLength"]?.int ?? 1, 1)
        return String(repeating: "x", count: min(minimum, node["maxLength"]?.int ?? minimum))
    }

    /// A string matching the simple patterns the contract writes: character classes with
    /// counts (`[0-9]{4}`, `[A-Za-z0-9-]+`), literals, optional groups left out.
    static func example(of pattern: String) -> String {
        var result = ""
        var characters = Array(pattern)
        characters.removeAll { $0 == "^" || $0 == "$" }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(" {
                var depth = 0
                while index < characters.count {
                    if characters[index] == "(" { depth += 1 }
                    if characters[index] == ")" { depth -= 1 }
                    index += 1
                    if depth == 0 { break }
                }
                if index < characters.count, characters[index] == "?" { index += 1 }
                continue
            }
            var unit = String(character)
            if character == "[" {
                let end = characters[index...].firstIndex(of: "]") ?? index
                let members = characters[(index + 1)..<end]
                unit = members.first == "0" ? "1" : String(members.first ?? "x")
                index = end
            } else if character == "\\", index + 1 < characters.count {
                index += 1
                unit = characters[index] == "d" ? "1" : String(characters[index])
            }
            index += 1
            var count = 1
            if index < characters.count, characters[index] == "{" {
                let end = characters[index...].firstIndex(of: "}") ?? index
                let bounds = String(characters[(index + 1)..<end]).split(separator: ",")
                count = bounds.first.flatMap { Int($0) } ?? 1
                index = end + 1
            } else if index < characters.count, characters[index] == "+" {
                count = 3
                index += 1
            } else if index < characters.count, characters[index] == "*" || characters[index] == "?" {
                count = 0
                index += 1
            }
            result += String(repeating: unit, count: count)
        }
        return result
    }
}

/// Today and this month on the county's clock (Beijing time), as the contract writes them.
enum AuthorizationMatrixClock {
    static func day(_ date: Date) -> String { format(date, "yyyy-MM-dd") }
    static func month(_ date: Date) -> String { format(date, "yyyy-MM") }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
