import Foundation
import JishiAPI
import JishiKit
import Vapor
import Yams

/// The contract's own bounds, enforced on every API request before a handler (or the generated
/// decoder) sees it: integers are whole numbers within `minimum`…`maximum`, strings within
/// their lengths and enums and free of what `TextRule` refuses, arrays within their item
/// counts. The generated server code checks types only, so without this a bound written in
/// `openapi.yaml` would be a promise nobody kept.
///
/// Written here rather than taken from a library: no JSON Schema validator is among the Swift
/// packages this project may use, and the subset `openapi.yaml` uses is small.
struct ContractRules: Sendable {
    /// What a schema allows, reduced to the keywords the contract uses on requests.
    indirect enum Rule: Sendable {
        case integer(minimum: Int64?, maximum: Int64?)
        case number(minimum: Double?, maximum: Double?)
        case string(minLength: Int?, maxLength: Int?, allowed: [String]?, format: String?)
        case boolean
        case array(items: Rule, minItems: Int?, maxItems: Int?)
        case object(properties: [String: Rule], required: [String])
        case anything
    }

    struct Parameter: Sendable {
        var name: String
        var location: String
        var required: Bool
        var rule: Rule
    }

    struct Operation: Sendable {
        /// Its `operationId`.
        var id: String
        var method: String
        /// The path template split at `/`; `{name}` segments match any one segment.
        var segments: [String]
        var parameters: [Parameter]
        /// The JSON body's rule, when the operation takes `application/json`.
        var body: Rule?
        /// The media types the operation's body may have.
        var contentTypes: [String]
        /// The bytes each part of a `multipart/form-data` body may have, where the contract bounds
        /// the part (`maxLength`); the other parts are bounded by the API's body limit.
        var partLimits: [String: Int] = [:]

        func matches(_ method: String, _ parts: [Substring]) -> Bool {
            guard method == self.method, parts.count == segments.count else { return false }
            return zip(segments, parts).allSatisfy { template, part in template.hasPrefix("{") || template == part }
        }
    }

    let operations: [Operation]

    /// The rules of the contract Jishi serves.
    static let shared: ContractRules = {
        do {
            return try ContractRules(yaml: Contract.yaml)
        } catch {
            fatalError("openapi.yaml cannot be read as rules: \(error)")
        }
    }()

    init(yaml: String) throws {
        guard let document = try Yams.compose(yaml: yaml) else { throw RuleError("empty document") }
        let reader = Reader(document: document)
        var operations: [Operation] = []
        for (pathNode, item) in document["paths"]?.mapping ?? [:] {
            guard let path = pathNode.string else { continue }
            let shared = try (item["parameters"]?.array() ?? []).map(reader.parameter)
            for method in ["get", "put", "post", "patch", "delete"] {
                guard let operation = item[method] else { continue }
                let own = try (operation["parameters"]?.array() ?? []).map(reader.parameter)
                var body: Rule?
                let content = try operation["requestBody"].map(reader.resolve)?["content"]
                if let schema = content?["application/json"]?["schema"] {
                    body = try reader.rule(schema)
                }
                var partLimits: [String: Int] = [:]
                if let form = try content?["multipart/form-data"]?["schema"].map(reader.resolve) {
                    for (key, part) in form["properties"]?.mapping ?? [:] {
                        guard let name = key.string, let most = try reader.resolve(part)["maxLength"]?.int else {
                            continue
                        }
                        partLimits[name] = most
                    }
                }
                operations.append(
                    Operation(
                        id: operation["operationId"]?.string ?? "", method: method.uppercased(),
                        segments: path.split(separator: "/").map(String.init),
                        parameters: shared + own, body: body,
                        contentTypes: content?.mapping?.keys.compactMap(\.string) ?? [], partLimits: partLimits))
            }
        }
        self.operations = operations
    }

    func operation(method: String, path: String) -> Operation? {
        let parts = path.split(separator: "/")
        return operations.first { $0.matches(method, parts) }
    }

    /// The most bytes part `part` of operation `operationId`'s form may have, as the contract
    /// bounds it; nil when it does not.
    func partLimit(_ part: String, of operationId: String) -> Int? {
        operations.first { $0.id == operationId }?.partLimits[part]
    }

    struct RuleError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Turns schema nodes into rules, following `$ref`s into `components`.
    private struct Reader {
        let document: Node

        func resolve(_ node: Node) throws -> Node {
            var node = node
            var hops = 0
            while let reference = node["$ref"]?.string {
                guard reference.hasPrefix("#/"), hops < 16 else { throw RuleError("cannot follow \(reference)") }
                var target: Node? = document
                for key in reference.dropFirst(2).split(separator: "/") { target = target?[String(key)] }
                guard let found = target else { throw RuleError("no \(reference)") }
                node = found
                hops += 1
            }
            return node
        }

        func parameter(_ node: Node) throws -> Parameter {
            let node = try resolve(node)
            guard let name = node["name"]?.string, let location = node["in"]?.string else {
                throw RuleError("a parameter without a name or location")
            }
            return Parameter(
                name: name, location: location, required: node["required"]?.bool ?? false,
                rule: try node["schema"].map(rule) ?? .anything)
        }

