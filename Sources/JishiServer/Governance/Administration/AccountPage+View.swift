import Community
import JishiKit
import Plot

extension AccountPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: model.displayName, context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                    Widgets.back(SitePath.manageAccounts.path, context.text(.adminAccountsTitle)),
                    .h1(.id("account-name"), .safeText(model.displayName)),
                    .p(.class("meta"), .safeText(model.username)),
                    .h2(.safeText(context.text(.adminGrantsTitle))),
                    .if(model.grants.isEmpty, .p(.class("empty"), .safeText(context.text(.adminGrantsNone)))),
                    .ul(.class("rows"), .id("grant-list"), .group(model.grants.map(grant))),
                    grantForm,
                ])
        }

        private func grant(_ grant: RoleGrant) -> Node<HTML.ListContext> {
            let scope = AdministrationText.value(grant.scope)
            let id = "grant-\(grant.role.rawValue)-\(scope.replacingOccurrences(of: ":", with: "-"))"
            return .li(
                .class("box"), .id(id),
                .p(
                    .strong(.safeText(context.text(AdministrationText.role(grant.role)))),
                    .safeText(" · " + model.scopeName(grant.scope, context))),
                Widgets.postButton(
                    SitePath.revokeRole.path(model.accountID), context.text(.adminRevoke), context: context,
                    id: "revoke-\(id)", style: "button secondary",
                    fields: [("role", grant.role.rawValue), ("scope", scope)]))
        }

        private var grantForm: Node<HTML.BodyContext> {
            let roles = Role.allCases.map { (value: $0.rawValue, label: context.text(AdministrationText.role($0))) }
            var places: [(value: String, label: String)] = [("everywhere", context.text(.scopeEverywhere))]
            if let county = model.county { places.append((county.value, county.name.primary(context.language))) }
            let towns = model.towns.map { (value: $0.value, label: $0.name.primary(context.language)) }
            return .form(
                .class("box"), .id("grant-form"), .method(.post), .action(SitePath.grantRole.path(model.accountID)),
                Layout.csrfField(context),
                .h2(.safeText(context.text(.adminGrantTitle))),
                FormField(
                    name: "role", label: .adminGrantRole,
                    kind: .menu([.init(heading: nil, choices: [("", context.text(.adminChoose))] + roles)]),
                    value: model.role, error: model.errors[.role]
                ).node(context),
                FormField(
                    name: "scope", label: .adminGrantScope,
                    kind: .menu([
                        .init(heading: nil, choices: [("", context.text(.adminChoose))] + places),
                        .init(heading: context.text(.scopeTowns), choices: towns),
                        .init(
                            heading: context.text(.scopeStations),
                            choices: model.stations.map { (value: $0.value, label: $0.name) }),
                    ]), value: model.scope, hint: .adminGrantScopeHint, error: model.errors[.scope]
                ).node(context),
                .button(.type(.submit), .class("button"), .id("grant"), .safeText(context.text(.adminGrant)))
            )
        }
    }
}
