extension L10nKey {
    public static let recognitionTitle = L10nKey("recognition.title")
    public static let recognitionIntro = L10nKey("recognition.intro")
    public static let recognitionYear = L10nKey("recognition.year")
    public static let recognitionShow = L10nKey("recognition.show")
    public static let recognitionCSV = L10nKey("recognition.csv")
    public static let recognitionPrint = L10nKey("recognition.print")
    public static let recognitionSummary = L10nKey("recognition.summary")
    public static let recognitionWindow = L10nKey("recognition.window")
    public static let recognitionVillages = L10nKey("recognition.villages")
    public static let recognitionTowns = L10nKey("recognition.towns")
    public static let recognitionCounties = L10nKey("recognition.counties")
    public static let recognitionVillageMeta = L10nKey("recognition.village-meta")
    public static let recognitionTownMeta = L10nKey("recognition.town-meta")
    public static let recognitionCountyMeta = L10nKey("recognition.county-meta")
    public static let recognitionYes = L10nKey("recognition.yes")
    public static let recognitionNo = L10nKey("recognition.no")
    public static let recognitionResidents = L10nKey("recognition.residents")
    public static let recognitionSubdistrict = L10nKey("recognition.subdistrict")
    public static let recognitionRules = L10nKey("recognition.rules")
    public static let recognitionHint = L10nKey("recognition.hint")
    public static let reasonActiveShops = L10nKey("recognition.reason.active-shops")
    public static let reasonHouseholdShare = L10nKey("recognition.reason.household-share")
    public static let reasonResidentsCommittee = L10nKey("recognition.reason.residents-committee")
    public static let reasonSalesBelow = L10nKey("recognition.reason.sales-below")
    public static let reasonTooFewActiveShops = L10nKey("recognition.reason.too-few-active-shops")
    public static let reasonTaobaoVillages = L10nKey("recognition.reason.taobao-villages")
    public static let reasonSalesAndShops = L10nKey("recognition.reason.sales-and-shops")
    public static let reasonSubdistrict = L10nKey("recognition.reason.subdistrict")
    public static let reasonTooFew = L10nKey("recognition.reason.too-few")
    public static let clusterNone = L10nKey("recognition.cluster.none")
    public static let clusterCluster = L10nKey("recognition.cluster.cluster")
    public static let clusterLarge = L10nKey("recognition.cluster.large")
    public static let clusterSuperLarge = L10nKey("recognition.cluster.super-large")
    public static let importsTitle = L10nKey("imports.title")
    public static let importsIntro = L10nKey("imports.intro")
    public static let importsKind = L10nKey("imports.kind")
    public static let importsGeography = L10nKey("imports.geography")
    public static let importsShops = L10nKey("imports.shops")
    public static let importsSales = L10nKey("imports.sales")
    public static let importsFile = L10nKey("imports.file")
    public static let importsSend = L10nKey("imports.send")
    public static let importsColumns = L10nKey("imports.columns")
    public static let importsDone = L10nKey("imports.done")
    public static let importsDoneSales = L10nKey("imports.done-sales")
    public static let importsRefused = L10nKey("imports.refused")
    public static let importsNoFile = L10nKey("imports.no-file")
    public static let importsTooLarge = L10nKey("imports.too-large")
    public static let registryTitle = L10nKey("registry.title")
    public static let registryIntro = L10nKey("registry.intro")
    public static let registrySummary = L10nKey("registry.summary")
    public static let registryPlatform = L10nKey("registry.platform")
    public static let registryCSV = L10nKey("registry.csv")
    public static let registrySnapshots = L10nKey("registry.snapshots")
    public static let registrySnapshotMeta = L10nKey("registry.snapshot-meta")
    public static let registryNoSnapshots = L10nKey("registry.no-snapshots")
    public static let registryTake = L10nKey("registry.take")
    public static let registryTaken = L10nKey("registry.taken")
    public static let registryCompare = L10nKey("registry.compare")
    public static let registryFrom = L10nKey("registry.from")
    public static let registryTo = L10nKey("registry.to")
    public static let registryShow = L10nKey("registry.show")
    public static let registryChanges = L10nKey("registry.changes")
    public static let registryNoChanges = L10nKey("registry.no-changes")
    public static let registryMoreChanges = L10nKey("registry.more-changes")
    public static let registryChangesCSV = L10nKey("registry.changes-csv")
    public static let changeOpened = L10nKey("registry.change.opened")
    public static let changeClosed = L10nKey("registry.change.closed")
    public static let changeMoved = L10nKey("registry.change.moved")
    public static let changeRecategorised = L10nKey("registry.change.recategorised")
    public static let changeUpgraded = L10nKey("registry.change.upgraded")
    public static let growthTitle = L10nKey("growth.title")
    public static let growthIntro = L10nKey("growth.intro")
    public static let growthPlace = L10nKey("growth.place")
    public static let growthBy = L10nKey("growth.by")
    public static let growthByYear = L10nKey("growth.by-year")
    public static let growthByMonth = L10nKey("growth.by-month")
    public static let growthShow = L10nKey("growth.show")
    public static let growthShopsChart = L10nKey("growth.shops-chart")
    public static let growthOpen = L10nKey("growth.open")
    public static let growthActive = L10nKey("growth.active")
    public static let growthSalesChart = L10nKey("growth.sales-chart")
    public static let growthShareChart = L10nKey("growth.share-chart")
    public static let growthShareLine = L10nKey("growth.share-line")
    public static let growthParcelsChart = L10nKey("growth.parcels-chart")
    public static let growthIn = L10nKey("growth.in")
    public static let growthOut = L10nKey("growth.out")
    public static let growthRow = L10nKey("growth.row")
    public static let growthCSV = L10nKey("growth.csv")
    public static let growthGeoJSON = L10nKey("growth.geojson")
    public static let growthMapTitle = L10nKey("growth.map-title")
    public static let growthMapCaption = L10nKey("growth.map-caption")
    public static let growthSummary = L10nKey("growth.summary")
    public static let growthShareNote = L10nKey("growth.share-note")
    public static let sitingTitle = L10nKey("siting.title")
    public static let sitingIntro = L10nKey("siting.intro")
    public static let sitingPlace = L10nKey("siting.place")
    public static let sitingSites = L10nKey("siting.sites")
    public static let sitingObjective = L10nKey("siting.objective")
    public static let sitingPMedian = L10nKey("siting.p-median")
    public static let sitingCovering = L10nKey("siting.covering")
    public static let sitingRadius = L10nKey("siting.radius")
    public static let sitingDemand = L10nKey("siting.demand")
    public static let sitingHouseholds = L10nKey("siting.households")
    public static let sitingParcels = L10nKey("siting.parcels")
    public static let sitingRun = L10nKey("siting.run")
    public static let sitingChosen = L10nKey("siting.chosen")
    public static let sitingBefore = L10nKey("siting.before")
    public static let sitingAfter = L10nKey("siting.after")
    public static let sitingFigures = L10nKey("siting.figures")
    public static let sitingProven = L10nKey("siting.proven")
    public static let sitingGap = L10nKey("siting.gap")
    public static let sitingMapCaption = L10nKey("siting.map-caption")
    public static let qualityTitle = L10nKey("quality.title")
    public static let qualityIntro = L10nKey("quality.intro")
    public static let qualityMonth = L10nKey("quality.month")
    public static let qualityShow = L10nKey("quality.show")
    public static let qualityAlerts = L10nKey("quality.alerts")
    public static let qualityNoAlerts = L10nKey("quality.no-alerts")
    public static let qualityDetect = L10nKey("quality.detect")
    public static let qualityDetected = L10nKey("quality.detected")
    public static let qualityPriceWar = L10nKey("quality.price-war")
    public static let qualityRefundRate = L10nKey("quality.refund-rate")
    public static let qualityRating = L10nKey("quality.rating")
    public static let qualityStatusOpen = L10nKey("quality.status.open")
    public static let qualityStatusAcknowledged = L10nKey("quality.status.acknowledged")
    public static let qualityStatusClosed = L10nKey("quality.status.closed")
    public static let qualityNote = L10nKey("quality.note")
    public static let qualityAcknowledge = L10nKey("quality.acknowledge")
    public static let qualityClose = L10nKey("quality.close")
    public static let qualityRules = L10nKey("quality.rules")
    public static let qualityRulePrice = L10nKey("quality.rule-price")
    public static let qualityRuleRefund = L10nKey("quality.rule-refund")
    public static let qualityRuleRating = L10nKey("quality.rule-rating")
    public static let qualityRuleOrders = L10nKey("quality.rule-orders")
    public static let qualityRuleReviews = L10nKey("quality.rule-reviews")
    public static let qualitySaveRules = L10nKey("quality.save-rules")
    public static let qualityRulesSaved = L10nKey("quality.rules-saved")
    public static let qualityCategories = L10nKey("quality.categories")
    public static let qualityVillages = L10nKey("quality.villages")
    public static let qualityCategoryRow = L10nKey("quality.category-row")
    public static let qualityVillageRow = L10nKey("quality.village-row")
    public static let qualityNone = L10nKey("quality.none")
}

