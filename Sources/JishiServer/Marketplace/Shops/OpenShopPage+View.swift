import JishiKit
import Marketplace
import Plot

extension OpenShopPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.openShopTitle), context: context,
                main: [
                    Widgets.back(SitePath.shops.path, context.text(.shopsTitle)),
                    .h1(.safeText(context.text(.openShopTitle))),
                    .p(.class("lead"), .safeText(context.text(.openShopIntro))),
                    .form(
                        .class("card"), .id("open-shop-form"), .method(.post), .action(SitePath.openShop.path),
                        .novalidate(),
                        .if(!model.errors.isEmpty, Widgets.alert(context.text(.formErrorSummary))),
                        Layout.csrfField(context),
                        FormField(name: "name", label: .fieldShopName, value: model.name, error: model.errors[.name])
                            .node(context),
                        FormField(
                            name: "description", label: .fieldShopDescription, kind: .textArea(rows: 3),
                            value: model.description, error: model.errors[.description]
                        ).node(context),
                        FormField(
                            name: "village", label: .fieldShopVillage,
                            kind: .menu(
                                [FormField.MenuGroup(heading: nil, choices: [("", context.text(.chooseOne))])]
                                    + VillageMenu.groups(model.towns)),
                            value: model.villageID?.uuidString.lowercased() ?? "", error: model.errors[.village]
                        ).node(context),
                        .fieldset(
                            .element(
                                named: "legend", nodes: [Node<HTML.BodyContext>.safeText(context.text(.fieldShopKind))]),
                            .unwrap(model.errors[.kind]) { .p(.class("error"), .safeText($0.text(context))) },
                            .group(
                                Shop.Kind.allCases.map { kind in
                                    .label(
                                        .class("choice"),
                                        .input(
                                            .type(.radio), .name("kind"), .value(kind.rawValue),
                                            .id("kind-\(kind.rawValue)"),
                                            .checked(model.kind == kind)),
                                        .safeText(context.text(kind.l10nKey))
                                    )
                                })
                        ),
                        .p(.class("hint"), .safeText(context.text(.fieldShopKindHint))),
                        FormField(
                            name: "brandName", label: .fieldBrandName, value: model.brandName,
                            error: model.errors[.brandName]
                        ).node(context),
                        FormField(
                            name: "licenceNumber", label: .fieldLicenceNumber, kind: .identifier,
                            value: model.licenceNumber, hint: .fieldLicenceHint, error: model.errors[.licenceNumber]
                        ).node(context),
                        .button(.type(.submit), .class("button"), .safeText(context.text(.openShopSubmit)))
                    ),
                ])
        }
    }
}
