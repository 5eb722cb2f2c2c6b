import Community
import FluentKit
import Foundation
import JishiKit

/// One account for an admin: who it is, its role grants each with the way to take it back,
/// and the form that grants a role within a scope (everywhere, the county, one town or one
/// station).
enum AccountPage {
    enum Field: String, Sendable {
        case role, scope
    }

    struct Model: Equatable, Sendable {
        var accountID: UUID
        var username: String
        var displayName: String
        var grants: [RoleGrant]
        /// The places a grant may be limited to, as (menu value, name) pairs.
        var county: (value: String, name: HomePage.Name)?
        var towns: [(value: String, name: HomePage.Name)]
        /// The stations, named by their own name and code (they have one name in both languages).
        var stations: [(value: String, name: String)] = []
        var role = ""
        var scope = ""
        var errors: [Field: FormMessage] = [:]
        var failure: FormMessage?
        var notice: ManageNotice?

        static func == (lhs: Model, rhs: Model) -> Bool {
            lhs.accountID == rhs.accountID && lhs.grants == rhs.grants && lhs.role == rhs.role
                && lhs.scope == rhs.scope && lhs.errors == rhs.errors && lhs.failure == rhs.failure
                && lhs.notice == rhs.notice
        }

        /// A scope's name in `language`: "everywhere", the county's or the town's name.
        func scopeName(_ scope: Scope, _ context: PageContext) -> String {
            let value = AdministrationText.value(scope)
            switch scope {
            case .everywhere: return context.text(.scopeEverywhere)
            case .county:
                if let county, county.value == value { return county.name.primary(context.language) }
                return context.text(.scopeCounty)
            case .town:
                return towns.first { $0.value == value }?.name.primary(context.language) ?? context.text(.scopeTown)
            case .station:
                return stations.first { $0.value == value }?.name ?? context.text(.scopeStation)
            }
        }

        /// The grant the form asked for; `nil` (with the offending fields marked) otherwise.
        mutating func take(_ form: FormValues) -> RoleGrant? {
            role = form.trimmed("role")
            scope = form.trimmed("scope")
            let chosenRole = Role(rawValue: role)
            let offered =
                ["everywhere"] + [county?.value].compactMap { $0 } + towns.map(\.value) + stations.map(\.value)
            let chosenScope = offered.contains(scope) ? AdministrationText.scope(scope) : nil
            if chosenRole == nil { errors[.role] = FormMessage(role.isEmpty ? .errorRequired : .errorFieldInvalid) }
            if chosenScope == nil { errors[.scope] = FormMessage(scope.isEmpty ? .errorRequired : .errorFieldInvalid) }
            guard let chosenRole, let chosenScope else { return nil }
            return RoleGrant(role: chosenRole, scope: chosenScope)
        }
    }
}

extension AccountPage.Model {
    static func load(_ accountID: UUID, principal: Principal, services: JishiServices, on database: any Database)
        async throws -> Self
    {
        let (account, grants) = try await services.accounts.account(accountID, by: principal, on: database)
        let county = try await services.geography.county(on: database)
        let towns = try await services.geography.towns(on: database)
        return Self(
            accountID: accountID, username: account.username, displayName: account.displayName, grants: grants,
            county: try county.map {
                (
                    AdministrationText.value(.county(try $0.requireID())),
                    HomePage.Name(zhHans: $0.name, en: $0.nameEn)
                )
            },
            towns: try towns.map {
                (AdministrationText.value(.town(try $0.requireID())), HomePage.Name(zhHans: $0.name, en: $0.nameEn))
            },
            stations: try await services.stations.stations(on: database).map {
                (AdministrationText.value(.station(try $0.requireID())), "\($0.name) \($0.code)")
            })
    }
}
