import Community
import Foundation
import JishiServerTesting
import Testing
import Vapor
import VaporTesting

/// Runs ``AuthorizationMatrix/rows`` against the contract and the server: every operation of
/// `openapi.yaml` has exactly one row, and every cell answers as its row says.
///
/// One world (the demo county and the objects of ``AuthorizationMatrixWorld``) serves every
/// request. Cells that expect a refusal go first, on the untouched world; then the cells that
/// expect to pass (and known gaps) — reads, then changes, then what ends something (a `DELETE`, closing,
/// cancelling, suspending, blocking, hiding…) — so that one operation's success does not
/// change another's answer. Set `JISHI_AUTH_MATRIX_PRINT=1` to print every cell's status.
@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    @Test func everyOperationOfTheContractHasExactlyOneRow() throws {
        let operations = try ContractOperation.all()
        let contract = Set(operations.map(\.id))
        let rows = AuthorizationMatrix.rows.map(\.operation)
        for operation in operations where !rows.contains(operation.id) {
            Issue.record("No row in AuthorizationMatrix.rows for \(operation): add one.")
        }
        for row in rows where !contract.contains(row) {
            Issue.record("AuthorizationMatrix.rows has a row for \(row), which openapi.yaml no longer has.")
        }
        for (operation, count) in Dictionary(rows.map { ($0, 1) }, uniquingKeysWith: +) where count > 1 {
            Issue.record("AuthorizationMatrix.rows has \(count) rows for \(operation).")
        }
        for row in AuthorizationMatrix.rows where row.answers.count != Asker.allCases.count {
            Issue.record("\(row.operation)'s row does not answer for every column.")
        }
        #expect(operations.count == contract.count, "two operations share an operationId")
    }

    @Test func everyCellAnswersAsItsRowSays() async throws {
        let operations = try ContractOperation.all()
        let rows = Dictionary(AuthorizationMatrix.rows.map { ($0.operation, $0) }) { first, _ in first }
        let printing = ProcessInfo.processInfo.environment["JISHI_AUTH_MATRIX_PRINT"] != nil
        try await withTestApp { app in
            let world = try await AuthorizationMatrixWorld.make(app)
            // Which cells, in which order: refusals first, then passes by how much they change; at
            // each rank the known gaps before the passes, so a gap's DELETE is not answered 404
            // because a rightful caller deleted first.
            var cells: [(operation: ContractOperation, asker: Asker, rank: Int, gap: Int)] = []
            for operation in operations {
                let row = rows[operation.id]
                for asker in Asker.allCases {
                    // A known gap passes today where the row says it should not: it goes with the passes.
                    let passes =
                        row.map { [.allowed, .absent].contains($0.answers[asker]) || $0.gaps[asker] != nil } ?? true
                    cells.append(
                        (operation, asker, passes ? 1 + Self.rank(operation) : 0, row?.gaps[asker] == nil ? 1 : 0))
                }
            }
            let ordered = cells.enumerated().sorted {
                ($0.element.rank, $0.element.gap, $0.offset) < ($1.element.rank, $1.element.gap, $1.offset)
            }
            var observed: [String: [Asker: UInt]] = [:]
            var tokens: [Asker: String] = [:]
            for (_, cell) in ordered {
                if tokens[cell.asker] == nil { tokens[cell.asker] = try await world.token(for: cell.asker) }
                let status = try await Self.send(cell.operation, token: tokens[cell.asker], in: world)
                observed[cell.operation.id, default: [:]][cell.asker] = status
                // A DELETE may have ended the session: the next request signs in afresh.
                if cell.operation.method == "DELETE" { tokens[cell.asker] = nil }
            }
            for operation in operations {
                var statuses = observed[operation.id] ?? [:]
                // What one passing cell deleted is gone for the next: its 404 passed authorisation.
                if operation.method == "DELETE", statuses.values.contains(where: { (200..<300).contains($0) }) {
                    for (asker, status) in statuses where status == 404 {
                        guard rows[operation.id]?.answers[asker] == .allowed else { continue }
                        statuses[asker] = 410
                    }
                }
                let line = Asker.allCases.map { "\($0.rawValue)=\(statuses[$0].map(String.init) ?? "-")" }
                if printing { print("MATRIX \(operation.id) \(line.joined(separator: " "))") }
                guard let row = rows[operation.id] else {
                    Issue.record("No row for \(operation); it answers \(line.joined(separator: " "))")
                    continue
                }
                for asker in Asker.allCases {
                    guard let status = statuses[asker], let expected = row.answers[asker] else { continue }
                    let comment: Comment = "\(operation) as \(asker.rawValue): \(status), the row says \(expected)"
                    #expect(status < 500, comment)
                    if let gap = row.gaps[asker] {
                        withKnownIssue("\(operation.id) as \(asker.rawValue): \(gap)") {
                            #expect(expected.admits(status), comment)
                        }
                    } else {
                        #expect(expected.admits(status), comment)
                    }
                }
            }
        }
    }

    /// 0 for reads, 1 for changes, 2 for what ends something: the order passing cells go in.
    static func rank(_ operation: ContractOperation) -> Int {
        if operation.method == "GET" { return 0 }
        let last = operation.path.split(separator: "/").last.map(String.init) ?? ""
        let ending: Set<String> = [
            "close", "cancel", "suspend", "block", "hide", "reject", "withdrawal", "unlisting", "current", "sourcing",
            "plans", "publish",
        ]
        return operation.method == "DELETE" || ending.contains(last) ? 2 : 1
    }

    /// Sends `operation` with `token`, with the world's objects in its path and body; its status.
    static func send(_ operation: ContractOperation, token: String?, in world: AuthorizationMatrixWorld)
        async throws -> UInt
    {
        let values = world.values
        var path = operation.path
        for parameter in operation.pathParameters {
            let template = "{\(parameter.name)}"
            let upTo = operation.path.range(of: template).map { String(operation.path[..<$0.upperBound]) } ?? ""
            let filled =
                values["\(operation.id).\(parameter.name)"] ?? values[
                    upTo.replacingOccurrences(of: "/api/v1/", with: "")]
                ?? values["\(parameter.segment)/\(template)"] ?? values[parameter.name]
            guard let filled else {
                Issue.record("The matrix's world has no value for \(template) of \(operation)")
                return 0
            }
            path = path.replacingOccurrences(of: template, with: filled)
        }
        var named = values
        for (key, text) in values where key.hasPrefix(operation.id + ".") {
            named[String(key.dropFirst(operation.id.count + 1))] = text
        }
        let query = operation.query.filter { $0.required || values["\(operation.id).\($0.name)"] != nil }
        if !query.isEmpty {
            var components = URLComponents()
            components.queryItems = query.map { URLQueryItem(name: $0.name, value: $0.sample.text(named)) }
            path += "?" + (components.percentEncodedQuery ?? "")
        }
        let method = HTTPMethod(rawValue: operation.method)
        // Any media type: the CSV and GeoJSON operations answer `406` to a JSON-only client.
        let headers = [("Idempotency-Key", UUID().uuidString), ("Accept", "*/*")]
        let response: TestingHTTPResponse
        switch operation.body {
        case .none:
            response = try await world.app.send(method, path, token: token, headers: headers)
        case .json(let sample):
            let data = try JSONSerialization.data(withJSONObject: sample.json(named), options: [.fragmentsAllowed])
            response = try await world.app.send(
                method, path, json: named["body"] ?? String(decoding: data, as: UTF8.self), token: token,
                headers: headers)
        case .raw(let contentType):
            let bytes = contentType.hasPrefix("image/") ? Self.onePixelPNG : Data("a,b\n1,2\n".utf8)
            response = try await world.app.send(
                method, path, bytes: bytes, contentType: contentType, token: token, headers: headers)
        }
        return response.status.code
    }

    /// A 1×1 grey PNG.
    static let onePixelPNG = Data(
        base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==")!
}
