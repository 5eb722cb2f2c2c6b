import Foundation
import HTTPTypes
import JishiKit
import OpenAPIRuntime
import Vapor

/// Turns every error into a response: `application/problem+json` for the API, a page for
/// browsers. Bad input becomes a 4xx naming the field; only a bug becomes a 500, logged.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) async -> Response {
        if let refused = find(FileRefusal.self, in: error), !wantsHTML(request) {
            // A refused file: a `422` problem listing every bad line and column.
            request.logger.notice("422 \(ProblemType.validation) \(refused.errors.count) bad lines")
            return refused.response(instance: request.url.path)
        }
        var problem = Self.problem(for: error)
        var allowed: [String] = []
        if problem.status == 404, request.route == nil {
            allowed = allowedMethods(for: request)
            if !allowed.isEmpty {
                problem = Problem(type: .methodNotAllowed, detail: "Use \(allowed.joined(separator: ", ")).")
            }
        }
        if problem.status == 415,
            let accepted = ContractRules.shared.operation(
                method: request.method.rawValue, path: request.url.path)?.contentTypes, !accepted.isEmpty
        {
            problem.detail = "Send \(accepted.joined(separator: " or "))."
        }
        problem.instance = request.url.path
        if problem.status >= 500 {
            // Never the request itself: its headers carry tokens and cookies.
            request.logger.error("\(problem.status) \(logDescription(of: error).loggable)")
        } else {
            request.logger.notice("\(problem.status) \(problem.type) \((problem.detail ?? "").loggable)")
        }
        let response =
            wantsHTML(request) ? await WebErrorPage.response(for: problem, request: request) : problemResponse(problem)
        if !allowed.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", ")) }
        return response
    }

    /// What a 500 logs: the cause, without the request (OpenAPI's `ServerError` description
    /// includes every header).
    static func logDescription(of error: any Error) -> String {
        if let serverError = error as? ServerError {
            return
                "\(serverError.operationID): \(serverError.causeDescription) \(String(reflecting: serverError.underlyingError))"
        }
        return String(reflecting: error)
    }

    /// The methods that do have a route at this path, for a 405's `Allow`.
    static func allowedMethods(for request: Request) -> [String] {
        let parts = request.url.path.split(separator: "/").map(String.init)
        var methods = Set<String>()
        for route in request.application.routes.all where route.path.count == parts.count {
            let matches = zip(route.path, parts).allSatisfy { component, part in
                switch component {
                case .constant(let constant): constant == part
                case .parameter: true
                default: false
                }
            }
            if matches { methods.insert(route.method.rawValue) }
        }
        return methods.sorted()
    }

    static func problemResponse(_ problem: Problem) -> Response {
        let response = Response(status: HTTPResponseStatus(statusCode: problem.status))
        response.headers.replaceOrAdd(name: .contentType, value: Problem.mediaType)
        if problem.status == 401 { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        if let retryAfter = problem.retryAfter {
            response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        response.body = .init(data: (try? encoder.encode(problem)) ?? Data())
        return response
    }

    /// The API and machine endpoints answer problem+json; everything else is a page.
    static func wantsHTML(_ request: Request) -> Bool {
        let path = request.url.path
        if path.hasPrefix("/api/") || path == "/healthz" || path == "/metrics" || path == "/openapi.yaml" {
            return false
        }
        let accept = request.headers.first(name: .accept) ?? ""
        return accept.isEmpty || accept.contains("text/html") || accept.contains("*/*")
    }

    /// Maps any error to a problem. Errors are searched through their wrappers (OpenAPI's
    /// `ServerError`, enum payloads) for the most specific cause.
    static func problem(for error: any Error) -> Problem {
        if let problem = find(Problem.self, in: error) { return problem }
        if let decoding = find(DecodingError.self, in: error) {
            var problem = problem(for: decoding)
            if problem.field == "body", let serverError = error as? ServerError, !hasBody(serverError.request) {
                // The runtime decodes query parameters without a coding path: name the
                // parameter the error is about, or the only one there is.
                problem.field = queryParameter(in: serverError.request, mentionedBy: decoding)
                problem.detail = "\(problem.field ?? "A query parameter") has the wrong type."
            }
            return problem
        }
        if firstError(in: error, where: { String(describing: type(of: $0)).contains("TooManyBytes") }) != nil {
            // OpenAPIRuntime's collection limit; its error type is private, so match by name.
            return Problem(type: .payloadTooLarge)
        }
        if let serverError = error as? ServerError {
            var status = Int(serverError.httpStatus.code)
            // Failing before the handler ran means the request could not be read: bad input.
            if status == 500, serverError.operationInput == nil { status = 400 }
            return problem(
                status: status, detail: serverError.causeDescription, underlying: serverError.underlyingError)
        }
        if let abort = error as? any AbortError {
            return problem(status: Int(abort.status.code), detail: abort.reason, underlying: nil)
        }
        return Problem(type: .internalError)
    }

    private static func problem(status: Int, detail: String, underlying: (any Error)?) -> Problem {
        switch status {
        case 400:
            // The runtime names the parameter in its description ("…named: town", "type 'UUID'"),
            // along with Swift's names for things: keep the parameter, say the rest plainly.
            let field = fieldName(in: underlying.map { "\($0)" } ?? detail)
            return Problem(type: .validation, detail: "\(field ?? "A parameter") is not valid.", field: field)
        case 401: return Problem(type: .unauthenticated)
        case 403: return Problem(type: .forbidden)
        case 404: return Problem(type: .notFound, detail: "There is nothing at this address.")
        case 405: return Problem(type: .methodNotAllowed)
        case 406: return Problem(type: .notAcceptable, detail: "This resource answers application/json.")
        case 413: return Problem(type: .payloadTooLarge)
        case 415: return Problem(type: .unsupportedMediaType)
        case 400..<500: return Problem(type: .validation, status: status)
        case 503: return Problem(type: .unavailable)
        default: return Problem(type: .internalError)
        }
    }

    private static func fieldName(in text: String) -> String? {
        for marker in ["named: ", "named '", "parameter "] {
            if let range = text.range(of: marker) {
                let rest = text[range.upperBound...]
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if !name.isEmpty { return String(name) }
            }
        }
        return nil
    }

    static func problem(for error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context, appending key: (any CodingKey)? = nil) -> String? {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let names = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            let joined = names.reduce(into: "") { result, name in
                if name.hasPrefix("[") || result.isEmpty { result += name } else { result += "." + name }
            }
            return joined.isEmpty ? nil : joined
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context, appending: key) ?? key.stringValue
            return Problem(type: .missingField, detail: "\(field) is required.", field: field)
        case .typeMismatch(let type, let context):
            guard let field = path(context) else {
                return Problem(type: .validation, detail: "The body must be a JSON object.", field: "body")
            }
            return Problem(
                type: .validation, detail: "\(field) has the wrong type; expected \(jsonType(type)).", field: field)
        case .valueNotFound(_, let context):
            let field = path(context) ?? "body"
            return Problem(type: .missingField, detail: "\(field) must not be null.", field: field)
        case .dataCorrupted(let context):
            if let field = path(context) {
                // The decoder's own words name Swift types ("Cannot initialize …Payload from …").
                return Problem(type: .validation, detail: "\(field) has a value that is not allowed.", field: field)
            }
            return Problem(type: .invalidJSON, detail: "The body could not be parsed as JSON.")
        @unknown default:
            return Problem(type: .invalidJSON)
        }
    }

    private static func hasBody(_ request: HTTPRequest) -> Bool {
        request.method == .post || request.method == .put || request.method == .patch
    }

    private static func queryParameter(in request: HTTPRequest, mentionedBy error: DecodingError) -> String? {
        guard let path = request.path, let query = URLComponents(string: path)?.queryItems, !query.isEmpty else {
            return nil
        }
        let text = String(describing: error)
        let mentioned = query.filter { item in (item.value).map { !$0.isEmpty && text.contains($0) } ?? false }
        if mentioned.count == 1 { return mentioned[0].name }
        return query.count == 1 ? query[0].name : nil
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }

    /// Depth-first search for an error of type `T` through `ServerError` and enum payloads.
    static func find<T>(_ type: T.Type, in error: any Error) -> T? {
        firstError(in: error, where: { $0 is T }) as? T
    }

    /// Depth-first search through `ServerError` and enum payloads for an error matching `test`.
    static func firstError(in error: any Error, depth: Int = 0, where test: (any Error) -> Bool) -> (any Error)? {
        if test(error) { return error }
        guard depth < 6 else { return nil }
        if let serverError = error as? ServerError {
            return firstError(in: serverError.underlyingError, depth: depth + 1, where: test)
        }
        for child in Mirror(reflecting: error).children {
            // Enum payloads with labels arrive as tuples: look one level into those too.
            let candidates = [child.value] + Mirror(reflecting: child.value).children.map(\.value)
            for case let inner as any Error in candidates {
                if let match = firstError(in: inner, depth: depth + 1, where: test) { return match }
            }
        }
        return nil
    }
}