        func rule(_ node: Node) throws -> Rule {
            let node = try resolve(node)
            if let parts = node["allOf"]?.array() {
                var properties: [String: Rule] = [:]
                var required: [String] = []
                for part in parts {
                    guard case .object(let more, let needed) = try rule(part) else { continue }
                    properties.merge(more) { first, _ in first }
                    required += needed
                }
                return .object(properties: properties, required: required)
            }
            switch node["type"]?.string {
            case "integer":
                return .integer(minimum: node["minimum"].flatMap(int64), maximum: node["maximum"].flatMap(int64))
            case "number":
                return .number(minimum: node["minimum"]?.float, maximum: node["maximum"]?.float)
            case "string":
                return .string(
                    minLength: node["minLength"]?.int, maxLength: node["maxLength"]?.int,
                    allowed: node["enum"]?.array().compactMap(\.string), format: node["format"]?.string)
            case "boolean":
                return .boolean
            case "array":
                return .array(
                    items: try node["items"].map(rule) ?? .anything, minItems: node["minItems"]?.int,
                    maxItems: node["maxItems"]?.int)
            case "object":
                var properties: [String: Rule] = [:]
                for (key, value) in node["properties"]?.mapping ?? [:] {
                    guard let name = key.string else { continue }
                    properties[name] = try rule(value)
                }
                return .object(properties: properties, required: node["required"]?.array().compactMap(\.string) ?? [])
            default:
                return .anything
            }
        }

        private func int64(_ node: Node) -> Int64? { node.string.flatMap { Int64($0) } }
    }
}

/// Checks values against rules, naming the first offending field.
enum ContractCheck {
    /// A query parameter's text against its rule.
    static func check(parameter text: String, _ rule: ContractRules.Rule, field: String) throws {
        switch rule {
        case .integer(let minimum, let maximum):
            guard let value = wholeNumber(text) else {
                throw Problem.validation(field, "\(field) must be a whole number\(range(minimum, maximum)).")
            }
            try check(integer: value, minimum: minimum, maximum: maximum, field: field)
        case .number(let minimum, let maximum):
            guard let value = Double(text), value.isFinite else {
                throw Problem.validation(field, "\(field) must be a number.")
            }
            try check(number: value, minimum: minimum, maximum: maximum, field: field)
        case .boolean:
            guard text == "true" || text == "false" else {
                throw Problem.validation(field, "\(field) must be true or false.")
            }
        case .string:
            try check(string: text, rule, field: field)
        case .array, .object, .anything:
            break
        }
    }

    /// A parsed JSON value (from `JSONSerialization`) against its rule.
    static func check(json value: Any, _ rule: ContractRules.Rule, field: String) throws {
        let name = field.isEmpty ? "The body" : field
        let problemField = field.isEmpty ? "body" : field
        switch rule {
        case .anything:
            return
        case .integer(let minimum, let maximum):
            guard let number = value as? NSNumber, kind(of: number) == .integer else {
                let isNumber = (value as? NSNumber).map { kind(of: $0) != .boolean } ?? false
                throw Problem.validation(
                    problemField,
                    isNumber
                        ? "\(name) must be a whole number\(range(minimum, maximum))."
                        : "\(name) must be an integer\(range(minimum, maximum)).")
            }
            try check(integer: number.int64Value, minimum: minimum, maximum: maximum, field: problemField)
        case .number(let minimum, let maximum):
            guard let number = value as? NSNumber, kind(of: number) != .boolean else {
                throw Problem.validation(problemField, "\(name) must be a number.")
            }
            try check(number: number.doubleValue, minimum: minimum, maximum: maximum, field: problemField)
        case .boolean:
            guard let number = value as? NSNumber, kind(of: number) == .boolean else {
                throw Problem.validation(problemField, "\(name) must be true or false.")
            }
        case .string:
            guard let text = value as? String else {
                throw Problem.validation(problemField, "\(name) must be a string.")
            }
            try check(string: text, rule, field: problemField)
        case .array(let items, let minItems, let maxItems):
            guard let array = value as? [Any] else {
                throw Problem.validation(problemField, "\(name) must be an array.")
            }
            if let minItems, array.count < minItems {
                throw Problem.validation(problemField, "\(name) needs at least \(minItems) items.")
            }
            if let maxItems, array.count > maxItems {
                throw Problem.validation(problemField, "\(name) may have at most \(maxItems) items.")
            }
            for (index, element) in array.enumerated() {
                try check(json: element, items, field: "\(field)[\(index)]")
            }
        case .object(let properties, let required):
            guard let object = value as? [String: Any] else {
                throw Problem.validation(problemField, "\(name) must be a JSON object.")
            }
            for key in required where object[key] == nil || object[key] is NSNull {
                let path = field.isEmpty ? key : "\(field).\(key)"
                throw Problem(type: .missingField, detail: "\(path) is required.", field: path)
            }
            for (key, element) in object.sorted(by: { $0.key < $1.key }) {
                guard let rule = properties[key] else { continue }
                let path = field.isEmpty ? key : "\(field).\(key)"
                // The contract declares no field nullable: leave a field out rather than send null.
                if element is NSNull {
                    throw Problem.validation(path, "\(path) must not be null; leave it out instead.")
                }
                try check(json: element, rule, field: path)
            }
        }
    }

