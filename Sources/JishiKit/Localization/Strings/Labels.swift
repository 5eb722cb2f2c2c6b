extension L10nKey {
    public static let labelTitle = L10nKey("label.title")
    public static let labelHint = L10nKey("label.hint")
    public static let labelPrint = L10nKey("label.print")
    public static let labelInbound = L10nKey("label.inbound")
    public static let labelOutbound = L10nKey("label.outbound")
    public static let labelDestination = L10nKey("label.destination")
    public static let labelRecipient = L10nKey("label.recipient")
    public static let labelWeight = L10nKey("label.weight")
    public static let labelCashOnDelivery = L10nKey("label.cod")
    public static let labelDue = L10nKey("label.due")
    public static let labelSVGLink = L10nKey("label.svg-link")
}

extension Localization {
    /// Printed parcel labels.
    static let labels = Area(
        en: [
            .labelTitle: "Parcel label",
            .labelHint: "Prints on a 100 × 150 mm thermal label: choose that paper size and no margins.",
            .labelPrint: "Print the label",
            .labelInbound: "Inbound",
            .labelOutbound: "Outbound",
            .labelDestination: "Deliver to",
            .labelRecipient: "Recipient",
            .labelWeight: "Weight",
            .labelCashOnDelivery: "Cash on delivery",
            .labelDue: "Due",
            .labelSVGLink: "The label as an SVG file",
        ],
        zhHans: [
            .labelTitle: "快递面单",
            .labelHint: "用 100 × 150 毫米热敏面单打印：纸张选这个尺寸，边距选无。",
            .labelPrint: "打印面单",
            .labelInbound: "进村件",
            .labelOutbound: "出村件",
            .labelDestination: "送至",
            .labelRecipient: "收件人",
            .labelWeight: "重量",
            .labelCashOnDelivery: "代收货款",
            .labelDue: "应送达",
            .labelSVGLink: "面单 SVG 文件",
        ])
}
