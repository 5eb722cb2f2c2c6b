extension L10nKey {
    public static let bookingsTitle = L10nKey("bookings.title")
    public static let bookingsIntro = L10nKey("bookings.intro")
    public static let bookingsNone = L10nKey("bookings.none")
    public static let bookingsMine = L10nKey("bookings.mine")
    public static let bookingsNew = L10nKey("bookings.new")
    public static let bookingsNode = L10nKey("bookings.node")
    public static let bookingsNodeHint = L10nKey("bookings.node-hint")
    public static let bookingsCarrier = L10nKey("bookings.carrier")
    public static let bookingsDate = L10nKey("bookings.date")
    public static let bookingsDateHint = L10nKey("bookings.date-hint")
    public static let bookingsCount = L10nKey("bookings.count")
    public static let bookingsWeight = L10nKey("bookings.weight")
    public static let bookingsWeightHint = L10nKey("bookings.weight-hint")
    public static let bookingsContents = L10nKey("bookings.contents")
    public static let bookingsContentsHint = L10nKey("bookings.contents-hint")
    public static let bookingsSubmit = L10nKey("bookings.submit")
    public static let bookingsChoose = L10nKey("bookings.choose")
    public static let bookingsSummary = L10nKey("bookings.summary")
    public static let bookingsDone = L10nKey("bookings.done")
    public static let bookingTitle = L10nKey("booking.title")
    public static let bookingParcels = L10nKey("booking.parcels")
    public static let bookingPrintAll = L10nKey("booking.print-all")
    public static let bookingLabel = L10nKey("booking.label")
    public static let bookingAtNode = L10nKey("booking.at-node")
    public static let bookingOnRun = L10nKey("booking.on-run")
    public static let bookingWithCarrier = L10nKey("booking.with-carrier")
    public static let bookingLabelsTitle = L10nKey("booking.labels-title")
    public static let navBookings = L10nKey("layout.nav.bookings")
}

extension Localization {
    /// Booking a collection of outbound parcels at a station.
    static let bookings = Area(
        en: [
            .bookingsTitle: "Book a collection",
            .bookingsIntro:
                "Say how many parcels wait at which station on which day: the county's run collects them and hands them to the carrier at the hub. Each parcel gets a tracking number and a label to print.",
            .bookingsNone: "No collections booked yet.",
            .bookingsMine: "Booked collections",
            .bookingsNew: "New booking",
            .bookingsNode: "Station or pickup point",
            .bookingsNodeHint: "Where the parcels wait for the van.",
            .bookingsCarrier: "Carrier",
            .bookingsDate: "Day to collect",
            .bookingsDateHint: "Today or up to 14 days ahead, such as {0}.",
            .bookingsCount: "Number of parcels",
            .bookingsWeight: "Weight of each parcel (kg)",
            .bookingsWeightHint: "Such as 2.5; at most 100 kg.",
            .bookingsContents: "What is in them",
            .bookingsContentsHint: "Such as peaches, costumes.",
            .bookingsSubmit: "Book the collection",
            .bookingsChoose: "Choose…",
            .bookingsSummary: "{0} parcels of {1} · {2} each",
            .bookingsDone: "Booked. Print the labels and stick one on each parcel.",
            .bookingTitle: "Booked collection",
            .bookingParcels: "Parcels",
            .bookingPrintAll: "Print every label",
            .bookingLabel: "Label",
            .bookingAtNode: "Waiting at {0}",
            .bookingOnRun: "On the van",
            .bookingWithCarrier: "With the carrier",
            .bookingLabelsTitle: "Labels",
            .navBookings: "Book a collection",
        ],
        zhHans: [
            .bookingsTitle: "预约揽收",
            .bookingsIntro: "说清哪天在哪个服务站有几件包裹：县里的班车来收，送到县物流中心交给快递公司。每件都有单号和要打印的面单。",
            .bookingsNone: "还没有预约。",
            .bookingsMine: "已预约的揽收",
            .bookingsNew: "新预约",
            .bookingsNode: "服务站或代收点",
            .bookingsNodeHint: "包裹在哪里等车。",
            .bookingsCarrier: "快递公司",
            .bookingsDate: "揽收日期",
            .bookingsDateHint: "今天到 14 天以内，例如 {0}。",
            .bookingsCount: "包裹件数",
            .bookingsWeight: "每件重量（公斤）",
            .bookingsWeightHint: "例如 2.5；最多 100 公斤。",
            .bookingsContents: "里面是什么",
            .bookingsContentsHint: "例如 桃子、演出服。",
            .bookingsSubmit: "预约揽收",
            .bookingsChoose: "请选择…",
            .bookingsSummary: "{0} 件{1} · 每件 {2}",
            .bookingsDone: "已预约。打印面单，每件贴一张。",
            .bookingTitle: "揽收预约",
            .bookingParcels: "包裹",
            .bookingPrintAll: "打印全部面单",
            .bookingLabel: "面单",
            .bookingAtNode: "在{0}等车",
            .bookingOnRun: "在车上",
            .bookingWithCarrier: "已交快递公司",
            .bookingLabelsTitle: "面单",
            .navBookings: "预约揽收",
        ])
}
