import Community
import JishiKit
import Vapor

/// Logging in, shared by the API and the web form, throttled by `LoginThrottle`.
enum SignIn {
    struct SignedIn {
        var issued: TokenService.Issued
        var account: Account
        /// A device token to hand the browser when it had none for this account.
        var newDevice: String?
    }

    /// Signs `username` in; a browser (`rememberDevice`) also gets a device token, so that its
    /// own later attempts are throttled apart from anyone else's.
    static func signIn(username: String, password: String, rememberDevice: Bool = false, request: Request)
        async throws -> SignedIn
    {
        guard username.count <= 64 else { throw Problem.validation("username", "At most 64 characters.") }
        guard password.count <= 128 else { throw Problem.validation("password", "At most 128 characters.") }
        let services = request.jishi
        let now = services.dependencies.now()
        let throttle = services.loginThrottle
        let attempt: LoginThrottle.Attempt
        switch try await throttle.begin(
            username: username, address: request.clientAddress, deviceToken: WebSession.deviceToken(request),
            now: now, on: request.db)
        {
        case .failure(let wait):
            var problem = Problem(type: .rateLimited, detail: "Try again in \(wait.seconds) seconds.")
            problem.retryAfter = wait.seconds
            throw problem
        case .success(let started):
            attempt = started
        }
        let account = try await services.accounts.authenticate(username: username, password: password, on: request.db)
        try await throttle.succeeded(attempt, now: now, on: request.db)
        let accountID = try account.requireID()
        var newDevice: String?
        if rememberDevice, !attempt.isKnownDevice {
            newDevice = try await throttle.issueDevice(
                username: account.username, accountID: accountID, now: now, dependencies: services.dependencies,
                on: request.db)
        }
        return SignedIn(
            issued: try await services.tokens.issue(for: accountID, on: request.db), account: account,
            newDevice: newDevice)
    }
}
