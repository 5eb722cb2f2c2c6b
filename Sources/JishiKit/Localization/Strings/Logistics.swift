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
        ])
}
