import Community
import JishiKit
import Vapor

/// Logging in, shared by the API and the web form: throttled per account and per address.
enum SignIn {
    static func signIn(username: String, password: String, request: Request) async throws -> TokenService.Issued {
        guard username.count <= 64 else { throw Problem.validation("username", "At most 64 characters.") }
        guard password.count <= 128 else { throw Problem.validation("password", "At most 128 characters.") }
        let services = request.jishi
        let now = services.dependencies.now()
        let address = request.clientAddress
        if let wait = await services.loginThrottle.begin(username: username, address: address, now: now) {
            var problem = Problem(type: .rateLimited, detail: "Try again in \(wait) seconds.")
            problem.retryAfter = wait
            throw problem
        }
        let account = try await services.accounts.authenticate(username: username, password: password, on: request.db)
        await services.loginThrottle.succeeded(username: username, address: address, now: now)
        return try await services.tokens.issue(for: account.requireID(), on: request.db)
    }
}
