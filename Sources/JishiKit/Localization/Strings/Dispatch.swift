extension L10nKey {
    public static let dispatchPlanning = L10nKey("dispatch.planning")
    public static let dispatchPlanningProgress = L10nKey("dispatch.planning-progress")
    public static let dispatchTitle = L10nKey("dispatch.title")
    public static let dispatchIntro = L10nKey("dispatch.intro")
    public static let dispatchDate = L10nKey("dispatch.date")
    public static let dispatchShow = L10nKey("dispatch.show")
    public static let dispatchTimeLimit = L10nKey("dispatch.time-limit")
    public static let dispatchSeconds = L10nKey("dispatch.seconds")
    public static let dispatchPlan = L10nKey("dispatch.plan")
    public static let dispatchPlanAgain = L10nKey("dispatch.plan-again")
    public static let dispatchPlanHint = L10nKey("dispatch.plan.hint")
    public static let dispatchNoPlan = L10nKey("dispatch.no-plan")
    public static let dispatchDraft = L10nKey("dispatch.draft")
    public static let dispatchPublished = L10nKey("dispatch.published")
    public static let dispatchPublish = L10nKey("dispatch.publish")
    public static let dispatchSummary = L10nKey("dispatch.summary")
    public static let dispatchRunMeta = L10nKey("dispatch.run.meta")
    public static let dispatchStopMeta = L10nKey("dispatch.stop.meta")
    public static let dispatchLock = L10nKey("dispatch.lock")
    public static let dispatchUnlock = L10nKey("dispatch.unlock")
    public static let dispatchLocked = L10nKey("dispatch.locked")
    public static let dispatchMove = L10nKey("dispatch.move")
    public static let dispatchMoveStop = L10nKey("dispatch.move.stop")
    public static let dispatchMoveRun = L10nKey("dispatch.move.run")
    public static let dispatchMovePosition = L10nKey("dispatch.move.position")
    public static let dispatchUnassigned = L10nKey("dispatch.unassigned")
    public static let dispatchNoneUnassigned = L10nKey("dispatch.none-unassigned")
    public static let dispatchMap = L10nKey("dispatch.map")
    public static let dispatchCourier = L10nKey("dispatch.courier")
    public static let dispatchRefused = L10nKey("dispatch.refused")
    public static let dispatchSaved = L10nKey("dispatch.saved")
    public static let dispatchReasonNoVehicle = L10nKey("dispatch.reason.no-vehicle")
    public static let dispatchReasonTooHeavy = L10nKey("dispatch.reason.too-heavy")
    public static let dispatchReasonNodeClosed = L10nKey("dispatch.reason.node-closed")
    public static let dispatchReasonOutOfHours = L10nKey("dispatch.reason.out-of-hours")
    public static let dispatchReasonFleetFull = L10nKey("dispatch.reason.fleet-full")
}

extension Localization {
    static let dispatch = Area(
        en: [
            .dispatchTitle: "Dispatch",
            .dispatchPlanning: "Planning the day…",
            .dispatchPlanningProgress:
                "{0} of {1} seconds; best cost so far {2}. The plan appears here when the search ends.",
            .dispatchIntro:
                "Plan the day's runs from the county hub: every inbound parcel due that day and every collection booked for it, one shared run per van.",
            .dispatchDate: "Day",
            .dispatchShow: "Show",
            .dispatchTimeLimit: "Search time",
            .dispatchSeconds: "{0} s",
            .dispatchPlan: "Plan the day",
            .dispatchPlanAgain: "Plan again (locked runs stay)",
            .dispatchPlanHint: "Planning takes as long as the search time you choose.",
            .dispatchNoPlan: "No plan for this day yet.",
            .dispatchDraft: "Draft",
            .dispatchPublished: "Published to the couriers",
            .dispatchPublish: "Publish to the couriers",
            .dispatchSummary: "{0} runs · {1} km · {2} planned parcels · cost {3}",
            .dispatchRunMeta: "{0} km · {1} · {2} stops · leaves {3}",
            .dispatchStopMeta: "{0} · leave {1} ({2} kg) · collect {3} ({4} kg)",
            .dispatchLock: "Lock",
            .dispatchUnlock: "Unlock",
            .dispatchLocked: "locked",
            .dispatchMove: "Move",
            .dispatchMoveStop: "Stop",
            .dispatchMoveRun: "To run",
            .dispatchMovePosition: "At place",
            .dispatchUnassigned: "Not planned ({0})",
            .dispatchNoneUnassigned: "Every due parcel is on a run.",
            .dispatchMap: "Map of the day's runs",
            .dispatchCourier: "Driver: {0}",
            .dispatchRefused: "Not changed: {0}",
            .dispatchSaved: "Saved.",
            .dispatchReasonNoVehicle: "No vehicle in the fleet",
            .dispatchReasonTooHeavy: "Heavier than any vehicle can carry",
            .dispatchReasonNodeClosed: "Its station or pickup point is closed",
            .dispatchReasonOutOfHours: "Cannot be reached within opening hours and the shift",
            .dispatchReasonFleetFull: "No room left in the fleet this day",
        ],
        zhHans: [
            .dispatchTitle: "调度",
            .dispatchPlanning: "正在排班…",
            .dispatchPlanningProgress: "已算 {0} 秒，共 {1} 秒；目前最低成本 {2}。算完后方案就显示在这里。",
            .dispatchIntro: "从县共同配送中心安排当天的车次：当天到期的进村包裹和预约的揽收，每辆车一条共享线路。",
            .dispatchDate: "日期",
            .dispatchShow: "查看",
            .dispatchTimeLimit: "计算时间",
            .dispatchSeconds: "{0} 秒",
            .dispatchPlan: "排当天的车",
            .dispatchPlanAgain: "重新排（锁定的车次不变）",
            .dispatchPlanHint: "计算时间越长，线路越省。",
            .dispatchNoPlan: "这一天还没有排车。",
            .dispatchDraft: "草稿",
            .dispatchPublished: "已发给快递员",
            .dispatchPublish: "发给快递员",
            .dispatchSummary: "{0} 个车次 · {1} 公里 · 已排 {2} 件 · 成本 {3}",
            .dispatchRunMeta: "{0} 公里 · {1} · {2} 站 · {3} 出发",
            .dispatchStopMeta: "{0} · 送 {1} 件（{2} 公斤）· 收 {3} 件（{4} 公斤）",
            .dispatchLock: "锁定",
            .dispatchUnlock: "解锁",
            .dispatchLocked: "已锁定",
            .dispatchMove: "移动",
            .dispatchMoveStop: "站点",
            .dispatchMoveRun: "移到车次",
            .dispatchMovePosition: "第几站",
            .dispatchUnassigned: "未能安排（{0}）",
            .dispatchNoneUnassigned: "到期的包裹都已上车。",
            .dispatchMap: "当天线路图",
            .dispatchCourier: "司机：{0}",
            .dispatchRefused: "未改动：{0}",
            .dispatchSaved: "已保存。",
            .dispatchReasonNoVehicle: "车队里没有车",
            .dispatchReasonTooHeavy: "比任何一辆车能装的都重",
            .dispatchReasonNodeClosed: "服务站或代收点已关闭",
            .dispatchReasonOutOfHours: "在营业时间和班次内到不了",
            .dispatchReasonFleetFull: "当天车队已装满",
        ])
}
