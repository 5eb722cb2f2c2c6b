import Community
import JishiKit
import Plot

/// The buyer-or-seller choice of both sign-up forms (username and phone).
enum RoleChoice {
    static func node(selected: Role, error: FormMessage?, context: PageContext) -> Node<HTML.FormContext> {
        .fieldset(
            .element(named: "legend", nodes: [Node<HTML.BodyContext>.safeText(context.text(.fieldRole))]),
            .unwrap(error) { .p(.class("error"), .id("role-error"), .safeText($0.text(context))) },
            .group(
                [(Role.buyer, L10nKey.roleBuyer), (Role.seller, L10nKey.roleSeller)].map { role, key in
                    .label(
                        .class("choice"),
                        .input(
                            .type(.radio), .name("role"), .escaped("value", role.rawValue),
                            .id("role-\(role.rawValue)"), .checked(selected == role)),
                        .safeText(context.text(key))
                    )
                })
        )
    }
}
