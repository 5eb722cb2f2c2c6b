extension L10nKey {
    public static let trackingTitle = L10nKey("tracking.title")
    public static let trackingCarrier = L10nKey("tracking.carrier")
    public static let trackingNumber = L10nKey("tracking.number")
    public static let trackingDigitsLabel = L10nKey("tracking.digits")
    public static let trackingDigitsHint = L10nKey("tracking.digits.hint")
    public static let trackingSubmit = L10nKey("tracking.submit")
    public static let trackingDigits = L10nKey("tracking.error.digits")
    public static let trackingNotFound = L10nKey("tracking.error.not-found")
    public static let trackingWhere = L10nKey("tracking.where")
    public static let trackingDestination = L10nKey("tracking.destination")
    public static let trackingOnTheWay = L10nKey("tracking.on-the-way")
    public static let trackingDelivered = L10nKey("tracking.delivered")
    public static let trackingWithCarrier = L10nKey("tracking.with-carrier")
    public static let trackingEventRegistered = L10nKey("tracking.event.registered")
    public static let trackingEventHandedOver = L10nKey("tracking.event.handed-over")
    public static let trackingEventFailed = L10nKey("tracking.event.failed")
    public static let trackingEventDelivered = L10nKey("tracking.event.delivered")
    public static let trackingEventReturned = L10nKey("tracking.event.returned")
    public static let trackingEventSentBack = L10nKey("tracking.event.sent-back")
    public static let networkTitle = L10nKey("network.title")
    public static let networkEditTitle = L10nKey("network.edit-title")
    public static let networkIntro = L10nKey("network.intro")
    public static let networkSaved = L10nKey("network.saved")
    public static let networkShelves = L10nKey("network.shelves")
    public static let networkInactive = L10nKey("network.inactive")
    public static let networkAdd = L10nKey("network.add")
    public static let networkCode = L10nKey("network.code")
    public static let networkCodeHint = L10nKey("network.code.hint")
    public static let networkKind = L10nKey("network.kind")
    public static let networkName = L10nKey("network.name")
    public static let networkVillage = L10nKey("network.village")
    public static let networkVillageHint = L10nKey("network.village.hint")
    public static let networkNoVillage = L10nKey("network.no-village")
    public static let networkTown = L10nKey("network.town")
    public static let networkOpens = L10nKey("network.opens")
    public static let networkCloses = L10nKey("network.closes")
    public static let networkShelfCapacity = L10nKey("network.shelf-capacity")
    public static let networkOperator = L10nKey("network.operator")
    public static let networkActive = L10nKey("network.active")
    public static let networkSave = L10nKey("network.save")
    public static let networkKindHub = L10nKey("network.kind.hub")
    public static let networkKindDepot = L10nKey("network.kind.depot")
    public static let networkKindStation = L10nKey("network.kind.station")
    public static let networkKindPickup = L10nKey("network.kind.pickup")
    public static let networkErrorTime = L10nKey("network.error.time")
    public static let networkErrorCodeTaken = L10nKey("network.error.code-taken")
    public static let networkErrorScope = L10nKey("network.error.scope")
}

