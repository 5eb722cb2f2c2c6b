extension L10nKey {
    public static let shopKindIndividual = L10nKey("shop.kind.individual")
    public static let shopKindEnterprise = L10nKey("shop.kind.enterprise")
    public static let shopStatusActive = L10nKey("shop.status.active")
    public static let shopStatusSuspended = L10nKey("shop.status.suspended")
    public static let shopStatusClosed = L10nKey("shop.status.closed")
    public static let shopsTitle = L10nKey("shops.title")
    public static let shopsEmpty = L10nKey("shops.empty")
    public static let shopsOpenNew = L10nKey("shops.open-new")
    public static let shopRoleOwner = L10nKey("shop.role.owner")
    public static let shopRoleStaff = L10nKey("shop.role.staff")
    public static let openShopTitle = L10nKey("open-shop.title")
    public static let openShopIntro = L10nKey("open-shop.intro")
    public static let openShopSubmit = L10nKey("open-shop.submit")
    public static let shopTasks = L10nKey("shop.tasks")
    public static let shopToShip = L10nKey("shop.to-ship")
    public static let shopOrdersTitle = L10nKey("shop.orders.title")
    public static let shopOrdersAll = L10nKey("shop.orders.all")
    public static let shopOrdersFilter = L10nKey("shop.orders.filter")
    public static let shopOrdersEmpty = L10nKey("shop.orders.empty")
    public static let shopProducts = L10nKey("shop.products")
    public static let shopNoProducts = L10nKey("shop.no-products")
    public static let shopVariantLine = L10nKey("shop.variant-line")
    public static let packingListTitle = L10nKey("packing-list.title")
    public static let packingListSummary = L10nKey("packing-list.summary")
    public static let packingListPrintHint = L10nKey("packing-list.print-hint")
    public static let packingListPrint = L10nKey("packing-list.print")
    public static let packingListChosen = L10nKey("packing-list.chosen")
    public static let packingListInclude = L10nKey("packing-list.include")
    public static let packingListOrder = L10nKey("packing-list.order")
    public static let packingListOrdered = L10nKey("packing-list.ordered")
    public static let packingListItem = L10nKey("packing-list.item")
    public static let packingListQuantity = L10nKey("packing-list.quantity")
    public static let packingListPacked = L10nKey("packing-list.packed")
    public static let packingLineShort = L10nKey("packing-list.line-short")
}

extension Localization {
    /// Shops, their orders and packing lists.
    static let shops = Area(
        en: [
            .shopKindIndividual: "Individual shop (a household)",
            .shopKindEnterprise: "Enterprise shop (registered brand)",
            .shopStatusActive: "Open",
            .shopStatusSuspended: "Suspended",
            .shopStatusClosed: "Closed",
            .shopsTitle: "My shops",
            .shopsEmpty: "You have no shop yet. Opening one is free.",
            .shopsOpenNew: "Open a shop",
            .shopRoleOwner: "Owner",
            .shopRoleStaff: "Staff",
            .openShopTitle: "Open a shop",
            .openShopIntro: "Opening a shop is free. You can list products as soon as it is open.",
            .openShopSubmit: "Open the shop",
            .shopTasks: "Shop tasks",
            .shopToShip: "To ship",
            .shopOrdersTitle: "Orders",
            .shopOrdersAll: "All",
            .shopOrdersFilter: "Show orders",
            .shopOrdersEmpty: "No orders here.",
            .shopProducts: "Products ({0})",
            .shopNoProducts: "No products yet.",
            .shopVariantLine: "{0}: {1}, {2} in stock",
            .packingListTitle: "Packing list",
            .packingListSummary: "{0} · {1} orders · printed {2}",
            .packingListPrintHint: "Print this page from your browser's menu; the menus are left off the paper.",
            .packingListPrint: "Print",
            .packingListChosen: "Packing list of the ticked orders (all to ship if none)",
            .packingListInclude: "On the packing list",
            .packingListOrder: "Order {0}",
            .packingListOrdered: "Ordered",
            .packingListItem: "Item",
            .packingListQuantity: "Qty",
            .packingListPacked: "Packed",
            .packingLineShort: "{0} × {1}",
        ],
        zhHans: [
            .shopKindIndividual: "个人店（农户自营）",
            .shopKindEnterprise: "企业店（注册品牌）",
            .shopStatusActive: "营业中",
            .shopStatusSuspended: "已暂停",
            .shopStatusClosed: "已关店",
            .shopsTitle: "我的店铺",
            .shopsEmpty: "你还没有店铺。开店免费。",
            .shopsOpenNew: "开一家店",
            .shopRoleOwner: "店主",
            .shopRoleStaff: "店员",
            .openShopTitle: "开店",
            .openShopIntro: "开店免费，开好就能上架商品。",
            .openShopSubmit: "开店",
            .shopTasks: "店铺事务",
            .shopToShip: "待发货",
            .shopOrdersTitle: "订单",
            .shopOrdersAll: "全部",
            .shopOrdersFilter: "订单筛选",
            .shopOrdersEmpty: "这里没有订单。",
            .shopProducts: "商品（{0}）",
            .shopNoProducts: "还没有商品。",
            .shopVariantLine: "{0}：{1}，库存 {2}",
            .packingListTitle: "配货单",
            .packingListSummary: "{0} · {1} 个订单 · 打印于 {2}",
            .packingListPrintHint: "用浏览器菜单打印本页，打印时不带菜单栏。",
            .packingListPrint: "打印",
            .packingListChosen: "打印勾选订单的配货单（不勾则为全部待发货）",
            .packingListInclude: "加入配货单",
            .packingListOrder: "订单 {0}",
            .packingListOrdered: "下单时间",
            .packingListItem: "商品",
            .packingListQuantity: "数量",
            .packingListPacked: "已装",
            .packingLineShort: "{0} × {1}",
        ])
}