    private static func check(string text: String, _ rule: ContractRules.Rule, field: String) throws {
        guard case .string(let minLength, let maxLength, let allowed, let format) = rule else { return }
        if let allowed {
            guard allowed.contains(text) else {
                throw Problem.validation(field, "\(field) must be one of: \(allowed.joined(separator: ", ")).")
            }
            return
        }
        // JSON Schema counts lengths in code points, not in what a reader sees as one character.
        let length = text.unicodeScalars.count
        if let minLength, length < minLength {
            throw Problem.validation(field, "\(field) needs at least \(minLength) characters.")
        }
        if let maxLength, length > maxLength {
            throw Problem.validation(field, "\(field) may have at most \(maxLength) characters.")
        }
        if format == nil {
            // Free text: one rule for every field (multi-line fields allow line breaks and tabs;
            // the domain refuses them where a field is one line).
            try TextRule.check(text, field: field, multiline: true)
        }
    }

    private static func check(integer value: Int64, minimum: Int64?, maximum: Int64?, field: String) throws {
        if let minimum, value < minimum { throw Problem.validation(field, outside(field, minimum, maximum)) }
        if let maximum, value > maximum { throw Problem.validation(field, outside(field, minimum, maximum)) }
    }

    private static func check(number value: Double, minimum: Double?, maximum: Double?, field: String) throws {
        if let minimum, value < minimum { throw Problem.validation(field, "\(field) must be at least \(minimum).") }
        if let maximum, value > maximum { throw Problem.validation(field, "\(field) must be at most \(maximum).") }
    }

    private static func outside(_ field: String, _ minimum: Int64?, _ maximum: Int64?) -> String {
        "\(field) must be\(range(minimum, maximum))."
    }

    private static func range(_ minimum: Int64?, _ maximum: Int64?) -> String {
        switch (minimum, maximum) {
        case (let low?, let high?): " from \(low) to \(high)"
        case (let low?, nil): " of at least \(low)"
        case (nil, let high?): " of at most \(high)"
        case (nil, nil): ""
        }
    }

    /// Digits with an optional sign, as a 64-bit integer; `nil` for anything else ("1.0", "1e2",
    /// "+1", " 1") and for numbers beyond 64 bits (which no bound allows anyway).
    static func wholeNumber(_ text: String) -> Int64? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int64(text) ?? (text.hasPrefix("-") ? Int64.min : Int64.max)
    }

    enum NumberKind { case integer, fraction, boolean }

    /// What `JSONSerialization` made of a JSON number: it keeps `1`, `1.0`, `1e2` and `true` apart
    /// by the number's storage type, and numbers beyond 64 bits arrive as decimals.
    static func kind(of number: NSNumber) -> NumberKind {
        if number is NSDecimalNumber { return .fraction }
        switch String(cString: number.objCType) {
        case "c", "B": return .boolean
        case "f", "d": return .fraction
        default: return .integer
        }
    }
}

/// Enforces `ContractRules` on the API: query parameters, then the JSON body. Runs inside
/// `RequestContextMiddleware`, after the body has been bounded.
struct ContractValidationMiddleware: AsyncMiddleware {
    let rules: ContractRules

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let operation = rules.operation(method: request.method.rawValue, path: request.url.path) else {
            return try await next.respond(to: request)
        }
        let query = URLComponents(string: request.url.string)?.queryItems ?? []
        for parameter in operation.parameters where parameter.location == "query" {
            for item in query where item.name == parameter.name {
                guard let value = item.value else { continue }
                try ContractCheck.check(parameter: value, parameter.rule, field: parameter.name)
            }
        }
        if let body = operation.body, isJSON(request) {
            let limit = request.jishi.config.http.maxBodyBytes
            let buffer: ByteBuffer?
            do {
                buffer = try await request.body.collect(max: limit).get()
            } catch let abort as any AbortError where abort.status == .payloadTooLarge {
                throw Problem(type: .payloadTooLarge, detail: "At most \(limit) bytes.")
            }
            if let buffer, buffer.readableBytes > 0 {
                let value: Any
                do {
                    value = try JSONSerialization.jsonObject(
                        with: Data(buffer.readableBytesView), options: [.fragmentsAllowed])
                } catch {
                    throw Problem(type: .invalidJSON, detail: "The body could not be parsed as JSON.")
                }
                try ContractCheck.check(json: value, body, field: "")
            }
        }
        return try await next.respond(to: request)
    }

    private func isJSON(_ request: Request) -> Bool {
        guard let type = request.headers.contentType else { return false }
        return type.type == "application" && (type.subType == "json" || type.subType.hasSuffix("+json"))
    }
}