extension Localization {
    /// Parcels and the county network.
    static let logistics = Area(
        en: [
            .trackingTitle: "Where is my parcel?",
            .trackingCarrier: "Express company",
            .trackingNumber: "Tracking number",
            .trackingDigitsLabel: "Last 4 digits of the phone",
            .trackingDigitsHint: "Of the number on the parcel (the recipient's, or the sender's).",
            .trackingSubmit: "Find it",
            .trackingDigits: "Type the last 4 digits of the phone number.",
            .trackingNotFound: "No parcel has this number and these digits. Check both and the express company.",
            .trackingWhere: "Now",
            .trackingDestination: "Going to",
            .trackingOnTheWay: "On the way, in the van",
            .trackingDelivered: "Delivered",
            .trackingWithCarrier: "With the express company",
            .trackingEventRegistered: "Expected",
            .trackingEventHandedOver: "Handed over",
            .trackingEventFailed: "Not delivered",
            .trackingEventDelivered: "Delivered",
            .trackingEventReturned: "Sent back",
            .trackingEventSentBack: "Not collected: on its way back",
            .networkTitle: "The county network",
            .networkEditTitle: "Change a node",
            .networkIntro:
                "The county hub, the town depots, the village stations and the grocery pickup points, by town. Tap one to change it.",
            .networkSaved: "Saved.",
            .networkShelves: "shelves for {0}",
            .networkInactive: "closed",
            .networkAdd: "Add a node",
            .networkCode: "Code",
            .networkCodeHint: "Letters, digits and '-', such as STA-371799101201. It cannot change later.",
            .networkKind: "Kind",
            .networkName: "Name",
            .networkVillage: "Village it serves",
            .networkVillageHint: "A station or pickup point serves one village.",
            .networkNoVillage: "None (hub or depot)",
            .networkTown: "Town (when no village)",
            .networkOpens: "Opens",
            .networkCloses: "Closes",
            .networkShelfCapacity: "Parcels its shelves hold",
            .networkOperator: "Run by",
            .networkActive: "Open (takes parcels)",
            .networkSave: "Save",
            .networkKindHub: "County hub",
            .networkKindDepot: "Town depot",
            .networkKindStation: "Village station",
            .networkKindPickup: "Pickup point",
            .networkErrorTime: "A time such as 08:00.",
            .networkErrorCodeTaken: "Another node has this code.",
            .networkErrorScope: "Your role does not reach this town.",
        ],
        zhHans: [
            .trackingTitle: "查快递",
            .trackingCarrier: "快递公司",
            .trackingNumber: "快递单号",
            .trackingDigitsLabel: "手机号后 4 位",
            .trackingDigitsHint: "包裹上的手机号（收件人或寄件人）。",
            .trackingSubmit: "查询",
            .trackingDigits: "请填手机号的后 4 位数字。",
            .trackingNotFound: "没有找到这个单号和手机号后 4 位的包裹，请核对单号、快递公司和数字。",
            .trackingWhere: "现在在",
            .trackingDestination: "送往",
            .trackingOnTheWay: "在送货车上",
            .trackingDelivered: "已签收",
            .trackingWithCarrier: "在快递公司",
            .trackingEventRegistered: "已登记，待到达",
            .trackingEventHandedOver: "已交接",
            .trackingEventFailed: "未送达",
            .trackingEventDelivered: "已签收",
            .trackingEventReturned: "已退回",
            .trackingEventSentBack: "超期未取，退回中",
            .networkTitle: "县域配送网络",
            .networkEditTitle: "修改站点",
            .networkIntro: "县共同配送中心、乡镇快递服务中心、村服务站和代收点，按乡镇排列。点一个可以修改。",
            .networkSaved: "已保存。",
            .networkShelves: "货架可放 {0} 件",
            .networkInactive: "已停用",
            .networkAdd: "添加站点",
            .networkCode: "编号",
            .networkCodeHint: "字母、数字和短横线，例如 STA-371799101201。以后不能改。",
            .networkKind: "类型",
            .networkName: "名称",
            .networkVillage: "服务的村",
            .networkVillageHint: "服务站和代收点要选一个村。",
            .networkNoVillage: "不选（配送中心或乡镇网点）",
            .networkTown: "乡镇（不选村时）",
            .networkOpens: "开门",
            .networkCloses: "关门",
            .networkShelfCapacity: "货架能放多少件",
            .networkOperator: "负责人",
            .networkActive: "营业中（收发包裹）",
            .networkSave: "保存",
            .networkKindHub: "县共同配送中心",
            .networkKindDepot: "乡镇快递服务中心",
            .networkKindStation: "村服务站",
            .networkKindPickup: "代收点",
            .networkErrorTime: "请填时间，例如 08:00。",
            .networkErrorCodeTaken: "已有站点用这个编号。",
            .networkErrorScope: "您的权限管不到这个乡镇。",
        ])
}
