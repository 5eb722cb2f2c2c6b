import JishiKit
import Plot

extension LogInPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.logInTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.logInTitle))),
                    .h2(.safeText(context.text(.phoneLogInHeading))),
                    .p(.class("hint"), .safeText(context.text(.phoneLogInIntro))),
                    PhonePage.View(model: PhonePage.Model(next: model.next), context: context).numberCard,
                    .h2(.safeText(context.text(.logInPasswordHeading))),
                    .form(
                        .class("card"), .id("log-in-form"), .method(.post), .action(SitePath.logIn.path),
                        .novalidate(),
                        .unwrap(model.failure) {
                            .p(.class("alert"), .attribute(named: "role", value: "alert"), .safeText($0.text(context)))
                        },
                        .if(
                            model.failure == nil && !model.errors.isEmpty,
                            .p(
                                .class("alert"), .attribute(named: "role", value: "alert"),
                                .safeText(context.text(.formErrorSummary)))),
                        Layout.csrfField(context),
                        .unwrap(model.next) { .input(.type(.hidden), .name("next"), .escaped("value", $0)) },
                        FormField(
                            name: "username", label: .fieldUsername, kind: .identifier, value: model.username,
                            error: model.errors[.username], autocomplete: "username"
                        ).node(context),
                        FormField(
                            name: "password", label: .fieldPassword, kind: .password(autocomplete: "current-password"),
                            error: model.errors[.password]
                        ).node(context),
                        .button(.type(.submit), .class("button"), .safeText(context.text(.logInSubmit))),
                        .p(.a(.href(SitePath.register.path), .safeText(context.text(.logInNoAccount))))
                    ),
                ])
        }
    }
}
