import JishiKit
import Plot

extension ManagePage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.manageTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.manageTitle))),
                    .p(.class("meta"), .safeText(context.text(.manageIntro))),
                    .nav(
                        .class("tiles"), .id("manage-tools"),
                        .attribute(named: "aria-label", value: context.text(.manageTitle)),
                        .group(
                            model.tools.map { tool in
                                .a(
                                    .class("tile"), .id("tool-\(tool.rawValue)"), .href(tool.path.path),
                                    .safeText(context.text(ManagePage.label(tool))))
                            })),
                ])
        }
    }

    static func label(_ tool: Tool) -> L10nKey {
        switch tool {
        case .reviews: .moderationReviewsTitle
        case .shops: .moderationShopsTitle
        case .accounts: .adminAccountsTitle
        case .categories: .adminCategoriesTitle
        case .outbox: .outboxTitle
        case .network: .networkTitle
        case .dispatch: .dispatchTitle
        case .figures: .figuresTitle
        case .stations: .stationsTitle
        case .recognition: .recognitionTitle
        case .growth: .growthTitle
        case .simulation: .simulationTitle
        case .registry: .registryTitle
        case .quality: .qualityTitle
        case .designs: .designsTitle
        case .siting: .sitingTitle
        case .imports: .importsTitle
        }
    }
}
