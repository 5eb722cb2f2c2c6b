import Community
import JishiKit
import Plot

extension PhonePage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.phoneTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.phoneTitle))),
                    stepNode,
                ])
        }

        private var stepNode: Node<HTML.BodyContext> {
            switch model.step {
            case .number: numberForm
            case .code(let phone, let isNew): codeForms(phone, isNew: isNew)
            }
        }

        private var summary: Node<HTML.FormContext> {
            .group(
                .unwrap(model.failure) {
                    .p(.class("alert"), .attribute(named: "role", value: "alert"), .safeText($0.text(context)))
                },
                .if(
                    model.failure == nil && !model.errors.isEmpty,
                    .p(
                        .class("alert"), .attribute(named: "role", value: "alert"),
                        .safeText(context.text(.formErrorSummary)))))
        }

        private var nextField: Node<HTML.FormContext> {
            .unwrap(model.next) { .input(.type(.hidden), .name("next"), .escaped("value", $0)) }
        }

        /// The number, and a link for staff to the username form.
        private var numberForm: Node<HTML.BodyContext> {
            .group(
                .p(.class("lead"), .safeText(context.text(.phoneIntro))),
                numberCard,
                .p(.a(.href(SitePath.logIn.path), .safeText(context.text(.phoneStaffLogIn))))
            )
        }

        /// The number form alone, as the log-in and register pages lead with it.
        var numberCard: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("phone-form"), .method(.post), .action(SitePath.phoneCode.path), .novalidate(),
                summary,
                Layout.csrfField(context),
                nextField,
                FormField(
                    name: "phone", label: .phoneNumberLabel, kind: .phone, value: model.phoneText,
                    hint: .phoneNumberHint, error: model.errors[.phone], autocomplete: "tel-national"
                ).node(context),
                .button(.type(.submit), .class("button"), .id("phone-send"), .safeText(context.text(.phoneSendCode)))
            )
        }

        /// The code (with a name and a role for a new number), and a button to send another.
        private func codeForms(_ phone: PhoneNumber, isNew: Bool) -> Node<HTML.BodyContext> {
            .group(
                .if(
                    model.sent,
                    Widgets.notice(context.text(.phoneSent, phone.grouped, String(10)))),
                .form(
                    .class("card"), .id("phone-code-form"), .method(.post), .action(SitePath.phoneVerify.path),
                    .novalidate(),
                    summary,
                    Layout.csrfField(context),
                    nextField,
                    .input(.type(.hidden), .name("phone"), .escaped("value", phone.digits)),
                    .p(.safeText(context.text(.phoneCodeFor, phone.grouped))),
                    FormField(
                        name: "code", label: .phoneCodeLabel, kind: .number, hint: .phoneCodeHint,
                        error: model.errors[.code], autocomplete: "one-time-code"
                    ).node(context),
                    .if(isNew, newAccountFields),
                    .button(
                        .type(.submit), .class("button"), .id("phone-verify"),
                        .safeText(context.text(isNew ? .phoneSignUpSubmit : .phoneSignInSubmit)))
                ),
                .form(
                    .id("phone-resend-form"), .method(.post), .action(SitePath.phoneCode.path),
                    Layout.csrfField(context),
                    nextField,
                    .input(.type(.hidden), .name("phone"), .escaped("value", phone.digits)),
                    .button(.type(.submit), .class("button secondary"), .safeText(context.text(.phoneSendAgain)))
                ),
                .p(.a(.href(SitePath.phone.path), .safeText(context.text(.phoneOtherNumber))))
            )
        }

        private var newAccountFields: Node<HTML.FormContext> {
            .group(
                .p(.class("hint"), .safeText(context.text(.phoneNewNumber))),
                FormField(
                    name: "displayName", label: .fieldDisplayName, value: model.displayName,
                    hint: .phoneDisplayNameHint, error: model.errors[.displayName], autocomplete: "name"
                ).node(context),
                RoleChoice.node(selected: model.role, error: model.errors[.role], context: context)
            )
        }
    }
}
