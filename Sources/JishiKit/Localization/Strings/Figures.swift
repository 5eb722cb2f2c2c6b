extension L10nKey {
    public static let figuresTitle = L10nKey("figures.title")
    public static let figuresIntro = L10nKey("figures.intro")
    public static let figuresFrom = L10nKey("figures.from")
    public static let figuresTo = L10nKey("figures.to")
    public static let figuresTown = L10nKey("figures.town")
    public static let figuresWholeCounty = L10nKey("figures.whole-county")
    public static let figuresShow = L10nKey("figures.show")
    public static let figuresCSV = L10nKey("figures.csv")
    public static let figuresSummary = L10nKey("figures.summary")
    public static let figuresNone = L10nKey("figures.none")
    public static let figuresVillages = L10nKey("figures.villages")
    public static let figuresVillageMeta = L10nKey("figures.village-meta")
    public static let figuresCostPerParcel = L10nKey("figures.cost-per-parcel")
    public static let figuresFirstAttempt = L10nKey("figures.first-attempt")
    public static let figuresDwellTitle = L10nKey("figures.dwell-title")
    public static let figuresDwellMeta = L10nKey("figures.dwell-meta")
    public static let figuresDwellNone = L10nKey("figures.dwell-none")
    public static let figuresMapTitle = L10nKey("figures.map-title")
    public static let figuresMapCaption = L10nKey("figures.map-caption")
    public static let figuresNoMap = L10nKey("figures.no-map")
    public static let figuresCompareTitle = L10nKey("figures.compare-title")
    public static let figuresCompareHint = L10nKey("figures.compare-hint")
    public static let figuresCompare = L10nKey("figures.compare")
    public static let figuresCompareResult = L10nKey("figures.compare-result")
    public static let figuresCompareCarrier = L10nKey("figures.compare-carrier")
    public static let figuresRefused = L10nKey("figures.refused")
    public static let manifestTitle = L10nKey("manifest.title")
    public static let manifestLink = L10nKey("manifest.link")
    public static let manifestMeta = L10nKey("manifest.meta")
    public static let manifestStop = L10nKey("manifest.stop")
    public static let manifestLeave = L10nKey("manifest.leave")
    public static let manifestCollect = L10nKey("manifest.collect")
    public static let manifestNothing = L10nKey("manifest.nothing")
    public static let manifestTracking = L10nKey("manifest.tracking")
    public static let manifestWeight = L10nKey("manifest.weight")
    public static let manifestContact = L10nKey("manifest.contact")
    public static let manifestSignature = L10nKey("manifest.signature")
    public static let manifestPrint = L10nKey("manifest.print")
    public static let manifestHint = L10nKey("manifest.hint")
    public static let manifestDraft = L10nKey("manifest.draft")
}

