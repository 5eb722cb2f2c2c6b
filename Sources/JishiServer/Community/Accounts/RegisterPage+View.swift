import Community
import JishiKit
import Plot

extension RegisterPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.registerTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.registerTitle))),
                    .p(.class("lead"), .safeText(context.text(.registerIntro))),
                    .h2(.safeText(context.text(.phoneRegisterHeading))),
                    .p(.class("hint"), .safeText(context.text(.phoneLogInIntro))),
                    PhonePage.View(model: PhonePage.Model(), context: context).numberCard,
                    .h2(.safeText(context.text(.registerPasswordHeading))),
                    .form(
                        .class("card"), .id("register-form"), .method(.post), .action(SitePath.register.path),
                        .novalidate(),
                        .if(
                            !model.errors.isEmpty,
                            .p(
                                .class("alert"), .attribute(named: "role", value: "alert"),
                                .safeText(context.text(.formErrorSummary)))),
                        Layout.csrfField(context),
                        FormField(
                            name: "username", label: .fieldUsername, kind: .identifier, value: model.username,
                            hint: .fieldUsernameHint,
                            error: model.errors[.username], autocomplete: "username"
                        ).node(context),
                        FormField(
                            name: "displayName", label: .fieldDisplayName, value: model.displayName,
                            hint: .fieldDisplayNameHint, error: model.errors[.displayName], autocomplete: "name"
                        ).node(context),
                        FormField(
                            name: "password", label: .fieldPassword, kind: .password(autocomplete: "new-password"),
                            hint: .fieldPasswordHint, error: model.errors[.password]
                        ).node(context),
                        RoleChoice.node(selected: model.role, error: model.errors[.role], context: context),
                        .button(.type(.submit), .class("button"), .safeText(context.text(.registerSubmit))),
                        .p(.a(.href(SitePath.logIn.path), .safeText(context.text(.registerHaveAccount))))
                    ),
                ])
        }
    }
}
