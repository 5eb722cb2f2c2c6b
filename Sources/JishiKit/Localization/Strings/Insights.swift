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
        ])
}
