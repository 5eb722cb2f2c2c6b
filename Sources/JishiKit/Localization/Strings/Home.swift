extension L10nKey {
    public static let homeTitle = L10nKey("home.title")
    public static let homeHeading = L10nKey("home.heading")
    public static let homeIntro = L10nKey("home.intro")
    public static let homeSummary = L10nKey("home.summary")
    public static let homeJoinCall = L10nKey("home.join-call")
    public static let homeEmpty = L10nKey("home.empty")
    public static let homeTownSummary = L10nKey("home.town.summary")
    public static let homeVillageHouseholds = L10nKey("home.village.households")
    public static let homeNewest = L10nKey("home.newest")
    public static let homePopular = L10nKey("home.popular")
    /// {0} the visitor's town.
    public static let homeNearby = L10nKey("home.nearby")
    public static let homeSeeMore = L10nKey("home.see-more")
    public static let homeVillagesHeading = L10nKey("home.villages-heading")
}

extension Localization {
    /// The home page.
    static let home = Area(
        en: [
            .homeTitle: "Towns and villages",
            .homeHeading: "Towns and villages of {0}",
            .homeIntro:
                "On Jishi, villagers open shops for free and sell local goods to the cities; village service stations "
                + "buy and sell for neighbours who are not online, and take cash.",
            .homeSummary: "{0} towns · {1} villages · {2} households",
            .homeJoinCall: "Register to shop or sell",
            .homeEmpty: "No towns or villages have been entered yet.",
            .homeTownSummary: "{0} villages · {1} households",
            .homeVillageHouseholds: "{0} households",
            .homeNewest: "New in the villages",
            .homePopular: "Selling well",
            .homeNearby: "From {0}, your town",
            .homeSeeMore: "See more",
            .homeVillagesHeading: "Shop by village",
        ],
        zhHans: [
            .homeTitle: "乡镇与村",
            .homeHeading: "{0}的乡镇与村",
            .homeIntro: "在集市，村民免费开网店，把本地好货卖到城里；村服务站帮不方便上网的乡亲代买代卖、收付现金。",
            .homeSummary: "{0} 个乡镇 · {1} 个村 · {2} 户",
            .homeJoinCall: "注册账号，开店或购物",
            .homeEmpty: "还没有录入乡镇和村。",
            .homeTownSummary: "{0} 个村 · {1} 户",
            .homeVillageHouseholds: "{0} 户",
            .homeNewest: "村里新上架",
            .homePopular: "卖得好",
            .homeNearby: "{0}本地好货",
            .homeSeeMore: "看更多",
            .homeVillagesHeading: "按村逛",
        ])
}
