import Foundation
import JishiKit
import Logistics
import Plot

extension NetworkPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.networkTitle), context: context,
                main: [
                    .if(model.notice, Widgets.notice(context.text(.networkSaved))),
                    .h1(.safeText(context.text(model.editing == nil ? .networkTitle : .networkEditTitle))),
                    .if(
                        model.editing == nil,
                        .group(
                            .p(.class("meta"), .safeText(context.text(.networkIntro))),
                            .group(model.towns.map(town)))),
                    form,
                ])
        }

        private func town(_ town: (name: String, rows: [Row])) -> Node<HTML.BodyContext> {
            .element(
                named: "details",
                nodes: [
                    .class("box"),
                    .element(named: "summary", nodes: [.safeText(town.name + " · " + context.number(town.rows.count))]),
                    .ul(.class("rows"), .group(town.rows.map(row))),
                ])
        }

        private func row(_ row: Row) -> Node<HTML.ListContext> {
            .li(
                .a(
                    .class("row"), .id("node-\(row.code)"), .href(SitePath.networkNode.path(row.id)),
                    .span(.class("t"), .safeText(row.name)),
                    .span(.class("tag"), .safeText(context.text(Self.kindKey(row.kind)))),
                    .span(
                        .class("meta"),
                        .safeText(
                            [
                                row.code, row.village, row.hours,
                                context.text(.networkShelves, context.number(row.shelfCapacity)),
                            ]
                            .compactMap { $0 }.joined(separator: " · "))),
                    .if(!row.active, .span(.class("tag"), .safeText(context.text(.networkInactive))))
                ))
        }

        private var form: Node<HTML.BodyContext> {
            func field(_ field: Field, _ label: L10nKey, kind: FormField.Kind = .text, hint: L10nKey? = nil)
                -> Node<HTML.FormContext>
            {
                FormField(
                    field, label, kind: kind, hint: hint, values: model.fields, errors: model.errors
                ).node(context)
            }
            let kinds = NetworkNode.Kind.allCases.map { ($0.rawValue, context.text(Self.kindKey($0))) }
            let action = model.editing.map { SitePath.networkNode.path($0) } ?? SitePath.network.path
            return .form(
                .class("card"), .id("node-form"), .method(.post), .action(action), .novalidate(),
                .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                .h2(.safeText(context.text(model.editing == nil ? .networkAdd : .networkEditTitle))),
                Layout.csrfField(context),
                model.editing == nil
                    ? field(.code, .networkCode, kind: .identifier, hint: .networkCodeHint)
                    : .group(
                        .input(.type(.hidden), .name("code"), .escaped("value", model.fields[.code] ?? "")),
                        .p(.strong(.safeText(model.fields[.code] ?? "")))),
                field(.kind, .networkKind, kind: .menu([FormField.MenuGroup(heading: nil, choices: kinds)])),
                field(.name, .networkName),
                field(
                    .villageId, .networkVillage,
                    kind: .menu(
                        [FormField.MenuGroup(heading: nil, choices: [("", context.text(.networkNoVillage))])]
                            + VillageMenu.groups(model.villageMenu)), hint: .networkVillageHint),
                field(
                    .townId, .networkTown,
                    kind: .menu([FormField.MenuGroup(heading: nil, choices: model.townChoices.map { ($0.id, $0.name) })]
                    )),
                .div(.class("pair"), .div(field(.opens, .networkOpens)), .div(field(.closes, .networkCloses))),
                field(.shelfCapacity, .networkShelfCapacity, kind: .number),
                field(.operatorName, .networkOperator),
                .if(
                    model.editing != nil,
                    .label(
                        .class("check"),
                        .input(.type(.checkbox), .name("active"), .value("1"), .id("active"), .checked(model.active)),
                        .safeText(context.text(.networkActive)))),
                .button(.type(.submit), .class("button"), .id("save-node"), .safeText(context.text(.networkSave)))
            )
        }

        static func kindKey(_ kind: NetworkNode.Kind) -> L10nKey {
            switch kind {
            case .countyHub: .networkKindHub
            case .townDepot: .networkKindDepot
            case .villageStation: .networkKindStation
            case .pickupPoint: .networkKindPickup
            }
        }
    }
}
