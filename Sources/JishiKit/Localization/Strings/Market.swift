extension L10nKey {
    public static let specialtyCostumes = L10nKey("specialty.costumes")
    public static let specialtyUrbanWholesale = L10nKey("specialty.urban-wholesale")
    public static let specialtyFarmProducts = L10nKey("specialty.farm-products")
    public static let specialtyFurniture = L10nKey("specialty.furniture")
    public static let specialtyHandicrafts = L10nKey("specialty.handicrafts")
    public static let specialtyMixed = L10nKey("specialty.mixed")
    public static let chooseOne = L10nKey("market.choose-one")
    public static let priceFrom = L10nKey("market.price-from")
    public static let inStock = L10nKey("market.in-stock")
    public static let outOfStock = L10nKey("market.out-of-stock")
    public static let stockLeft = L10nKey("market.stock-left")
    public static let pagerLabel = L10nKey("market.pager.label")
    public static let pagerPrevious = L10nKey("market.pager.previous")
    public static let pagerNext = L10nKey("market.pager.next")
}

extension Localization {
    /// Words every marketplace page shares: stock, prices, paging, villages' specialties.
    static let market = Area(
        en: [
            .specialtyCostumes: "Performance costumes",
            .specialtyUrbanWholesale: "Urban wholesale",
            .specialtyFarmProducts: "Farm products",
            .specialtyFurniture: "Furniture",
            .specialtyHandicrafts: "Handicrafts",
            .specialtyMixed: "Mixed trades",
            .chooseOne: "Choose…",
            .priceFrom: "from {0}",
            .inStock: "In stock",
            .outOfStock: "Sold out",
            .stockLeft: "{0} left",
            .pagerLabel: "Pages",
            .pagerPrevious: "‹ Previous",
            .pagerNext: "Next ›",
        ],
        zhHans: [
            .specialtyCostumes: "演出服饰",
            .specialtyUrbanWholesale: "城中村批发",
            .specialtyFarmProducts: "农产品",
            .specialtyFurniture: "家具",
            .specialtyHandicrafts: "手工艺品",
            .specialtyMixed: "综合",
            .chooseOne: "请选择…",
            .priceFrom: "{0} 起",
            .inStock: "有货",
            .outOfStock: "已售完",
            .stockLeft: "剩 {0} 件",
            .pagerLabel: "翻页",
            .pagerPrevious: "‹ 上一页",
            .pagerNext: "下一页 ›",
        ])
}
