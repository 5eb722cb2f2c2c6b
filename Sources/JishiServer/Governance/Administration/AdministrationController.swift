import Community
import JishiKit
import Marketplace
import Vapor

/// An admin's pages: accounts and their role grants, categories and commission rates. The
/// account service decides who may grant (an admin of everywhere), the category service who
/// sets rates (an admin); bad input comes back on the form with a `400` and changes nothing.
enum AdministrationController {
    @Sendable static func accounts(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let query = String(((try? request.query.get(String.self, at: "q")) ?? "").prefix(64))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let model = try await AccountListPage.Model.load(
            query: query, offset: ManageController.offset(request), principal: principal, services: request.jishi,
            on: request.db)
        let context = PageContext(session: session, current: .manageAccounts, returnPath: model.path)
        return WebPage.response(AccountListPage.View(model: model, context: context).html, session: session)
    }

    @Sendable static func account(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        var model = try await AccountPage.Model.load(
            try request.pageID("account"), principal: principal, services: request.jishi, on: request.db)
        model.notice = request.manageNotice
        return accountPage(model, session: session)
    }

    @Sendable static func grant(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        let accountID = try request.pageID("account")
        var model = try await AccountPage.Model.load(
            accountID, principal: principal, services: services, on: request.db)
        guard let grant = model.take(form) else { return accountPage(model, session: session, status: .badRequest) }
        do {
            try await services.accounts.grant(grant, to: accountID, by: principal, on: request.db)
        } catch let problem as Problem where problem.status == 400 || problem.status == 404 {
            model.errors[.scope] = FormMessage(.errorFieldInvalid)
            return accountPage(model, session: session, status: .badRequest)
        }
        return WebPage.redirect(
            toPath: ManageNotice.granted.on(SitePath.manageAccount.path(accountID)), session: session)
    }

    @Sendable static func revoke(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        let accountID = try request.pageID("account")
        var model = try await AccountPage.Model.load(
            accountID, principal: principal, services: services, on: request.db)
        guard let role = Role(rawValue: form.trimmed("role")),
            let scope = AdministrationText.scope(form.trimmed("scope"))
        else {
            model.failure = FormMessage(.errorFieldInvalid)
            return accountPage(model, session: session, status: .badRequest)
        }
        do {
            try await services.accounts.revoke(
                RoleGrant(role: role, scope: scope), from: accountID, by: principal, on: request.db)
        } catch let problem as Problem where problem.status == 409 {
            model.failure = FormMessage(.adminRevokeOwnAdmin)
            return accountPage(model, session: session, status: .conflict)
        }
        return WebPage.redirect(
            toPath: ManageNotice.revoked.on(SitePath.manageAccount.path(accountID)), session: session)
    }

    @Sendable static func categories(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        try requireAdmin(principal)
        var model = try await CategoriesPage.Model.load(on: request.db)
        model.notice = request.manageNotice
        return categoriesPage(model, session: session)
    }

    @Sendable static func setCommission(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        try requireAdmin(principal)
        let categoryID = try request.pageID("category")
        var model = try await CategoriesPage.Model.load(on: request.db)
        guard model.rows.contains(where: { $0.id == categoryID }) else { throw Problem.notFound("The category") }
        let typed = form.trimmed("rate")
        if let basisPoints = CategoriesPage.basisPoints(typed),
            (0...CategoryService.maximumCommissionBasisPoints).contains(basisPoints)
        {
            _ = try await CategoryService().setCommission(
                categoryID, basisPoints: basisPoints, by: principal, on: request.db)
            return WebPage.redirect(toPath: ManageNotice.rate.on(SitePath.manageCategories.path), session: session)
        }
        model.rateDrafts[categoryID] = typed
        model.rateErrors[categoryID] = FormMessage(.adminRateInvalid)
        return categoriesPage(model, session: session, status: .badRequest)
    }

    @Sendable static func addCategory(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        try requireAdmin(principal)
        var model = try await CategoriesPage.Model.load(on: request.db)
        for field in [CategoriesPage.Field.code, .name, .nameEn, .rate] {
            model.fields[field] = form.trimmed(field.rawValue)
            if form.trimmed(field.rawValue).isEmpty { model.errors[field] = FormMessage(.errorRequired) }
        }
        let basisPoints = CategoriesPage.basisPoints(form.trimmed("rate"))
        if model.errors[.rate] == nil,
            basisPoints.map({ (0...CategoryService.maximumCommissionBasisPoints).contains($0) }) != true
        {
            model.errors[.rate] = FormMessage(.adminRateInvalid)
        }
        guard model.errors.isEmpty, let basisPoints else {
            return categoriesPage(model, session: session, status: .badRequest)
        }
        do {
            _ = try await CategoryService().create(
                code: form.trimmed("code"), name: form.trimmed("name"), nameEn: form.trimmed("nameEn"),
                basisPoints: basisPoints, by: principal, on: request.db)
        } catch let problem as Problem where problem.status == 400 || problem.status == 409 {
            let field: CategoriesPage.Field =
                switch problem.field {
                case "name": .name
                case "nameEn": .nameEn
                case "commissionBps": .rate
                default: .code
                }
            model.errors[field] = FormMessage(problem.status == 409 ? .adminCategoryCodeTaken : .errorFieldInvalid)
            return categoriesPage(model, session: session, status: problem.status == 409 ? .conflict : .badRequest)
        }
        return WebPage.redirect(toPath: ManageNotice.category.on(SitePath.manageCategories.path), session: session)
    }

    /// Categories and rates are an admin's (as `CategoryService` says); a `403` for anyone else.
    private static func requireAdmin(_ principal: Principal) throws {
        guard principal.hasCountyWide(.admin) else {
            throw Problem.forbidden("Only an admin of the county manages categories.")
        }
    }

    private static func accountPage(
        _ model: AccountPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let context = PageContext(
            session: session, current: .manageAccount, returnPath: SitePath.manageAccount.path(model.accountID))
        return WebPage.response(AccountPage.View(model: model, context: context).html, status: status, session: session)
    }

    private static func categoriesPage(
        _ model: CategoriesPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let context = PageContext(session: session, current: .manageCategories)
        return WebPage.response(
            CategoriesPage.View(model: model, context: context).html, status: status, session: session)
    }
}
