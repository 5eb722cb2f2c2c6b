import Community
import Fluent
import Foundation
import JishiKit
import JishiServer
import Testing
import Vapor
import VaporTesting

extension Application {
    /// Sends one request through the whole middleware stack, in memory.
    @discardableResult
    public func send(
        _ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil,
        headers: [(String, String)] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestingHTTPResponse {
        var httpHeaders = HTTPHeaders(headers)
        if json != nil, !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
            httpHeaders.replaceOrAdd(name: .contentType, value: "application/json")
        }
        if let token { httpHeaders.replaceOrAdd(name: .authorization, value: "Bearer \(token)") }
        if !httpHeaders.contains(name: .accept) { httpHeaders.replaceOrAdd(name: .accept, value: "application/json") }
        return try await testing().sendRequest(
            method, path, headers: httpHeaders, body: json.map { ByteBuffer(string: $0) })
    }

    /// Sends raw bytes (a photo, a signed webhook) with their content type.
    @discardableResult
    public func send(
        _ method: HTTPMethod, _ path: String, bytes: Data, contentType: String, token: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        var httpHeaders = HTTPHeaders(headers)
        httpHeaders.replaceOrAdd(name: .contentType, value: contentType)
        httpHeaders.replaceOrAdd(name: .accept, value: "application/json")
        if let token { httpHeaders.replaceOrAdd(name: .authorization, value: "Bearer \(token)") }
        return try await testing().sendRequest(method, path, headers: httpHeaders, body: ByteBuffer(data: bytes))
    }

    /// Registers an account through the API and returns its bearer token.
    public func registerAndLogIn(
        _ username: String, role: String = "buyer", password: String = "correct horse"
    ) async throws -> String {
        let created = try await send(
            .POST, "/api/v1/accounts",
            json:
                #"{"username":"\#(username)","password":"\#(password)","displayName":"\#(username)","role":"\#(role)"}"#
        )
        #expect(created.status == .created, "registering \(username): \(created.body.string)")
        return try await logIn(username, password: password)
    }

    /// A bearer token for a new account holding `grant`, written directly (no Bcrypt, no
    /// admin needed) for tests of roles nobody can register for.
    public func tokenForNewAccount(_ username: String, grant: RoleGrant) async throws -> String {
        let account = Account(
            id: UUID(), username: username, passwordHash: "-", displayName: username, preferredLanguage: .zhHans)
        try await account.create(on: db)
        let accountID = try account.requireID()
        try await RoleGrantRecord(id: UUID(), accountID: accountID, grant: grant).create(on: db)
        return try await jishi.tokens.issue(for: accountID, on: db).token
    }

    public func logIn(_ username: String, password: String) async throws -> String {
        let session = try await send(
            .POST, "/api/v1/sessions", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        #expect(session.status == .created, "logging in \(username): \(session.body.string)")
        return try session.json()["token"] as? String ?? ""
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON object.
    public func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: body))
        guard let dictionary = object as? [String: Any] else { throw JSONShapeError(body: body.string) }
        return dictionary
    }

    /// The body as a JSON array of objects.
    public func jsonArray() throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: body))
        guard let array = object as? [[String: Any]] else { throw JSONShapeError(body: body.string) }
        return array
    }

    /// Checks that this is a problem+json response of `type` and `status`, naming `field`.
    public func expectProblem(
        _ type: ProblemType, status: Int? = nil, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(Int(self.status.code) == (status ?? type.status), "\(self.body.string)", sourceLocation: sourceLocation)
        #expect(headers.first(name: .contentType) == Problem.mediaType, sourceLocation: sourceLocation)
        let problem = try json()
        #expect(problem["type"] as? String == type.uri, "\(self.body.string)", sourceLocation: sourceLocation)
        #expect(problem["status"] as? Int == Int(self.status.code), sourceLocation: sourceLocation)
        if let field {
            #expect(problem["field"] as? String == field, "\(self.body.string)", sourceLocation: sourceLocation)
        }
    }
}

public struct JSONShapeError: Error {
    public var body: String
}

extension WebBrowser {
    /// A browser signed in as the demo login `username` (password `DemoCounty.password`).
    public static func signedIn(
        _ app: Application, _ username: String, acceptLanguage: String? = nil
    ) async throws -> WebBrowser {
        var browser = WebBrowser(app, acceptLanguage: acceptLanguage)
        try await browser.get("/login")
        try await browser.post("/login", [("username", username), ("password", DemoCounty.password)])
        return browser
    }
}
