extension L10nKey {
    public static let simulationTitle = L10nKey("simulation.title")
    public static let simulationIntro = L10nKey("simulation.intro")
    public static let simulationPlace = L10nKey("simulation.place")
    public static let simulationName = L10nKey("simulation.name")
    public static let simulationLevers = L10nKey("simulation.levers")
    public static let simulationLeversHint = L10nKey("simulation.levers-hint")
    public static let simulationStation = L10nKey("simulation.station")
    public static let simulationBroadband = L10nKey("simulation.broadband")
    public static let simulationBroadbandHint = L10nKey("simulation.broadband-hint")
    public static let simulationTraining = L10nKey("simulation.training")
    public static let simulationSubsidy = L10nKey("simulation.subsidy")
    public static let simulationSubsidyYears = L10nKey("simulation.subsidy-years")
    public static let simulationPark = L10nKey("simulation.park")
    public static let simulationRegistries = L10nKey("simulation.registries")
    public static let simulationReturnees = L10nKey("simulation.returnees")
    public static let simulationHorizon = L10nKey("simulation.horizon")
    public static let simulationYears = L10nKey("simulation.years")
    public static let simulationRuns = L10nKey("simulation.runs")
    public static let simulationSeed = L10nKey("simulation.seed")
    public static let simulationBackgroundHint = L10nKey("simulation.background-hint")
    public static let simulationRun = L10nKey("simulation.run")
    public static let simulationSaved = L10nKey("simulation.saved")
    public static let simulationNoRuns = L10nKey("simulation.no-runs")
    public static let simulationQueued = L10nKey("simulation.queued")
    public static let simulationRunning = L10nKey("simulation.running")
    public static let simulationDone = L10nKey("simulation.done")
    public static let simulationFailed = L10nKey("simulation.failed")
    public static let simulationCompare = L10nKey("simulation.compare")
    public static let simulationCompareA = L10nKey("simulation.compare-a")
    public static let simulationCompareB = L10nKey("simulation.compare-b")
    public static let simulationCompareShow = L10nKey("simulation.compare-show")
    public static let simulationCompareTitle = L10nKey("simulation.compare-title")
    public static let simulationCompareEffects = L10nKey("simulation.compare-effects")
    public static let simulationCompareNotDone = L10nKey("simulation.compare-not-done")
    public static let simulationFigure = L10nKey("simulation.figure")
    public static let simulationAbout = L10nKey("simulation.about")
    public static let simulationNoLevers = L10nKey("simulation.no-levers")
    public static let simulationLeverStation = L10nKey("simulation.lever-station")
    public static let simulationLeverStationTown = L10nKey("simulation.lever-station-town")
    public static let simulationLeverBroadband = L10nKey("simulation.lever-broadband")
    public static let simulationLeverTraining = L10nKey("simulation.lever-training")
    public static let simulationLeverSubsidy = L10nKey("simulation.lever-subsidy")
    public static let simulationLeverPark = L10nKey("simulation.lever-park")
    public static let simulationLeverRegistries = L10nKey("simulation.lever-registries")
    public static let simulationLeverReturnees = L10nKey("simulation.lever-returnees")
    public static let simulationQueuedDetail = L10nKey("simulation.queued-detail")
    public static let simulationRefreshes = L10nKey("simulation.refreshes")
    public static let simulationFailedDetail = L10nKey("simulation.failed-detail")
    public static let simulationCSV = L10nKey("simulation.csv")
    public static let simulationNew = L10nKey("simulation.new")
    public static let simulationShown = L10nKey("simulation.shown")
    public static let simulationView = L10nKey("simulation.view")
    public static let simulationTownTotal = L10nKey("simulation.town-total")
    public static let simulationShow = L10nKey("simulation.show")
    public static let simulationBaseline = L10nKey("simulation.baseline")
    public static let simulationScenario = L10nKey("simulation.scenario")
    public static let simulationBand = L10nKey("simulation.band")
    public static let simulationBandEach = L10nKey("simulation.band-each")
    public static let simulationHouseholds = L10nKey("simulation.households")
    public static let simulationShops = L10nKey("simulation.shops")
    public static let simulationActive = L10nKey("simulation.active")
    public static let simulationSales = L10nKey("simulation.sales")
    public static let simulationParcelsOut = L10nKey("simulation.parcels-out")
    public static let simulationParcelsIn = L10nKey("simulation.parcels-in")
    public static let simulationEffects = L10nKey("simulation.effects")
    public static let simulationEffectsNote = L10nKey("simulation.effects-note")
    public static let simulationYear = L10nKey("simulation.year")
    public static let simulationWithout = L10nKey("simulation.without")
    public static let simulationWith = L10nKey("simulation.with")
    public static let simulationEffect = L10nKey("simulation.effect")
    public static let simulationTaobao = L10nKey("simulation.taobao")
    public static let simulationTaobaoShare = L10nKey("simulation.taobao-share")
    public static let simulationTaobaoVillages = L10nKey("simulation.taobao-villages")
    public static let simulationTaobaoTown = L10nKey("simulation.taobao-town")
    public static let simulationModelNote = L10nKey("simulation.model-note")
    public static let simulationErrorPlace = L10nKey("simulation.error.place")
    public static let simulationErrorUnknownPlace = L10nKey("simulation.error.unknown-place")
    public static let simulationErrorName = L10nKey("simulation.error.name")
    public static let simulationErrorBroadband = L10nKey("simulation.error.broadband")
    public static let simulationErrorPeople = L10nKey("simulation.error.people")
    public static let simulationErrorSubsidy = L10nKey("simulation.error.subsidy")
    public static let simulationErrorSubsidyYears = L10nKey("simulation.error.subsidy-years")
    public static let simulationErrorYears = L10nKey("simulation.error.years")
    public static let simulationErrorRuns = L10nKey("simulation.error.runs")
    public static let simulationErrorSeed = L10nKey("simulation.error.seed")
    public static let simulationErrorScenario = L10nKey("simulation.error.scenario")
    public static let simulationErrorTooLarge = L10nKey("simulation.error.too-large")
}

