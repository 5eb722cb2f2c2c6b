extension L10nKey {
    public static let courierTitle = L10nKey("courier.title")
    public static let courierCamera = L10nKey("courier.camera")
    public static let courierNone = L10nKey("courier.none")
    public static let courierRun = L10nKey("courier.run")
    public static let courierLoad = L10nKey("courier.load")
    public static let courierUnload = L10nKey("courier.unload")
    public static let courierProgressPlanned = L10nKey("courier.progress.planned")
    public static let courierProgressLoaded = L10nKey("courier.progress.loaded")
    public static let courierProgressFinished = L10nKey("courier.progress.finished")
    public static let courierLeave = L10nKey("courier.leave")
    public static let courierCollect = L10nKey("courier.collect")
    public static let courierTracking = L10nKey("courier.tracking")
    public static let courierScan = L10nKey("courier.scan")
    public static let courierDone = L10nKey("courier.done")
    public static let courierFail = L10nKey("courier.fail")
    public static let courierReason = L10nKey("courier.reason")
    public static let courierDoor = L10nKey("courier.door")
    public static let courierDigits = L10nKey("courier.digits")
    public static let courierSignature = L10nKey("courier.signature")
    public static let courierHandOver = L10nKey("courier.hand-over")
    public static let courierOutcomeDone = L10nKey("courier.outcome.done")
    public static let courierOutcomeFailed = L10nKey("courier.outcome.failed")
    public static let courierSaved = L10nKey("courier.saved")
    public static let courierRefused = L10nKey("courier.refused")
    public static let courierNothing = L10nKey("courier.nothing")
}

extension Localization {
    static let courier = Area(
        en: [
            .courierTitle: "My runs",
            .courierCamera: "Scan with the camera",
            .courierNone: "No published run for you on this day.",
            .courierRun: "{0} · {1} stops · {2} km",
            .courierLoad: "Load the van at the hub",
            .courierUnload: "Hand in at the hub",
            .courierProgressPlanned: "Not loaded yet",
            .courierProgressLoaded: "On the road",
            .courierProgressFinished: "Finished",
            .courierLeave: "Leave: {0}",
            .courierCollect: "Collect: {0}",
            .courierTracking: "Tracking number (type or scan)",
            .courierScan: "Hand over",
            .courierDone: "Stop done",
            .courierFail: "Stop failed",
            .courierReason: "Why",
            .courierDoor: "To the door",
            .courierDigits: "Phone's last 4 digits",
            .courierSignature: "Or the recipient's signed name",
            .courierHandOver: "Hand to the recipient",
            .courierOutcomeDone: "done",
            .courierOutcomeFailed: "failed: {0}",
            .courierSaved: "Saved.",
            .courierRefused: "Not done: {0}",
            .courierNothing: "nothing",
        ],
        zhHans: [
            .courierTitle: "我的车次",
            .courierCamera: "用摄像头扫码",
            .courierNone: "这一天没有发给你的车次。",
            .courierRun: "{0} · {1} 站 · {2} 公里",
            .courierLoad: "在配送中心装车",
            .courierUnload: "回配送中心交件",
            .courierProgressPlanned: "还没装车",
            .courierProgressLoaded: "在路上",
            .courierProgressFinished: "已完成",
            .courierLeave: "送：{0}",
            .courierCollect: "收：{0}",
            .courierTracking: "运单号（输入或扫码）",
            .courierScan: "交接",
            .courierDone: "本站完成",
            .courierFail: "本站没送成",
            .courierReason: "原因",
            .courierDoor: "送货上门",
            .courierDigits: "手机号后 4 位",
            .courierSignature: "或收件人签名",
            .courierHandOver: "交给收件人",
            .courierOutcomeDone: "已完成",
            .courierOutcomeFailed: "没送成：{0}",
            .courierSaved: "已保存。",
            .courierRefused: "未完成：{0}",
            .courierNothing: "无",
        ])
}
