import Community
import JishiKit
import Vapor

/// The number form (`GET /phone`), sending a code (`POST /phone/code`) and checking it
/// (`POST /phone/verify`). A thin shell over `PhoneSignIn`: check the CSRF token, parse, call
/// the domain, set the session cookie, redirect.
enum PhonePages {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        var model = PhonePage.Model()
        model.next = SitePath.pagePath(try? request.query.get(String.self, at: "next"))
        return page(model, session: session)
    }

    @Sendable static func sendCode(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let form = try VerifiedForm.decode(PhoneNumberForm.self, from: request, session: session)
        var model = PhonePage.Model()
        model.phoneText = (form.phone ?? "").trimmingCharacters(in: .whitespaces)
        model.next = SitePath.pagePath(form.next)
        guard let phone = PhoneNumber(parsing: model.phoneText) else {
            model.errors[.phone] = FormMessage(model.phoneText.isEmpty ? .errorRequired : .phoneErrorNumber)
            return page(model, session: session, status: .badRequest)
        }
        let signIn = request.jishi.phoneSignIn
        let isNew = try await signIn.account(for: phone, on: request.db) == nil
        do {
            try await signIn.codes.send(
                to: phone, from: request.clientAddress, language: session.language, on: request.db)
            model.sent = true
        } catch let refusal as PhoneCodes.Refusal {
            model.refuse(refusal)
            // A code sent a moment ago still works: ask for it rather than for the number again.
            if case .tooSoon = refusal { model.step = .code(phone: phone, isNew: isNew) }
            return page(model, session: session, status: .tooManyRequests)
        }
        model.step = .code(phone: phone, isNew: isNew)
        return page(model, session: session)
    }

    @Sendable static func verify(_ request: Request) async throws -> Response {
        var session = try await WebSession.load(request)
        let form = try VerifiedForm.decode(PhoneCodeForm.self, from: request, session: session)
        var model = PhonePage.Model()
        model.next = SitePath.pagePath(form.next)
        model.phoneText = form.phone ?? ""
        guard let phone = PhoneNumber(parsing: model.phoneText) else {
            model.errors[.phone] = FormMessage(.phoneErrorNumber)
            return page(model, session: session, status: .badRequest)
        }
        let services = request.jishi
        let isNew = try await services.phoneSignIn.account(for: phone, on: request.db) == nil
        model.step = .code(phone: phone, isNew: isNew)
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty { model.errors[.code] = FormMessage(.errorRequired) }
        let profile = isNew ? model.profile(from: form, language: session.language) : nil
        guard model.errors.isEmpty else { return page(model, session: session, status: .badRequest) }

        let account: Account
        do {
            account = try await services.phoneSignIn.signIn(phone: phone, code: code, profile: profile, on: request.db)
        } catch let refusal as PhoneCodes.Refusal {
            model.refuse(refusal)
            if case .wrong = refusal {} else { model.step = .number }
            return page(model, session: session, status: .badRequest)
        }
        let issued = try await services.tokens.issue(for: account.requireID(), on: request.db)
        if let token = session.sessionToken { try await services.tokens.revoke(token, on: request.db) }
        session.signIn(account, token: issued.token, dependencies: services.dependencies)
        return WebPage.redirect(toPath: model.next ?? SitePath.home.path, session: session)
    }

    private static func page(_ model: PhonePage.Model, session: WebSession, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let view = PhonePage.View(model: model, context: PageContext(session: session, current: .phone))
        return WebPage.response(view.html, status: status, session: session)
    }
}
