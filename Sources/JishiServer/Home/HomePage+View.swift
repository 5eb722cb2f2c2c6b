import JishiKit
import Plot

extension HomePage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.homeTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.homeHeading, model.county.primary(context.language)))),
                    .p(.class("lead"), .safeText(context.text(.homeIntro))),
                    .p(
                        .class("summary"),
                        .safeText(
                            context.text(
                                .homeSummary, context.number(model.towns.count), context.number(model.villageCount),
                                context.number(model.householdCount)))),
                    .if(
                        context.viewer == nil,
                        .p(.a(.class("button"), .href(SitePath.register.path), .safeText(context.text(.homeJoinCall))))
                    ),
                    .if(model.towns.isEmpty, .p(.safeText(context.text(.homeEmpty)))),
                    .div(.class("towns"), .group(model.towns.enumerated().map { town($0.element, index: $0.offset) })),
                ])
        }

        private func town(_ town: TownEntry, index: Int) -> Node<HTML.BodyContext> {
            let headingID = "town-\(index)"
            return .section(
                .class("town"), .attribute(named: "aria-labelledby", value: headingID),
                .header(
                    .h2(.id(headingID), name(town.name)),
                    .p(
                        .safeText(
                            context.text(
                                .homeTownSummary, context.number(town.villages.count),
                                context.number(town.householdCount))))
                ),
                .ul(.class("villages"), .group(town.villages.map(village)))
            )
        }

        private func village(_ village: VillageEntry) -> Node<HTML.ListContext> {
            .li(
                .span(.class("v-name"), name(village.name)),
                .span(
                    .class("v-meta"),
                    .span(.class("tag"), .safeText(context.text(village.specialty.l10nKey))),
                    .safeText(context.text(.homeVillageHouseholds, context.number(village.households)))
                )
            )
        }

        private func name(_ name: Name) -> Node<HTML.BodyContext> {
            .group(
                .safeText(name.primary(context.language)),
                .unwrap(name.secondary(context.language)) { secondary in
                    .span(.class("v-alt"), .attribute(named: "lang", value: "zh-Hans"), .safeText(secondary))
                })
        }
    }
}
