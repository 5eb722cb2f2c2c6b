import Foundation
import JishiKit
import Marketplace
import Plot

extension SearchPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.searchTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.searchTitle))),
                    placeLine,
                    form,
                    results,
                ])
        }

        private var form: Node<HTML.BodyContext> {
            .form(
                .class("search"), .id("search-form"), .method(.get), .action(SitePath.search.path),
                .attribute(named: "role", value: "search"),
                .if(!model.errors.isEmpty, Widgets.alert(context.text(.formErrorSummary))),
                .unwrap(model.input.villageID) {
                    .input(.type(.hidden), .name("village"), .value($0.uuidString.lowercased()))
                },
                .unwrap(model.input.townID) {
                    .input(.type(.hidden), .name("town"), .value($0.uuidString.lowercased()))
                },
                .div(
                    .class("qrow"),
                    FormField(
                        name: "q", label: .searchQueryLabel, value: model.input.text, error: model.errors[.q]
                    ).node(context),
                    .button(
                        .type(.submit), .class("button"), .id("search-submit"), .safeText(context.text(.searchSubmit)))
                ),
                Widgets.details(
                    open: model.hasFilters || model.errors.count > (model.errors[.q] == nil ? 0 : 1),
                    summary: context.text(.searchFilters),
                    .div(
                        .class("filters"),
                        FormField(
                            name: "category", label: .searchCategory,
                            kind: .menu([
                                FormField.MenuGroup(
                                    heading: nil,
                                    choices: [("", context.text(.searchAnyCategory))]
                                        + model.categories.map { category in
                                            (
                                                category.id.uuidString.lowercased(),
                                                counted(category.name, model.facets.categories[category.id] ?? 0)
                                            )
                                        })
                            ]),
                            value: model.input.categoryID?.uuidString.lowercased() ?? "",
                            error: model.errors[.category]
                        ).node(context),
                        .div(
                            .class("pair"),
                            .div(
                                FormField(
                                    name: "min", label: .searchMinPrice, kind: .decimal, value: model.input.minPrice,
                                    error: model.errors[.min]
                                ).node(context)),
                            .div(
                                FormField(
                                    name: "max", label: .searchMaxPrice, kind: .decimal, value: model.input.maxPrice,
                                    error: model.errors[.max]
                                ).node(context))
                        ),
                        .label(
                            .class("check"),
                            .input(
                                .type(.checkbox), .name("stock"), .value("1"), .id("stock"),
                                .checked(model.input.inStockOnly)),
                            .safeText(context.text(.searchInStockOnly))
                        ),
                        FormField(
                            name: "sort", label: .searchSort,
                            kind: .menu([
                                FormField.MenuGroup(
                                    heading: nil,
                                    choices: SearchQuery.Sort.allCases.map { ($0.rawValue, context.text($0.l10nKey)) })
                            ]),
                            value: model.input.sort.rawValue, error: model.errors[.sort]
                        ).node(context)
                    )
                )
            )
        }

        private var results: Node<HTML.BodyContext> {
            guard model.errors.isEmpty else { return .empty }
            if model.hits.isEmpty {
                return .group(
                    .p(.class("empty"), .id("no-results"), .safeText(context.text(.searchNoResults))),
                    Widgets.freshness(model.freshness, context))
            }
            let first = model.input.from + 1
            let last = model.input.from + model.hits.count
            return .group(
                .p(
                    .class("summary"), .id("result-count"),
                    .safeText(
                        context.text(
                            .searchResultCount, context.number(model.total) + (model.totalCapped ? "+" : ""),
                            context.number(first),
                            context.number(last)))),
                Widgets.freshness(model.freshness, context),
                townFacets,
                .ul(.class("cards"), .id("results"), .group(model.hits.map(hit))),
                pager
            )
        }

        /// "大营镇（12）": a facet's name and count. An estimated count is rounded to two figures,
        /// "大营镇（约12,000）", and one the sample missed is left out: "大营镇".
        private func counted(_ name: String, _ count: Int) -> String {
            guard model.facets.estimated else { return context.text(.searchFacetCount, name, context.number(count)) }
            guard count > 0 else { return name }
            return context.text(.searchFacetCountAbout, name, context.number(SearchFacets.shown(count)))
        }

        /// The towns the results come from, with counts, each a link that narrows to it.
        private var townFacets: Node<HTML.BodyContext> {
            guard model.input.townID == nil, model.input.villageID == nil, model.towns.count > 1 else { return .empty }
            var input = model.input
            input.offset = 0
            input.after = nil
            return .nav(
                .class("facets"), .id("town-facets"),
                .attribute(named: "aria-label", value: context.text(.searchTowns)),
                .h2(.safeText(context.text(.searchTowns))),
                .ul(
                    .forEach(model.towns) { town in
                        input.townID = town.id
                        return .li(
                            .a(
                                .href(SitePath.search.path + "?" + input.queryString(offset: 0)),
                                .safeText(counted(town.name, model.facets.towns[town.id] ?? 0))))
                    }))
        }

        private func hit(_ hit: Hit) -> Node<HTML.ListContext> { SearchPage.tile(hit, context) }

        private var placeLine: Node<HTML.BodyContext> {
            .unwrap(model.place) { place in
                .p(
                    .class("meta"), .id("search-place"),
                    .safeText(context.text(.searchOnlyFrom, place.primary(context.language)) + " · "),
                    .a(.href(SitePath.search.path), .safeText(context.text(.searchShowAll))))
            }
        }

        /// "First page" once past it, and "next" continuing after this page's last result (a
        /// cursor, so a deep page costs what the first does).
        private var pager: Node<HTML.BodyContext> {
            let query = model.input.queryString(offset: 0)
            let path = SitePath.search.path + (query.isEmpty ? "" : "?" + query)
            let separator = query.isEmpty ? "?" : "&"
            let hasFirst = model.input.from > 0
            guard hasFirst || model.next != nil else { return .empty }
            let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
            return .nav(
                .class("pager"), .attribute(named: "aria-label", value: context.text(.pagerLabel)),
                .if(
                    hasFirst,
                    .a(.class("button secondary"), .href(path), .safeText(context.text(.searchFirstPage)))),
                .unwrap(model.next) { next in
                    .a(
                        .class("button secondary"), .attribute(named: "rel", value: "next"), .id("next-page"),
                        .href(
                            path + separator + "after="
                                + (next.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
                                + "&from=\(model.input.from + model.hits.count)"),
                        .safeText(context.text(.pagerNext)))
                })
        }
    }

    /// A product as a tile: photo, title, price, stock, rating and shop (search and home).
    static func tile(_ hit: Hit, _ context: PageContext) -> Node<HTML.ListContext> {
        .li(
            .a(
                .href(SitePath.product.path(hit.productID)),
                Widgets.photo(hit.photo, alt: "", size: 160),
                .span(.class("t"), .safeText(hit.title)),
                .span(.class("price"), .safeText(context.text(.priceFrom, context.money(hit.minPriceMinor)))),
                .span(
                    .class(hit.inStock ? "stock" : "stock out"),
                    .safeText(context.text(hit.inStock ? .inStock : .outOfStock))),
                .span(.class("rated"), .safeText(RatingView.short(hit.rating, context))),
                .span(.class("shop"), .safeText(hit.shopName))
            ))
    }
}
