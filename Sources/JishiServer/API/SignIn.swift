import Community
import JishiKit
import Vapor

/// Logging in, shared by the API and the web form: throttled per account and per address.
enum SignIn {
    static func signIn(username: String, password: String, request: Request) async throws -> TokenService.Issued {
        let services = request.jishi
        let now = services.dependencies.now()
        let address = request.clientAddress
        if let wait = await services.loginThrottle.retryAfter(username: username, address: address, now: now) {
            throw Problem(type: .rateLimited, detail: "Try again in \(wait) seconds.")
        }
        let account: Account
        do {
            account = try await services.accounts.authenticate(username: username, password: password, on: request.db)
        } catch {
            await services.loginThrottle.recordFailure(username: username, address: address, now: now)
            throw error
        }
        await services.loginThrottle.recordSuccess(username: username)
        return try await services.tokens.issue(for: account.requireID(), on: request.db)
    }
}
