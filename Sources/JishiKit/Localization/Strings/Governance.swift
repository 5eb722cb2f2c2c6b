extension L10nKey {
    public static let navManage = L10nKey("layout.nav.manage")
    public static let manageTitle = L10nKey("manage.title")
    public static let manageIntro = L10nKey("manage.intro")
    public static let manageDoneHidden = L10nKey("manage.done.hidden")
    public static let manageDoneRestored = L10nKey("manage.done.restored")
    public static let manageDoneSuspended = L10nKey("manage.done.suspended")
    public static let manageDoneReinstated = L10nKey("manage.done.reinstated")
    public static let manageDoneGranted = L10nKey("manage.done.granted")
    public static let manageDoneRevoked = L10nKey("manage.done.revoked")
    public static let manageDoneRate = L10nKey("manage.done.rate")
    public static let manageDoneCategory = L10nKey("manage.done.category")
    public static let moderationReviewsTitle = L10nKey("moderation.reviews.title")
    public static let moderationShopsTitle = L10nKey("moderation.shops.title")
    public static let moderationWaiting = L10nKey("moderation.reviews.waiting")
    public static let moderationHidden = L10nKey("moderation.reviews.hidden")
    public static let moderationNoReviews = L10nKey("moderation.reviews.none")
    public static let moderationHideReason = L10nKey("moderation.reviews.hide-reason")
    public static let moderationRestoreReason = L10nKey("moderation.reviews.restore-reason")
    public static let moderationReportCount = L10nKey("moderation.reviews.report-count")
    public static let moderationLastDecision = L10nKey("moderation.reviews.last-decision")
    public static let moderationHide = L10nKey("moderation.reviews.hide")
    public static let moderationRestore = L10nKey("moderation.reviews.restore")
    public static let moderationReviewMoved = L10nKey("moderation.reviews.moved")
    public static let moderationShopMoved = L10nKey("moderation.shops.moved")
    public static let moderationAllShops = L10nKey("moderation.shops.all")
    public static let moderationNoShops = L10nKey("moderation.shops.none")
    public static let moderationStatusReason = L10nKey("moderation.shops.status-reason")
    public static let moderationEvents = L10nKey("moderation.shops.events")
    public static let moderationTrend = L10nKey("moderation.shops.trend")
    public static let moderationSuspend = L10nKey("moderation.shops.suspend")
    public static let moderationReinstate = L10nKey("moderation.shops.reinstate")
    public static let moderationSuspendReason = L10nKey("moderation.shops.suspend-reason")
    public static let moderationReinstateReason = L10nKey("moderation.shops.reinstate-reason")
    public static let moderationSuspendHint = L10nKey("moderation.shops.suspend-hint")
    public static let moderationReinstateHint = L10nKey("moderation.shops.reinstate-hint")
    public static let adminViewOpen = L10nKey("admin-view.open")
    public static let adminViewBanner = L10nKey("admin-view.banner")
    public static let adminViewBack = L10nKey("admin-view.back")
    public static let adminAccountsTitle = L10nKey("admin.accounts.title")
    public static let adminAccountsSearch = L10nKey("admin.accounts.search")
    public static let adminAccountsSearchHint = L10nKey("admin.accounts.search-hint")
    public static let adminAccountsFind = L10nKey("admin.accounts.find")
    public static let adminAccountsNone = L10nKey("admin.accounts.none")
    public static let adminGrantsTitle = L10nKey("admin.grants.title")
    public static let adminGrantsNone = L10nKey("admin.grants.none")
    public static let adminRevoke = L10nKey("admin.grants.revoke")
    public static let adminRevokeOwnAdmin = L10nKey("admin.grants.revoke-own-admin")
    public static let adminGrantTitle = L10nKey("admin.grant.title")
    public static let adminGrantRole = L10nKey("admin.grant.role")
    public static let adminGrantScope = L10nKey("admin.grant.scope")
    public static let adminGrantScopeHint = L10nKey("admin.grant.scope-hint")
    public static let adminChoose = L10nKey("admin.grant.choose")
    public static let adminGrant = L10nKey("admin.grant.submit")
    public static let grantRoleBuyer = L10nKey("admin.role.buyer")
    public static let grantRoleSeller = L10nKey("admin.role.seller")
    public static let grantRoleAgent = L10nKey("admin.role.agent")
    public static let grantRoleDispatcher = L10nKey("admin.role.dispatcher")
    public static let grantRoleCourier = L10nKey("admin.role.courier")
    public static let grantRoleOfficial = L10nKey("admin.role.official")
    public static let grantRoleAdmin = L10nKey("admin.role.admin")
    public static let scopeEverywhere = L10nKey("admin.scope.everywhere")
    public static let scopeCounty = L10nKey("admin.scope.county")
    public static let scopeTown = L10nKey("admin.scope.town")
    public static let scopeStation = L10nKey("admin.scope.station")
    public static let scopeTowns = L10nKey("admin.scope.towns")
    public static let scopeStations = L10nKey("admin.scope.stations")
    public static let adminCategoriesTitle = L10nKey("admin.categories.title")
    public static let adminCategoriesIntro = L10nKey("admin.categories.intro")
    public static let adminCategoryRate = L10nKey("admin.categories.rate")
    public static let adminSaveRate = L10nKey("admin.categories.save-rate")
    public static let adminRateInvalid = L10nKey("admin.categories.rate-invalid")
    public static let adminAddCategory = L10nKey("admin.categories.add")
    public static let adminCategoryName = L10nKey("admin.categories.name")
    public static let adminCategoryNameEn = L10nKey("admin.categories.name-en")
    public static let adminCategoryCode = L10nKey("admin.categories.code")
    public static let adminCategoryCodeHint = L10nKey("admin.categories.code-hint")
    public static let adminCategoryCodeTaken = L10nKey("admin.categories.code-taken")
}

