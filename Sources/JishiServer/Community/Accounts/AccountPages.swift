import Community
import JishiKit
import Vapor

/// Register, log in and log out through forms. A thin shell: check the CSRF token, validate,
/// call the account and token services, set the session cookie, redirect.
enum AccountPages {
    @Sendable static func showRegister(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        return registerPage(RegisterPage.Model(), session: session)
    }

    @Sendable static func register(_ request: Request) async throws -> Response {
        var session = try await WebSession.load(request)
        let form = try VerifiedForm.decode(RegisterForm.self, from: request, session: session)
        var model = RegisterPage.Model(form: form)
        guard model.errors.isEmpty else { return registerPage(model, session: session, status: .badRequest) }

        let services = request.jishi
        let account: Account
        do {
            account = try await services.accounts.register(
                AccountService.Registration(
                    username: model.username, password: form.password ?? "", displayName: model.displayName,
                    role: model.role, language: session.language),
                on: request.db)
        } catch let problem as Problem where problem.type == ProblemType.usernameTaken.uri {
            model.errors[.username] = FormMessage(.errorUsernameTaken)
            return registerPage(model, session: session, status: .conflict)
        } catch let problem as Problem where (400..<500).contains(problem.status) {
            let field = problem.field.flatMap(RegisterPage.Field.init(rawValue:)) ?? .username
            model.errors[field] = FormMessage(.errorFieldInvalid)
            return registerPage(model, session: session, status: .badRequest)
        }
        let issued = try await services.tokens.issue(for: account.requireID(), on: request.db)
        try await endCurrentSession(session, request: request)
        session.signIn(account, token: issued.token, dependencies: services.dependencies)
        return WebPage.redirect(to: .home, session: session)
    }

    @Sendable static func showLogIn(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        var model = LogInPage.Model()
        model.next = SitePath.pagePath(try? request.query.get(String.self, at: "next"))
        return logInPage(model, session: session)
    }

    @Sendable static func logIn(_ request: Request) async throws -> Response {
        var session = try await WebSession.load(request)
        let form = try VerifiedForm.decode(LogInForm.self, from: request, session: session)
        var model = LogInPage.Model(form: form)
        guard model.errors.isEmpty else { return logInPage(model, session: session, status: .badRequest) }

        let services = request.jishi
        let signedIn: SignIn.SignedIn
        do {
            signedIn = try await SignIn.signIn(
                username: model.username, password: form.password ?? "", rememberDevice: true, request: request)
        } catch let problem as Problem where problem.type == ProblemType.rateLimited.uri {
            model.failure = FormMessage(.errorRateLimited)
            return logInPage(model, session: session, status: .tooManyRequests)
        } catch let problem as Problem where problem.type == ProblemType.invalidCredentials.uri {
            model.failure = FormMessage(.errorWrongCredentials)
            return logInPage(model, session: session, status: .unauthorized)
        }
        try await endCurrentSession(session, request: request)
        session.signIn(signedIn.account, token: signedIn.issued.token, dependencies: services.dependencies)
        if let device = signedIn.newDevice { session.rememberDevice(device) }
        return WebPage.redirect(toPath: model.next ?? SitePath.home.path, session: session)
    }

    @Sendable static func logOut(_ request: Request) async throws -> Response {
        var session = try await WebSession.load(request)
        _ = try VerifiedForm.decode(LogOutForm.self, from: request, session: session)
        try await endCurrentSession(session, request: request)
        session.signOut(rotating: request.jishi.dependencies)
        return WebPage.redirect(to: .home, session: session)
    }

    /// Revokes the browser's current session token, if it has one.
    private static func endCurrentSession(_ session: WebSession, request: Request) async throws {
        guard let token = session.sessionToken else { return }
        try await request.jishi.tokens.revoke(token, on: request.db)
    }

    private static func registerPage(
        _ model: RegisterPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let view = RegisterPage.View(model: model, context: PageContext(session: session, current: .register))
        return WebPage.response(view.html, status: status, session: session)
    }

    private static func logInPage(_ model: LogInPage.Model, session: WebSession, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let view = LogInPage.View(model: model, context: PageContext(session: session, current: .logIn))
        return WebPage.response(view.html, status: status, session: session)
    }
}
