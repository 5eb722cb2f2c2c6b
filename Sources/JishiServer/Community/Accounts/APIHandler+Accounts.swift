import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import SQLKit
import Vapor

extension APIHandler {
    func createAccount(_ input: Operations.CreateAccount.Input) async throws -> Operations.CreateAccount.Output {
        let request = try RequestContext.request()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let account = try await request.jishi.accounts.register(
            .init(
                username: body.username, password: body.password, displayName: body.displayName,
                role: Role(rawValue: body.role.rawValue) ?? .buyer,
                language: body.preferredLanguage.flatMap { Language(rawValue: $0.rawValue) } ?? .default),
            on: request.db)
        return .created(.init(body: .json(try await APIMapping.account(account, on: request))))
    }

    func getMyAccount(_ input: Operations.GetMyAccount.Input) async throws -> Operations.GetMyAccount.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        try Authorization.require(principal, .readAccount, .account(principal.accountID))
        guard let account = try await Account.find(principal.accountID, on: request.db) else {
            throw Problem(type: .unauthenticated)
        }
        return .ok(.init(body: .json(try await APIMapping.account(account, on: request))))
    }

    func grantRole(_ input: Operations.GrantRole.Input) async throws -> Operations.GrantRole.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let accountID = try Self.uuid(input.path.id, field: "id")
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let scopeID = try body.scope.id.map { try Self.uuid($0, field: "scope.id") }
        guard let kind = Scope.Kind(rawValue: body.scope.kind.rawValue), let scope = Scope(kind: kind, id: scopeID)
        else {
            throw Problem.validation(
                "scope.id", "An id is required for a county, town or station scope, and not allowed for everywhere.")
        }
        guard let role = Role(rawValue: body.role.rawValue) else { throw Problem.validation("role", "Unknown role.") }
        try await request.jishi.accounts.grant(
            RoleGrant(role: role, scope: scope), to: accountID, by: principal, on: request.db)
        guard let account = try await Account.find(accountID, on: request.db) else {
            throw Problem.notFound("The account")
        }
        return .created(.init(body: .json(try await APIMapping.account(account, on: request))))
    }

    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        let request = try RequestContext.request()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let issued = try await SignIn.signIn(username: body.username, password: body.password, request: request).issued
        return .created(.init(body: .json(.init(token: issued.token, expiresAt: issued.expiresAt))))
    }

    func deleteCurrentSession(_ input: Operations.DeleteCurrentSession.Input) async throws
        -> Operations.DeleteCurrentSession.Output
    {
        let request = try RequestContext.request()
        _ = try await request.requirePrincipal()
        if let token = request.bearerToken { try await request.jishi.tokens.revoke(token, on: request.db) }
        return .noContent(.init())
    }
}
