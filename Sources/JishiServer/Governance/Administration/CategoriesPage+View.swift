import JishiKit
import Plot

extension CategoriesPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.adminCategoriesTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    Widgets.back(SitePath.manage.path, context.text(.manageTitle)),
                    .h1(.safeText(context.text(.adminCategoriesTitle))),
                    .p(.class("meta"), .safeText(context.text(.adminCategoriesIntro))),
                    .ul(.class("rows"), .id("category-list"), .group(model.rows.map(row))),
                    addForm,
                ])
        }

        private func row(_ row: Row) -> Node<HTML.ListContext> {
            .li(
                .class("box"), .id("category-\(row.code)"),
                .form(
                    .method(.post), .action(SitePath.setCommission.path(row.id)),
                    Layout.csrfField(context),
                    .p(.strong(.safeText(row.name.primary(context.language))), .safeText(" · " + row.code)),
                    FormField(
                        name: "rate", label: .adminCategoryRate, kind: .decimal,
                        value: model.rateDrafts[row.id] ?? CategoriesPage.percent(row.basisPoints),
                        error: model.rateErrors[row.id], id: "rate-\(row.code)"
                    ).node(context),
                    .button(
                        .type(.submit), .class("button secondary"), .id("save-rate-\(row.code)"),
                        .safeText(context.text(.adminSaveRate)))
                ))
        }

        private var addForm: Node<HTML.BodyContext> {
            func field(_ field: Field, _ label: L10nKey, kind: FormField.Kind = .text, hint: L10nKey? = nil)
                -> Node<HTML.FormContext>
            {
                FormField(
                    field, label, kind: kind, hint: hint, values: model.fields, errors: model.errors,
                    id: "new-\(field.rawValue)"
                ).node(context)
            }
            return .form(
                .class("box"), .id("add-category"), .method(.post), .action(SitePath.manageCategories.path),
                Layout.csrfField(context),
                .h2(.safeText(context.text(.adminAddCategory))),
                field(.name, .adminCategoryName),
                field(.nameEn, .adminCategoryNameEn),
                field(.code, .adminCategoryCode, kind: .identifier, hint: .adminCategoryCodeHint),
                field(.rate, .adminCategoryRate, kind: .decimal),
                .button(
                    .type(.submit), .class("button"), .id("add-category-button"),
                    .safeText(context.text(.adminAddCategory)))
            )
        }
    }
}
