extension L10nKey {
    public static let cartTitle = L10nKey("cart.title")
    public static let cartEmpty = L10nKey("cart.empty")
    public static let cartGoShopping = L10nKey("cart.go-shopping")
    public static let cartLinePrice = L10nKey("cart.line-price")
    public static let cartNotForSale = L10nKey("cart.not-for-sale")
    public static let cartRemoveUnavailable = L10nKey("cart.remove-unavailable")
    public static let cartUpdate = L10nKey("cart.update")
    public static let cartRemove = L10nKey("cart.remove")
    public static let cartShopTotal = L10nKey("cart.shop-total")
    public static let cartTotal = L10nKey("cart.total")
    public static let cartCheckout = L10nKey("cart.checkout")
}

extension Localization {
    /// The cart.
    static let cart = Area(
        en: [
            .cartTitle: "Your cart",
            .cartEmpty: "Your cart is empty.",
            .cartGoShopping: "Find something",
            .cartLinePrice: "{0} × {1} = {2}",
            .cartNotForSale: "No longer on sale: remove it to check out.",
            .cartRemoveUnavailable: "Remove what is no longer on sale to check out.",
            .cartUpdate: "Change",
            .cartRemove: "Remove",
            .cartShopTotal: "This shop: {0}",
            .cartTotal: "Total {0}",
            .cartCheckout: "Check out",
        ],
        zhHans: [
            .cartTitle: "购物车",
            .cartEmpty: "购物车是空的。",
            .cartGoShopping: "去逛逛",
            .cartLinePrice: "{0} × {1} = {2}",
            .cartNotForSale: "已下架，请删除后再结算。",
            .cartRemoveUnavailable: "请先删除已下架的商品再结算。",
            .cartUpdate: "修改",
            .cartRemove: "删除",
            .cartShopTotal: "本店小计：{0}",
            .cartTotal: "合计 {0}",
            .cartCheckout: "去结算",
        ])
}