extension Localization {
    /// What the county sees of its network, and the runs' printed manifests.
    static let figures = Area(
        en: [
            .figuresTitle: "Logistics figures",
            .figuresIntro:
                "What the shared network did on the published runs: parcels in and out per village, what each parcel cost (each leg of a run shared by the weight on board), deliveries on the first attempt and time on station shelves.",
            .figuresFrom: "From",
            .figuresTo: "To",
            .figuresTown: "Town",
            .figuresWholeCounty: "The whole county",
            .figuresShow: "Show",
            .figuresCSV: "Download as CSV",
            .figuresSummary:
                "Published plans: {0} · {1} parcels · {2} · {3} a parcel · {4} delivered on the first attempt",
            .figuresNone: "No published runs in these days.",
            .figuresVillages: "By village",
            .figuresVillageMeta: "in {0} · out {1} · {2} · {3} a parcel",
            .figuresCostPerParcel: "Cost a parcel",
            .figuresFirstAttempt: "first attempt {0} of {1} · shelf {2} h",
            .figuresDwellTitle: "Time on station shelves",
            .figuresDwellMeta: "handed out {0} · median {1} h · mean {2} h · waiting {3}",
            .figuresDwellNone: "No parcel has reached a station shelf in these days.",
            .figuresMapTitle: "The runs of {0}",
            .figuresMapCaption:
                "Roads in grey, stations as grey dots, each run in its colour from the hub (black square).",
            .figuresNoMap: "No published plan on {0}.",
            .figuresCompareTitle: "One shared run against one per carrier",
            .figuresCompareHint:
                "The day's parcels planned again: once together, once for each carrier alone. Takes a few seconds.",
            .figuresCompare: "Compare",
            .figuresCompareResult:
                "Shared: {0} km a parcel ({1} km, {2} runs). Each carrier alone: {3} km a parcel ({4} km).",
            .figuresCompareCarrier: "{0}: {1} runs, {2} parcels, {3} km",
            .figuresRefused: "Not possible: {0}",
            .manifestTitle: "Run manifest",
            .manifestLink: "Print the manifest",
            .manifestMeta: "{0} · {1} km · {2} stops · leaves {3} at {4}",
            .manifestStop: "Stop {0} · {1} · {2}",
            .manifestLeave: "To leave ({0})",
            .manifestCollect: "To collect ({0})",
            .manifestNothing: "Nothing.",
            .manifestTracking: "Tracking number",
            .manifestWeight: "Weight",
            .manifestContact: "Contact",
            .manifestSignature: "Received / handed over by (signature, time):",
            .manifestPrint: "Print",
            .manifestHint: "Prints on A4; each stop keeps to one page where it can.",
            .manifestDraft: "Draft: the plan may still change.",
        ],
        zhHans: [
            .figuresTitle: "物流数据",
            .figuresIntro: "共同配送网络在已发布车次上的成效：各村进出件数、每件成本（每段路程按车上货物重量分摊）、首次投递成功率和服务站存放时长。",
            .figuresFrom: "从",
            .figuresTo: "到",
            .figuresTown: "乡镇",
            .figuresWholeCounty: "全县",
            .figuresShow: "查看",
            .figuresCSV: "下载 CSV",
            .figuresSummary: "已发布计划 {0} 个 · 包裹 {1} 件 · {2} · 每件 {3} · 首次投递成功 {4}",
            .figuresNone: "这些天没有已发布的车次。",
            .figuresVillages: "各村",
            .figuresVillageMeta: "进 {0} · 出 {1} · {2} · 每件 {3}",
            .figuresCostPerParcel: "每件成本",
            .figuresFirstAttempt: "首次投递 {0} / {1} · 存放 {2} 小时",
            .figuresDwellTitle: "服务站存放时长",
            .figuresDwellMeta: "已取 {0} · 中位 {1} 小时 · 平均 {2} 小时 · 待取 {3}",
            .figuresDwellNone: "这些天没有包裹到达服务站。",
            .figuresMapTitle: "{0} 的车次",
            .figuresMapCaption: "灰线为道路，灰点为站点，各车次以不同颜色从县中心（黑色方块）出发。",
            .figuresNoMap: "{0} 没有已发布的计划。",
            .figuresCompareTitle: "共同配送与各快递自送对比",
            .figuresCompareHint: "把当天的包裹重新规划：一次合并配送，一次各快递公司单独配送。需要几秒钟。",
            .figuresCompare: "对比",
            .figuresCompareResult: "共同配送：每件 {0} 公里（共 {1} 公里，{2} 个车次）。各自配送：每件 {3} 公里（共 {4} 公里）。",
            .figuresCompareCarrier: "{0}：{1} 个车次，{2} 件，{3} 公里",
            .figuresRefused: "无法完成：{0}",
            .manifestTitle: "车次交接单",
            .manifestLink: "打印交接单",
            .manifestMeta: "{0} · {1} 公里 · {2} 站 · {3} {4} 出发",
            .manifestStop: "第 {0} 站 · {1} · {2}",
            .manifestLeave: "卸下（{0} 件）",
            .manifestCollect: "揽收（{0} 件）",
            .manifestNothing: "无。",
            .manifestTracking: "运单号",
            .manifestWeight: "重量",
            .manifestContact: "联系人",
            .manifestSignature: "交接人签字及时间：",
            .manifestPrint: "打印",
            .manifestHint: "用 A4 纸打印；每站尽量在同一页。",
            .manifestDraft: "草稿：计划还可能变化。",
        ])
}