extension Localization {
    /// The staff pages: moderation by officials, administration by admins.
    static let governance = Area(
        en: [
            .navManage: "Manage",
            .manageTitle: "Manage",
            .manageIntro: "The tools your role gives you, within your area.",
            .manageDoneHidden: "The review is hidden.",
            .manageDoneRestored: "The review shows again.",
            .manageDoneSuspended: "The shop is suspended.",
            .manageDoneReinstated: "The shop is open again.",
            .manageDoneGranted: "The role is granted.",
            .manageDoneRevoked: "The role is taken back.",
            .manageDoneRate: "The commission rate is saved.",
            .manageDoneCategory: "The category is added.",
            .moderationReviewsTitle: "Reported reviews",
            .moderationShopsTitle: "Shops",
            .moderationWaiting: "To decide",
            .moderationHidden: "Hidden",
            .moderationNoReviews: "No reviews here.",
            .moderationHideReason: "Why hide it",
            .moderationRestoreReason: "Why restore it",
            .moderationReportCount: "Reported {0} times",
            .moderationLastDecision: "Last decision: {0}",
            .moderationHide: "Hide the review",
            .moderationRestore: "Show it again",
            .moderationReviewMoved: "Someone decided on this review meanwhile; the list shows it as it is now.",
            .moderationShopMoved: "The shop changed meanwhile; this page shows it as it is now.",
            .moderationAllShops: "All",
            .moderationNoShops: "No shops here.",
            .moderationStatusReason: "Reason: {0}",
            .moderationEvents: "History",
            .moderationTrend: "Rating by month",
            .moderationSuspend: "Suspend the shop",
            .moderationReinstate: "Reopen the shop",
            .moderationSuspendReason: "Why suspend it",
            .moderationReinstateReason: "Why reopen it (optional)",
            .moderationSuspendHint: "The seller sees this reason. Its products leave search until it is reopened.",
            .moderationReinstateHint: "The shop and its products return at once.",
            .adminViewOpen: "Open the seller's dashboard (admin view)",
            .adminViewBanner:
                "Admin view: you see this shop as an admin, not as its seller. Nothing here acts for the shop.",
            .adminViewBack: "Back to the shop's moderation page",
            .adminAccountsTitle: "Accounts and roles",
            .adminAccountsSearch: "Username or name",
            .adminAccountsSearchHint: "Part of it is enough; leave empty for everyone.",
            .adminAccountsFind: "Find",
            .adminAccountsNone: "No account matches.",
            .adminGrantsTitle: "Roles",
            .adminGrantsNone: "No roles.",
            .adminRevoke: "Take back",
            .adminRevokeOwnAdmin: "You cannot take back your own admin role for everywhere.",
            .adminGrantTitle: "Grant a role",
            .adminGrantRole: "Role",
            .adminGrantScope: "Where it applies",
            .adminGrantScopeHint: "An agent works at one station; a courier usually in one town.",
            .adminChoose: "Choose…",
            .adminGrant: "Grant",
            .grantRoleBuyer: "Buyer",
            .grantRoleSeller: "Seller",
            .grantRoleAgent: "Station agent",
            .grantRoleDispatcher: "Dispatcher",
            .grantRoleCourier: "Courier",
            .grantRoleOfficial: "Official",
            .grantRoleAdmin: "Admin",
            .scopeEverywhere: "Everywhere",
            .scopeCounty: "The county",
            .scopeTown: "A town",
            .scopeStation: "A service station",
            .scopeTowns: "Towns",
            .scopeStations: "Service stations and pickup points",
            .adminCategoriesTitle: "Categories and commission",
            .adminCategoriesIntro:
                "Commission is a percentage of each sale, at most 30%. A new rate applies to later orders; orders already placed keep theirs.",
            .adminCategoryRate: "Commission (%)",
            .adminSaveRate: "Save",
            .adminRateInvalid: "Write a percentage from 0 to 30, such as 5 or 2.5.",
            .adminAddCategory: "Add a category",
            .adminCategoryName: "Name in Chinese",
            .adminCategoryNameEn: "Name in English",
            .adminCategoryCode: "Code",
            .adminCategoryCodeHint: "Letters a–z, digits and '-', such as tea or dried-fruit.",
            .adminCategoryCodeTaken: "A category has this code already.",
        ],
        zhHans: [
            .navManage: "管理",
            .manageTitle: "管理",
            .manageIntro: "您的角色在您负责的范围内可用的工具。",
            .manageDoneHidden: "评价已隐藏。",
            .manageDoneRestored: "评价已恢复显示。",
            .manageDoneSuspended: "店铺已暂停。",
            .manageDoneReinstated: "店铺已恢复营业。",
            .manageDoneGranted: "角色已授予。",
            .manageDoneRevoked: "角色已收回。",
            .manageDoneRate: "佣金比例已保存。",
            .manageDoneCategory: "类目已添加。",
            .moderationReviewsTitle: "被举报的评价",
            .moderationShopsTitle: "店铺",
            .moderationWaiting: "待处理",
            .moderationHidden: "已隐藏",
            .moderationNoReviews: "这里没有评价。",
            .moderationHideReason: "隐藏原因",
            .moderationRestoreReason: "恢复原因",
            .moderationReportCount: "被举报 {0} 次",
            .moderationLastDecision: "上次处理：{0}",
            .moderationHide: "隐藏评价",
            .moderationRestore: "恢复显示",
            .moderationReviewMoved: "这条评价刚被别人处理过；列表已是最新状态。",
            .moderationShopMoved: "店铺状态刚刚变了；本页已是最新状态。",
            .moderationAllShops: "全部",
            .moderationNoShops: "这里没有店铺。",
            .moderationStatusReason: "原因：{0}",
            .moderationEvents: "处理记录",
            .moderationTrend: "每月评分",
            .moderationSuspend: "暂停店铺",
            .moderationReinstate: "恢复店铺",
            .moderationSuspendReason: "暂停原因",
            .moderationReinstateReason: "恢复原因（可不填）",
            .moderationSuspendHint: "卖家会看到这个原因。恢复前，店铺商品不会出现在搜索中。",
            .moderationReinstateHint: "店铺和商品会立即恢复。",
            .adminViewOpen: "打开卖家后台（管理员视图）",
            .adminViewBanner: "管理员视图：您以管理员身份查看此店铺，而不是卖家。这里不能替店铺操作。",
            .adminViewBack: "返回店铺管理页",
            .adminAccountsTitle: "账号与角色",
            .adminAccountsSearch: "用户名或姓名",
            .adminAccountsSearchHint: "输入一部分即可；留空显示全部。",
            .adminAccountsFind: "查找",
            .adminAccountsNone: "没有匹配的账号。",
            .adminGrantsTitle: "角色",
            .adminGrantsNone: "没有角色。",
            .adminRevoke: "收回",
            .adminRevokeOwnAdmin: "不能收回您自己的全域管理员角色。",
            .adminGrantTitle: "授予角色",
            .adminGrantRole: "角色",
            .adminGrantScope: "适用范围",
            .adminGrantScopeHint: "服务站代办员只在自己的服务站办理；快递员通常只负责一个镇。",
            .adminChoose: "请选择…",
            .adminGrant: "授予",
            .grantRoleBuyer: "买家",
            .grantRoleSeller: "卖家",
            .grantRoleAgent: "服务站代办员",
            .grantRoleDispatcher: "调度员",
            .grantRoleCourier: "快递员",
            .grantRoleOfficial: "电商办工作人员",
            .grantRoleAdmin: "管理员",
            .scopeEverywhere: "全部地区",
            .scopeCounty: "全县",
            .scopeTown: "某镇",
            .scopeStation: "某服务站",
            .scopeTowns: "镇",
            .scopeStations: "服务站和代收点",
            .adminCategoriesTitle: "类目与佣金",
            .adminCategoriesIntro: "佣金按每笔销售额的百分比收取，最高 30%。新比例只用于之后的订单，已下的订单不变。",
            .adminCategoryRate: "佣金（%）",
            .adminSaveRate: "保存",
            .adminRateInvalid: "请填写 0 到 30 之间的百分比，例如 5 或 2.5。",
            .adminAddCategory: "添加类目",
            .adminCategoryName: "中文名称",
            .adminCategoryNameEn: "英文名称",
            .adminCategoryCode: "代码",
            .adminCategoryCodeHint: "小写字母、数字和“-”，例如 tea 或 dried-fruit。",
            .adminCategoryCodeTaken: "已有类目使用这个代码。",
        ])
}
