extension L10nKey {
    public static let designsTitle = L10nKey("designs.title")
    public static let designsIntro = L10nKey("designs.intro")
    public static let designsFile = L10nKey("designs.file")
    public static let designsShop = L10nKey("designs.shop")
    public static let designsDesignTitle = L10nKey("designs.design-title")
    public static let designsDescription = L10nKey("designs.description")
    public static let designsCategory = L10nKey("designs.category")
    public static let designsPhotos = L10nKey("designs.photos")
    public static let designsSubmit = L10nKey("designs.submit")
    public static let designsFiled = L10nKey("designs.filed")
    public static let designsTooManyPhotos = L10nKey("designs.too-many-photos")
    public static let designsChooseShop = L10nKey("designs.choose-shop")
    public static let designsFilings = L10nKey("designs.filings")
    public static let designsNoFilings = L10nKey("designs.no-filings")
    public static let designsFilingMeta = L10nKey("designs.filing-meta")
    public static let designsAddPhoto = L10nKey("designs.add-photo")
    public static let designsAlerts = L10nKey("designs.alerts")
    public static let designsNoAlerts = L10nKey("designs.no-alerts")
    public static let designsScan = L10nKey("designs.scan")
    public static let designsScanned = L10nKey("designs.scanned")
    public static let designsAlertLine = L10nKey("designs.alert-line")
    public static let designsEvidence = L10nKey("designs.evidence")
    public static let designsStatusOpen = L10nKey("designs.status.open")
    public static let designsStatusDisputed = L10nKey("designs.status.disputed")
    public static let designsStatusCopy = L10nKey("designs.status.copy")
    public static let designsStatusNotCopy = L10nKey("designs.status.not-copy")
    public static let designsStatusWithdrawn = L10nKey("designs.status.withdrawn")
    public static let designsFilerSaid = L10nKey("designs.filer-said")
    public static let designsSellerSaid = L10nKey("designs.seller-said")
    public static let designsOfficeSaid = L10nKey("designs.office-said")
    public static let designsUnlisted = L10nKey("designs.unlisted")
    public static let designsStatement = L10nKey("designs.statement")
    public static let designsState = L10nKey("designs.state")
    public static let designsWithdraw = L10nKey("designs.withdraw")
    public static let designsNote = L10nKey("designs.note")
    public static let designsDecideCopy = L10nKey("designs.decide-copy")
    public static let designsDecideNotCopy = L10nKey("designs.decide-not-copy")
    public static let designsUnlist = L10nKey("designs.unlist")
}

extension Localization {
    /// The design registry: filings, likely copies and their disputes.
    static let designs = Area(
        en: [
            .designsTitle: "Design registry",
            .designsIntro:
                "File your product designs to get a dated filing number. New listings on Jishi are compared with the filed designs by their photos and words; a likely copy is shown to the filer, the listing's shop and the town office, who decides.",
            .designsFile: "File a design",
            .designsShop: "Shop",
            .designsDesignTitle: "Name of the design",
            .designsDescription: "Description",
            .designsCategory: "Category",
            .designsPhotos: "Photos (JPEG or PNG, up to {0}; more can be added later)",
            .designsSubmit: "File",
            .designsFiled: "Filed as {0}.",
            .designsTooManyPhotos: "Choose at most {0} photos; add more to the filing afterwards.",
            .designsChooseShop: "Choose a shop and a category.",
            .designsFilings: "Filed designs",
            .designsNoFilings: "No designs filed yet.",
            .designsFilingMeta: "{0} · filed {1} · {2} photos · {3} likely copies",
            .designsAddPhoto: "Add a photo",
            .designsAlerts: "Likely copies",
            .designsNoAlerts: "No likely copies.",
            .designsScan: "Compare new listings now",
            .designsScanned: "Compared {0} listings; {1} new likely copies.",
            .designsAlertLine: "\u{201C}{0}\u{201D} from {1} looks like filed design {2}",
            .designsEvidence: "Photos {0} bits apart of 255 · repeats {1} of the design's words",
            .designsStatusOpen: "Open",
            .designsStatusDisputed: "Disputed",
            .designsStatusCopy: "Decided: a copy",
            .designsStatusNotCopy: "Decided: not a copy",
            .designsStatusWithdrawn: "Withdrawn",
            .designsFilerSaid: "The filer: {0}",
            .designsSellerSaid: "The seller: {0}",
            .designsOfficeSaid: "The office: {0}",
            .designsUnlisted: "Taken off sale.",
            .designsStatement: "Your side",
            .designsState: "Send",
            .designsWithdraw: "Withdraw (not a copy / licensed)",
            .designsNote: "Reasons",
            .designsDecideCopy: "A copy",
            .designsDecideNotCopy: "Not a copy",
            .designsUnlist: "Take the listing off sale",
        ],
        zhHans: [
            .designsTitle: "外观设计备案",
            .designsIntro: "为您的产品外观备案，取得带日期的备案号。集市上新上架的商品会按照片和文字与已备案的外观比对；疑似抄袭会提示备案人、上架网店和镇政府，由镇政府认定。",
            .designsFile: "备案新外观",
            .designsShop: "网店",
            .designsDesignTitle: "外观名称",
            .designsDescription: "说明",
            .designsCategory: "类目",
            .designsPhotos: "照片（JPEG 或 PNG，最多 {0} 张，之后可再添加）",
            .designsSubmit: "备案",
            .designsFiled: "已备案，备案号 {0}。",
            .designsTooManyPhotos: "最多选 {0} 张照片，其余可备案后添加。",
            .designsChooseShop: "请选择网店和类目。",
            .designsFilings: "已备案的外观",
            .designsNoFilings: "还没有备案。",
            .designsFilingMeta: "{0} · {1} 备案 · 照片 {2} 张 · 疑似抄袭 {3} 件",
            .designsAddPhoto: "添加照片",
            .designsAlerts: "疑似抄袭",
            .designsNoAlerts: "没有疑似抄袭。",
            .designsScan: "立即比对新上架商品",
            .designsScanned: "已比对 {0} 件商品，新发现疑似抄袭 {1} 件。",
            .designsAlertLine: "{1} 的\u{201C}{0}\u{201D}疑似抄袭备案外观 {2}",
            .designsEvidence: "照片相差 {0} 位（共255位）· 重复了备案文字的 {1}",
            .designsStatusOpen: "待处理",
            .designsStatusDisputed: "申辩中",
            .designsStatusCopy: "已认定：抄袭",
            .designsStatusNotCopy: "已认定：非抄袭",
            .designsStatusWithdrawn: "已撤回",
            .designsFilerSaid: "备案人：{0}",
            .designsSellerSaid: "上架网店：{0}",
            .designsOfficeSaid: "镇政府：{0}",
            .designsUnlisted: "已下架。",
            .designsStatement: "您的说明",
            .designsState: "提交",
            .designsWithdraw: "撤回（非抄袭或已授权）",
            .designsNote: "认定理由",
            .designsDecideCopy: "认定抄袭",
            .designsDecideNotCopy: "认定非抄袭",
            .designsUnlist: "下架该商品",
        ])
}