extension Localization {
    /// What the town and county governments read: recognition, and the files they load.
    static let insights = Area(
        en: [
            .recognitionTitle: "Taobao villages",
            .recognitionIntro:
                "Taobao villages, Taobao towns and county clusters by AliResearch's rules, from Jishi's own orders and the sales reported from other platforms.",
            .recognitionYear: "Year",
            .recognitionShow: "Show",
            .recognitionCSV: "Download as CSV",
            .recognitionPrint: "Print the report",
            .recognitionSummary: "{0}: {1} Taobao villages, {2} Taobao towns.",
            .recognitionWindow: "Sales from 1 July {0} to 30 June {1}; shops active on 30 June {1}.",
            .recognitionVillages: "Villages",
            .recognitionTowns: "Towns",
            .recognitionCounties: "Counties",
            .recognitionVillageMeta: "Sales {0} · {1} active shops · {2} households",
            .recognitionTownMeta: "Sales {0} · {1} active shops · {2} Taobao villages",
            .recognitionCountyMeta: "{0} Taobao villages · {1} Taobao towns",
            .recognitionYes: "Recognised",
            .recognitionNo: "Not recognised",
            .recognitionResidents: "residents' committee",
            .recognitionSubdistrict: "sub-district",
            .recognitionRules:
                "A Taobao village sells at least CNY 10 million in the year and has at least 100 active shops or active shops for 10 % of its households. A shop is active when it opened at least 30 days before 30 June and had at least one order a month in April to June (in the months it was open). From 2019 a town also counts with sales over CNY 30 million and over 300 active shops; from 2020 residents' committees and sub-districts do not count.",
            .recognitionHint: "Prints on A4 with the evidence of every decision.",
            .reasonActiveShops: "100 active shops or more",
            .reasonHouseholdShare: "active shops for 10 % of households or more",
            .reasonResidentsCommittee: "a residents' committee (not counted from 2020)",
            .reasonSalesBelow: "sales under CNY 10 million",
            .reasonTooFewActiveShops: "under 100 active shops and under 10 % of households",
            .reasonTaobaoVillages: "3 Taobao villages or more",
            .reasonSalesAndShops: "sales over CNY 30 million and over 300 active shops",
            .reasonSubdistrict: "a sub-district (not counted from 2020)",
            .reasonTooFew: "under 3 Taobao villages",
            .clusterNone: "no cluster",
            .clusterCluster: "a Taobao village cluster",
            .clusterLarge: "a large cluster",
            .clusterSuperLarge: "a super-large cluster",
            .importsTitle: "Load figures",
            .importsIntro:
                "Load the division list, or the shops the county's sellers run on other platforms and their monthly sales, from a CSV file (UTF-8). The whole file is checked first: if a row is bad, nothing is written and every bad line is named.",
            .importsKind: "What the file holds",
            .importsGeography: "Division list (counties, towns, villages)",
            .importsShops: "Shops on other platforms",
            .importsSales: "Monthly sales on other platforms",
            .importsFile: "CSV file",
            .importsSend: "Load",
            .importsColumns: "Columns: {0}",
            .importsDone: "Loaded: {0} added, {1} updated, {2} unchanged.",
            .importsDoneSales: "Loaded: {0} shop-months written.",
            .importsRefused: "Nothing was written. Fix these rows and load the file again:",
            .importsNoFile: "Choose a CSV file first.",
            .importsTooLarge: "The file is too large for the page; load it with `jishi import`.",
            .registryTitle: "Shop registry",
            .registryIntro:
                "Every shop of the county on any platform, with its village, kind, main category, opening and closing. A snapshot is taken at each month's turn; compare any two.",
            .registrySummary: "{0} shops, {1} of them open; {2} enterprises.",
            .registryPlatform: "{0}: {1} shops, {2} open",
            .registryCSV: "Download the registry (CSV)",
            .registrySnapshots: "Monthly snapshots",
            .registrySnapshotMeta: "{0}: {1} shops",
            .registryNoSnapshots: "No snapshot yet: the first is taken at the month's turn.",
            .registryTake: "Take this month's snapshot now",
            .registryTaken: "The snapshot of {0} is taken: {1} shops.",
            .registryCompare: "What changed",
            .registryFrom: "From",
            .registryTo: "To",
            .registryShow: "Compare",
            .registryChanges: "{0} changes from {1} to {2}",
            .registryNoChanges: "Nothing changed between these snapshots.",
            .registryMoreChanges: "The first {0} are shown; the CSV has them all.",
            .registryChangesCSV: "Download the changes (CSV)",
            .changeOpened: "opened {0}",
            .changeClosed: "closed {0}",
            .changeMoved: "moved here from {0}",
            .changeRecategorised: "main category {0} → {1}",
            .changeUpgraded: "upgraded to an enterprise",
            .growthTitle: "Growth",
            .growthIntro:
                "Shops, active shops, sales and parcels of the county, a town or a village, by year or by month, on every platform.",
            .growthPlace: "Place",
            .growthBy: "By",
            .growthByYear: "year",
            .growthByMonth: "month (last two years)",
            .growthShow: "Show",
            .growthShopsChart: "Shops open and active",
            .growthOpen: "open",
            .growthActive: "active",
            .growthSalesChart: "Sales (yuan)",
            .growthShareChart: "Shops per 100 households",
            .growthShareLine: "10 % of households",
            .growthParcelsChart: "Parcels in and out",
            .growthIn: "in",
            .growthOut: "out",
            .growthRow: "{0} shops ({1} active) · {2} · {3} orders · parcels {4} in, {5} out",
            .growthCSV: "Download as CSV",
            .growthGeoJSON: "Map layers (GeoJSON)",
            .growthMapTitle: "Shops per household, {0}",
            .growthMapCaption:
                "Each village a dot, darker with more shops per household (none, under 5, 5–10, 10–30, 30 or more per 100 households); ringed in black: a Taobao village in {0}. Squares: stations and pickup points. Grey: roads.",
            .growthSummary: "{0}: {1} households.",
            .growthShareNote:
                "Shops per household counts one shop a household; the census gives today's households for every year.",
            .sitingTitle: "Where the next stations go",
            .sitingIntro:
                "Choose how many new stations or pickup points; the existing ones stay. Villages without a station are the candidates, distances are by road. p-median brings the households (or parcels) as close as it can on average; covering reaches as many as it can within the radius.",
            .sitingPlace: "Place",
            .sitingSites: "New sites",
            .sitingObjective: "Aim",
            .sitingPMedian: "shortest average distance (p-median)",
            .sitingCovering: "most within the radius (covering)",
            .sitingRadius: "Radius (km)",
            .sitingDemand: "Weigh villages by",
            .sitingHouseholds: "households",
            .sitingParcels: "parcels (last 90 days)",
            .sitingRun: "Find the sites",
            .sitingChosen: "New sites",
            .sitingBefore: "Now",
            .sitingAfter: "With the new sites",
            .sitingFigures: "mean {0} km · farthest {1} km · {2} of {3} within {4} km",
            .sitingProven: "Proven best: no choice of sites does better.",
            .sitingGap: "Within {0} of the best possible (the bound the solver proved).",
            .sitingMapCaption:
                "Grey dots: villages. Black squares: the stations and pickup points today. Red diamonds: the new sites.",
            .qualityTitle: "Quality and prices",
            .qualityIntro:
                "A month on Jishi by category and village: orders, the share refunded, the rating of the month's reviews and the median price paid, with the alerts they raise. Other platforms report sales only.",
            .qualityMonth: "Month",
            .qualityShow: "Show",
            .qualityAlerts: "Alerts",
            .qualityNoAlerts: "No alerts.",
            .qualityDetect: "Look at this month now",
            .qualityDetected: "{0} new alerts.",
            .qualityPriceWar:
                "{0}: median price {1}, down from {2} three months before, while shops selling rose from {3} to {4}",
            .qualityRefundRate: "{0}: {1} of orders refunded",
            .qualityRating: "{0}: rated {1} of 5",
            .qualityStatusOpen: "open",
            .qualityStatusAcknowledged: "acknowledged",
            .qualityStatusClosed: "closed",
            .qualityNote: "Note",
            .qualityAcknowledge: "Acknowledge",
            .qualityClose: "Close",
            .qualityRules: "When to raise an alert",
            .qualityRulePrice: "Median price falls by more than (%) over three months",
            .qualityRuleRefund: "Refund rate at least (%)",
            .qualityRuleRating: "Rating at most",
            .qualityRuleOrders: "From at least this many orders",
            .qualityRuleReviews: "From at least this many reviews",
            .qualitySaveRules: "Save",
            .qualityRulesSaved: "The rules are saved.",
            .qualityCategories: "By category",
            .qualityVillages: "By village",
            .qualityCategoryRow: "{0} orders · {1} shops · median price {2}",
            .qualityVillageRow: "{0} orders · refunded {1} · rating {2}",
            .qualityNone: "No orders this month.",
        ],
        zhHans: [
            .recognitionTitle: "淘宝村认定",
            .recognitionIntro: "按阿里研究院标准认定的淘宝村、淘宝镇和县域集群，数据来自集市平台订单和其他平台上报的销售额。",
            .recognitionYear: "年份",
            .recognitionShow: "查看",
            .recognitionCSV: "下载 CSV",
            .recognitionPrint: "打印报告",
            .recognitionSummary: "{0}年：淘宝村 {1} 个，淘宝镇 {2} 个。",
            .recognitionWindow: "销售额统计期：{0}年7月1日至{1}年6月30日；活跃网店以{1}年6月30日为准。",
            .recognitionVillages: "行政村",
            .recognitionTowns: "乡镇",
            .recognitionCounties: "县",
            .recognitionVillageMeta: "销售额 {0} · 活跃网店 {1} 家 · {2} 户",
            .recognitionTownMeta: "销售额 {0} · 活跃网店 {1} 家 · 淘宝村 {2} 个",
            .recognitionCountyMeta: "淘宝村 {0} 个 · 淘宝镇 {1} 个",
            .recognitionYes: "达标",
            .recognitionNo: "未达标",
            .recognitionResidents: "居委会",
            .recognitionSubdistrict: "街道",
            .recognitionRules:
                "淘宝村：年电子商务销售额达到1000万元，且活跃网店不少于100家或活跃网店数达到当地家庭户数的10%。活跃网店：6月30日前开店满30天，且4至6月（开店的月份）平均每月至少1笔订单。2019年起，乡镇电商销售额超过3000万元且活跃网店超过300家也可认定为淘宝镇；2020年起居委会和街道不参加认定。",
            .recognitionHint: "可用A4纸打印，附每项认定的依据。",
            .reasonActiveShops: "活跃网店100家以上",
            .reasonHouseholdShare: "活跃网店达到家庭户数的10%",
            .reasonResidentsCommittee: "居委会（2020年起不参加认定）",
            .reasonSalesBelow: "销售额不足1000万元",
            .reasonTooFewActiveShops: "活跃网店不足100家且不足户数的10%",
            .reasonTaobaoVillages: "淘宝村3个以上",
            .reasonSalesAndShops: "销售额超过3000万元且活跃网店超过300家",
            .reasonSubdistrict: "街道（2020年起不参加认定）",
            .reasonTooFew: "淘宝村不足3个",
            .clusterNone: "未形成集群",
            .clusterCluster: "淘宝村集群",
            .clusterLarge: "大型淘宝村集群",
            .clusterSuperLarge: "超大型淘宝村集群",
            .importsTitle: "导入数据",
            .importsIntro: "从CSV文件（UTF-8）导入行政区划，或本县卖家在其他平台开设的网店及其月销售额。导入前会检查整个文件：有任何一行出错都不写入，并列出每个出错的行。",
            .importsKind: "文件内容",
            .importsGeography: "行政区划（县、乡镇、村）",
            .importsShops: "其他平台的网店",
            .importsSales: "其他平台的月销售额",
            .importsFile: "CSV 文件",
            .importsSend: "导入",
            .importsColumns: "列：{0}",
            .importsDone: "已导入：新增 {0}，更新 {1}，未变 {2}。",
            .importsDoneSales: "已导入：写入 {0} 条网店月度数据。",
            .importsRefused: "未写入任何数据。请改正以下各行后重新导入：",
            .importsNoFile: "请先选择CSV文件。",
            .importsTooLarge: "文件太大，无法在网页导入；请用 `jishi import` 命令导入。",
            .registryTitle: "网店登记",
            .registryIntro: "本县在各平台开设的全部网店，包括所在村、类型、主营类目、开店和关店日期。每月初自动留存上月快照，可比较任意两个月。",
            .registrySummary: "共 {0} 家网店，其中 {1} 家在营；企业店 {2} 家。",
            .registryPlatform: "{0}：{1} 家，在营 {2} 家",
            .registryCSV: "下载登记表（CSV）",
            .registrySnapshots: "月度快照",
            .registrySnapshotMeta: "{0}：{1} 家网店",
            .registryNoSnapshots: "还没有快照：第一份快照将在月初生成。",
            .registryTake: "立即生成本月快照",
            .registryTaken: "已生成{0}快照：{1} 家网店。",
            .registryCompare: "变化情况",
            .registryFrom: "从",
            .registryTo: "到",
            .registryShow: "比较",
            .registryChanges: "{1} 至 {2} 共 {0} 项变化",
            .registryNoChanges: "两个快照之间没有变化。",
            .registryMoreChanges: "仅显示前 {0} 项；CSV 文件包含全部变化。",
            .registryChangesCSV: "下载变化明细（CSV）",
            .changeOpened: "{0} 开店",
            .changeClosed: "{0} 关店",
            .changeMoved: "由 {0} 迁入",
            .changeRecategorised: "主营类目 {0} → {1}",
            .changeUpgraded: "升级为企业店",
            .growthTitle: "发展情况",
            .growthIntro: "全县、乡镇或村在各平台的网店数、活跃网店数、销售额和进出包裹量，按年或按月统计。",
            .growthPlace: "地区",
            .growthBy: "统计周期",
            .growthByYear: "按年",
            .growthByMonth: "按月（近两年）",
            .growthShow: "查看",
            .growthShopsChart: "在营网店与活跃网店",
            .growthOpen: "在营",
            .growthActive: "活跃",
            .growthSalesChart: "销售额（元）",
            .growthShareChart: "每百户网店数",
            .growthShareLine: "户数的10%",
            .growthParcelsChart: "进出包裹",
            .growthIn: "进",
            .growthOut: "出",
            .growthRow: "网店 {0} 家（活跃 {1} 家）· {2} · 订单 {3} 笔 · 包裹进 {4} 出 {5}",
            .growthCSV: "下载 CSV",
            .growthGeoJSON: "地图图层（GeoJSON）",
            .growthMapTitle: "每户网店数：{0}",
            .growthMapCaption: "每个圆点是一个村，网店越多颜色越深（无、每百户不足5家、5–10家、10–30家、30家以上）；黑圈为{0}年淘宝村。方块为服务站和自提点，灰线为道路。",
            .growthSummary: "{0}：{1} 户。",
            .growthShareNote: "每户网店数按一户一店计算；各年均按现有户籍户数计。",
            .sitingTitle: "服务站选址",
            .sitingIntro: "选择要新设的服务站或自提点数量，现有站点保留不变。没有站点的村为候选地，距离按道路计算。p-中位模型使各户（或包裹）到站点的平均距离最短；覆盖模型使半径内覆盖的户数最多。",
            .sitingPlace: "地区",
            .sitingSites: "新增站点数",
            .sitingObjective: "目标",
            .sitingPMedian: "平均距离最短（p-中位）",
            .sitingCovering: "半径内覆盖最多（最大覆盖）",
            .sitingRadius: "半径（公里）",
            .sitingDemand: "各村权重",
            .sitingHouseholds: "户数",
            .sitingParcels: "包裹数（近90天）",
            .sitingRun: "计算选址",
            .sitingChosen: "新增站点",
            .sitingBefore: "现状",
            .sitingAfter: "新增站点后",
            .sitingFigures: "平均 {0} 公里 · 最远 {1} 公里 · {4} 公里内 {2}/{3}",
            .sitingProven: "已证明最优：任何选址都不会更好。",
            .sitingGap: "与理论最优相差不超过 {0}（求解器证明的界）。",
            .sitingMapCaption: "灰色圆点为各村；黑色方块为现有服务站和自提点；红色菱形为新增站点。",
            .qualityTitle: "质量与价格",
            .qualityIntro: "集市平台某月按类目和村统计的订单数、退款比例、当月评价评分和成交价格中位数，以及据此发出的预警。其他平台只上报销售额。",
            .qualityMonth: "月份",
            .qualityShow: "查看",
            .qualityAlerts: "预警",
            .qualityNoAlerts: "暂无预警。",
            .qualityDetect: "立即检查本月",
            .qualityDetected: "新增 {0} 条预警。",
            .qualityPriceWar: "{0}：成交价中位数 {1}，三个月前为 {2}，同期在售网店由 {3} 家增至 {4} 家",
            .qualityRefundRate: "{0}：{1} 的订单退款",
            .qualityRating: "{0}：评分 {1}（满分5分）",
            .qualityStatusOpen: "待处理",
            .qualityStatusAcknowledged: "已知悉",
            .qualityStatusClosed: "已关闭",
            .qualityNote: "处理说明",
            .qualityAcknowledge: "知悉",
            .qualityClose: "关闭",
            .qualityRules: "预警条件",
            .qualityRulePrice: "三个月内价格中位数下降超过（%）",
            .qualityRuleRefund: "退款比例不低于（%）",
            .qualityRuleRating: "评分不高于",
            .qualityRuleOrders: "订单数至少",
            .qualityRuleReviews: "评价数至少",
            .qualitySaveRules: "保存",
            .qualityRulesSaved: "预警条件已保存。",
            .qualityCategories: "按类目",
            .qualityVillages: "按村",
            .qualityCategoryRow: "订单 {0} 笔 · 网店 {1} 家 · 价格中位数 {2}",
            .qualityVillageRow: "订单 {0} 笔 · 退款 {1} · 评分 {2}",
            .qualityNone: "本月没有订单。",
        ])
}
