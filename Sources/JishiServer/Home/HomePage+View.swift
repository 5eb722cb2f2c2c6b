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
                    .form(
                        .class("search"), .id("home-search"), .method(.get), .action(SitePath.search.path),
                        .attribute(named: "role", value: "search"),
                        .div(
                            .class("qrow"),
                            FormField(name: "q", label: .searchQueryLabel, id: "home-q").node(context),
                            .button(.type(.submit), .class("button"), .safeText(context.text(.searchSubmit)))
                        )
                    ),
                    .unwrap(model.nearby) { nearby in
                        productRow(
                            context.text(.homeNearby, nearby.town.name.primary(context.language)), id: "home-nearby",
                            nearby.hits,
                            more: SitePath.search.path + "?town=\(nearby.town.id.uuidString.lowercased())&sort=sales")
                    },
                    productRow(
                        .homeNewest, id: "home-newest", model.newest, more: SitePath.search.path + "?sort=newest"),
                    productRow(
                        .homePopular, id: "home-popular", model.popular, more: SitePath.search.path + "?sort=sales"),
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
                    .h2(.safeText(context.text(.homeVillagesHeading))),
                    .div(.class("towns"), .group(model.towns.enumerated().map { town($0.element, index: $0.offset) })),
                ])
        }

        private func productRow(_ heading: L10nKey, id: String, _ hits: [SearchPage.Hit], more: String)
            -> Node<HTML.BodyContext>
        {
            productRow(context.text(heading), id: id, hits, more: more)
        }

        private func productRow(_ heading: String, id: String, _ hits: [SearchPage.Hit], more: String)
            -> Node<HTML.BodyContext>
        {
            guard !hits.isEmpty else { return .empty }
            return .section(
                .class("shelf"), .id(id),
                .h2(.safeText(heading)),
                .ul(.class("cards"), .group(hits.map { SearchPage.tile($0, context) })),
                .p(.a(.href(more), .safeText(context.text(.homeSeeMore))))
            )
        }

        private func town(_ town: TownEntry, index: Int) -> Node<HTML.BodyContext> {
            let headingID = "town-\(index)"
            return .section(
                .class("town"), .attribute(named: "aria-labelledby", value: headingID),
                .header(
                    .h2(
                        .id(headingID),
                        .a(
                            .href(SitePath.search.path + "?town=" + town.id.uuidString.lowercased()),
                            linkedName(town.name))),
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
                .a(
                    .class("v-name"), .href(SitePath.search.path + "?village=" + village.id.uuidString.lowercased()),
                    linkedName(village.name)),
                .span(
                    .class("v-meta"),
                    .span(.class("tag"), .safeText(context.text(village.specialty.l10nKey))),
                    .safeText(context.text(.homeVillageHouseholds, context.number(village.households)))
                )
            )
        }

        /// A place's name inside its link.
        private func linkedName(_ name: Name) -> Node<HTML.AnchorContext> {
            .group(
                .safeText(name.primary(context.language)),
                .unwrap(name.secondary(context.language)) { secondary in
                    .span(.class("v-alt"), .attribute(named: "lang", value: "zh-Hans"), .safeText(secondary))
                })
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
