extension L10nKey {
    public static let searchOnlyFrom = L10nKey("search.only-from")
    public static let searchShowAll = L10nKey("search.show-all")
    public static let searchTitle = L10nKey("search.title")
    public static let searchQueryLabel = L10nKey("search.query")
    public static let searchSubmit = L10nKey("search.submit")
    public static let searchFilters = L10nKey("search.filters")
    public static let searchCategory = L10nKey("search.category")
    public static let searchAnyCategory = L10nKey("search.any-category")
    public static let searchMinPrice = L10nKey("search.min-price")
    public static let searchMaxPrice = L10nKey("search.max-price")
    public static let searchInStockOnly = L10nKey("search.in-stock-only")
    public static let searchSort = L10nKey("search.sort")
    public static let searchSortRelevance = L10nKey("search.sort.relevance")
    public static let searchSortPriceAsc = L10nKey("search.sort.price-asc")
    public static let searchSortPriceDesc = L10nKey("search.sort.price-desc")
    public static let searchSortSales = L10nKey("search.sort.sales")
    public static let searchSortNewest = L10nKey("search.sort.newest")
    public static let searchSortRating = L10nKey("search.sort.rating")
    public static let searchNoResults = L10nKey("search.no-results")
    public static let searchResultCount = L10nKey("search.result-count")
    public static let searchFirstPage = L10nKey("search.first-page")
    public static let searchTowns = L10nKey("search.towns")
    public static let searchFacetCount = L10nKey("search.facet-count")
    public static let searchFacetCountAbout = L10nKey("search.facet-count-about")
}

extension Localization {
    /// Search.
    static let search = Area(
        en: [
            .searchTitle: "Search",
            .searchQueryLabel: "What are you looking for?",
            .searchSubmit: "Search",
            .searchOnlyFrom: "Only products from {0}",
            .searchShowAll: "Show all",
            .searchFilters: "Filters and order",
            .searchCategory: "Category",
            .searchAnyCategory: "All categories",
            .searchMinPrice: "Lowest price (yuan)",
            .searchMaxPrice: "Highest price (yuan)",
            .searchInStockOnly: "In stock only",
            .searchSort: "Order",
            .searchSortRelevance: "Best match",
            .searchSortPriceAsc: "Price, lowest first",
            .searchSortPriceDesc: "Price, highest first",
            .searchSortSales: "Best selling",
            .searchSortNewest: "Newest",
            .searchSortRating: "Best rated",
            .searchNoResults: "Nothing found. Try fewer or other words.",
            .searchResultCount: "{0} products · showing {1}–{2}",
            .searchFirstPage: "First page",
            .searchTowns: "By town",
            .searchFacetCount: "{0} ({1})",
            .searchFacetCountAbout: "{0} (about {1})",
        ],
        zhHans: [
            .searchTitle: "搜索商品",
            .searchQueryLabel: "想买什么？",
            .searchSubmit: "搜索",
            .searchOnlyFrom: "只看{0}的商品",
            .searchShowAll: "看全部",
            .searchFilters: "筛选和排序",
            .searchCategory: "类目",
            .searchAnyCategory: "全部类目",
            .searchMinPrice: "最低价（元）",
            .searchMaxPrice: "最高价（元）",
            .searchInStockOnly: "只看有货",
            .searchSort: "排序",
            .searchSortRelevance: "综合",
            .searchSortPriceAsc: "价格从低到高",
            .searchSortPriceDesc: "价格从高到低",
            .searchSortSales: "销量",
            .searchSortNewest: "最新",
            .searchSortRating: "好评优先",
            .searchNoResults: "没有找到。试试少一些或换个词。",
            .searchResultCount: "共 {0} 件商品 · 第 {1}–{2} 件",
            .searchFirstPage: "第一页",
            .searchTowns: "按乡镇",
            .searchFacetCount: "{0}（{1}）",
            .searchFacetCountAbout: "{0}（约{1}）",
        ])
}