extension Localization {
    /// The officials' policy scenarios: the growth model's form, runs and comparisons.
    static let simulation = Area(
        en: [
            .simulationTitle: "Policy scenarios",
            .simulationIntro:
                "Ask the growth model what a lever would do: choose a village or a whole town, pull the levers, and the model runs the households of every village from today's shops and sales (read from the database) with and without them, many times with the same seeds. Read the curves as ranges, not forecasts.",
            .simulationPlace: "Village or town",
            .simulationName: "Name (optional)",
            .simulationLevers: "Levers (from the first year)",
            .simulationLeversHint:
                "Leave a lever empty to leave it out. In a town, every village gets the station, broadband, subsidy, park and registries; training places and returnees are shared among its villages by households.",
            .simulationStation: "A village logistics station",
            .simulationBroadband: "Broadband coverage (0 to 1)",
            .simulationBroadbandHint: "The share of homes covered, e.g. 0.8 (or 80%).",
            .simulationTraining: "Training (person-times)",
            .simulationSubsidy: "Subsidy per new shop (yuan)",
            .simulationSubsidyYears: "For how many years",
            .simulationPark: "An e-commerce park",
            .simulationRegistries: "Shop and design registries",
            .simulationReturnees: "Returnees (young people back from the cities)",
            .simulationHorizon: "Horizon and ensemble",
            .simulationYears: "Years, from next year",
            .simulationRuns: "Runs",
            .simulationSeed: "Seed",
            .simulationBackgroundHint:
                "A town, or more than {0} households × runs, runs in the background: its page shows the progress and refreshes itself. At most {1} runs and {2} years.",
            .simulationRun: "Run the scenario",
            .simulationSaved: "Saved scenarios",
            .simulationNoRuns: "No scenario has been run yet.",
            .simulationQueued: "queued",
            .simulationRunning: "running: {0} of {1} runs",
            .simulationDone: "done",
            .simulationFailed: "failed",
            .simulationCompare: "Compare two scenarios",
            .simulationCompareA: "Scenario A",
            .simulationCompareB: "Scenario B",
            .simulationCompareShow: "Compare",
            .simulationCompareTitle: "Two scenarios side by side",
            .simulationCompareEffects: "Effect of the levers in the last year",
            .simulationCompareNotDone: "This scenario has no results (yet).",
            .simulationFigure: "Figure",
            .simulationAbout: "{0} · {1} · {2} runs, seed {3} · run {4}",
            .simulationNoLevers: "No levers: the scenario is its baseline.",
            .simulationLeverStation: "A logistics station",
            .simulationLeverStationTown: "A logistics station in every village",
            .simulationLeverBroadband: "Broadband to {0} of homes",
            .simulationLeverTraining: "{0} training places (person-times)",
            .simulationLeverSubsidy: "{0} for every new shop, for {1} year(s)",
            .simulationLeverPark: "An e-commerce park",
            .simulationLeverRegistries: "Shop and design registries",
            .simulationLeverReturnees: "{0} young people come back",
            .simulationQueuedDetail: "Queued: the scenario waits for the background worker.",
            .simulationRefreshes: "This page refreshes itself until the results are in.",
            .simulationFailedDetail: "The scenario could not run: {0}",
            .simulationCSV: "Download scenario, baseline and effect (CSV)",
            .simulationNew: "New scenario",
            .simulationShown: "{0}: with and without the levers",
            .simulationView: "Show",
            .simulationTownTotal: "The whole town",
            .simulationShow: "Show",
            .simulationBaseline: "Without the levers (baseline)",
            .simulationScenario: "With the levers",
            .simulationBand: "Shaded: 10th to 90th percentile of {0} runs",
            .simulationBandEach: "Shaded: 10th to 90th percentile of each scenario's runs",
            .simulationHouseholds: "Households with shops",
            .simulationShops: "Shops",
            .simulationActive: "Active shops",
            .simulationSales: "Sales (yuan a year)",
            .simulationParcelsOut: "Parcels out",
            .simulationParcelsIn: "Parcels in",
            .simulationEffects: "Effect of the levers",
            .simulationEffectsNote:
                "The effect is the scenario less its baseline, run by run with the same seeds ({0} pairs): its mean in bold, its 10th to 90th percentile beneath.",
            .simulationYear: "Year",
            .simulationWithout: "Without",
            .simulationWith: "With",
            .simulationEffect: "Effect",
            .simulationTaobao: "Taobao villages",
            .simulationTaobaoShare: "Share of runs in which the village is a Taobao village",
            .simulationTaobaoVillages: "Taobao villages in the town (mean of the runs)",
            .simulationTaobaoTown: "Share of runs in which the town is a Taobao town",
            .simulationModelNote:
                "The model starts every village from its census households, its specialty, today's open shops and the last twelve months' sales on every platform, its station and its distance from the county hub; it is judged by the same Taobao-village rules as the recognition report.",
            .simulationErrorPlace: "Choose a village or a town.",
            .simulationErrorUnknownPlace: "There is no village or town with the code {0}.",
            .simulationErrorName: "A name has at most 100 characters, without control characters.",
            .simulationErrorBroadband: "Broadband coverage is a share from 0 to 1, such as 0.8.",
            .simulationErrorPeople: "People are a whole number from 0 to {0}.",
            .simulationErrorSubsidy: "A subsidy is an amount in yuan from 0 to 1,000,000, such as 500.",
            .simulationErrorSubsidyYears: "A subsidy lasts 1 to 20 years.",
            .simulationErrorYears: "The horizon is 1 to {0} years.",
            .simulationErrorRuns: "Runs are a whole number from 1 to {0}.",
            .simulationErrorSeed: "The seed is a whole number from 0 to 999,999,999.",
            .simulationErrorScenario: "The scenario cannot run: {0}",
            .simulationErrorTooLarge:
                "Too large: {0} households × {1} runs × {2} years is more than {3}. Choose fewer runs or years, or a village.",
        ],
        zhHans: [
            .simulationTitle: "政策情景模拟",
            .simulationIntro:
                "向增长模型提问：某项政策会带来什么？选择一个村或整个镇，设定政策，模型以数据库中今天的网店和销售额为起点，按户模拟每个村有无这些政策的发展，用相同的随机种子各跑多次。请把曲线看作区间，而不是预测。",
            .simulationPlace: "村或镇",
            .simulationName: "名称（可不填）",
            .simulationLevers: "政策（自第一年起）",
            .simulationLeversHint: "不填即不采用该项政策。选择镇时，服务站、宽带、补贴、产业园和登记备案适用于每个村；培训人次和返乡人数按户数分到各村。",
            .simulationStation: "村级物流服务站",
            .simulationBroadband: "宽带覆盖率（0 到 1）",
            .simulationBroadbandHint: "覆盖的户数比例，例如 0.8（或 80%）。",
            .simulationTraining: "电商培训（人次）",
            .simulationSubsidy: "每家新开网店补贴（元）",
            .simulationSubsidyYears: "补贴年数",
            .simulationPark: "电商产业园",
            .simulationRegistries: "网店与设计登记备案",
            .simulationReturnees: "返乡青年（人）",
            .simulationHorizon: "年限与模拟次数",
            .simulationYears: "年数（自明年起）",
            .simulationRuns: "模拟次数",
            .simulationSeed: "随机种子",
            .simulationBackgroundHint: "镇或“户数 × 次数”超过 {0} 的模拟在后台运行：页面会显示进度并自动刷新。最多 {1} 次、{2} 年。",
            .simulationRun: "运行模拟",
            .simulationSaved: "已保存的模拟",
            .simulationNoRuns: "还没有运行过模拟。",
            .simulationQueued: "排队中",
            .simulationRunning: "运行中：已完成 {0}/{1} 次",
            .simulationDone: "已完成",
            .simulationFailed: "失败",
            .simulationCompare: "比较两个模拟",
            .simulationCompareA: "模拟 A",
            .simulationCompareB: "模拟 B",
            .simulationCompareShow: "比较",
            .simulationCompareTitle: "两个模拟对比",
            .simulationCompareEffects: "最后一年的政策效果",
            .simulationCompareNotDone: "这个模拟（还）没有结果。",
            .simulationFigure: "指标",
            .simulationAbout: "{0} · {1} · {2} 次，种子 {3} · {4} 运行",
            .simulationNoLevers: "未设政策：该模拟与基准相同。",
            .simulationLeverStation: "建物流服务站",
            .simulationLeverStationTown: "每个村建物流服务站",
            .simulationLeverBroadband: "宽带覆盖 {0} 的住户",
            .simulationLeverTraining: "电商培训 {0} 人次",
            .simulationLeverSubsidy: "每家新开网店补贴 {0}，共 {1} 年",
            .simulationLeverPark: "建电商产业园",
            .simulationLeverRegistries: "网店与设计登记备案",
            .simulationLeverReturnees: "{0} 名青年返乡",
            .simulationQueuedDetail: "排队中：等待后台运行。",
            .simulationRefreshes: "本页会自动刷新，直到出结果。",
            .simulationFailedDetail: "模拟未能运行：{0}",
            .simulationCSV: "下载模拟、基准与效果（CSV）",
            .simulationNew: "新建模拟",
            .simulationShown: "{0}：有无政策对比",
            .simulationView: "查看",
            .simulationTownTotal: "全镇合计",
            .simulationShow: "查看",
            .simulationBaseline: "无政策（基准）",
            .simulationScenario: "有政策",
            .simulationBand: "阴影：{0} 次模拟的第 10 至第 90 百分位",
            .simulationBandEach: "阴影：各模拟自身多次运行的第 10 至第 90 百分位",
            .simulationHouseholds: "开网店的户数",
            .simulationShops: "网店数",
            .simulationActive: "活跃网店数",
            .simulationSales: "年销售额（元）",
            .simulationParcelsOut: "发出包裹",
            .simulationParcelsIn: "收到包裹",
            .simulationEffects: "政策效果",
            .simulationEffectsNote: "效果是每次模拟与其基准（相同种子）的差值（共 {0} 对）：粗体为均值，下方为第 10 至第 90 百分位。",
            .simulationYear: "年份",
            .simulationWithout: "无政策",
            .simulationWith: "有政策",
            .simulationEffect: "效果",
            .simulationTaobao: "淘宝村",
            .simulationTaobaoShare: "该村成为淘宝村的模拟比例",
            .simulationTaobaoVillages: "镇内淘宝村数（各次均值）",
            .simulationTaobaoTown: "该镇成为淘宝镇的模拟比例",
            .simulationModelNote: "模型以每个村的户籍户数、特色产业、当前在营网店、近十二个月全平台销售额、服务站及到县物流中心的距离为起点，并按与认定报告相同的淘宝村标准判定。",
            .simulationErrorPlace: "请选择一个村或镇。",
            .simulationErrorUnknownPlace: "没有代码为 {0} 的村或镇。",
            .simulationErrorName: "名称最多 100 个字符，且不能含控制字符。",
            .simulationErrorBroadband: "宽带覆盖率应为 0 到 1 之间的比例，例如 0.8。",
            .simulationErrorPeople: "人数应为 0 到 {0} 之间的整数。",
            .simulationErrorSubsidy: "补贴应为 0 到 1,000,000 元之间的金额，例如 500。",
            .simulationErrorSubsidyYears: "补贴年数应为 1 到 20 年。",
            .simulationErrorYears: "年数应为 1 到 {0} 年。",
            .simulationErrorRuns: "模拟次数应为 1 到 {0} 之间的整数。",
            .simulationErrorSeed: "随机种子应为 0 到 999,999,999 之间的整数。",
            .simulationErrorScenario: "该模拟无法运行：{0}",
            .simulationErrorTooLarge: "规模过大：{0} 户 × {1} 次 × {2} 年超过 {3}。请减少模拟次数或年数，或选择一个村。",
        ])
}
