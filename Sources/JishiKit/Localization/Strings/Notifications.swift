extension L10nKey {
    public static let notificationsTitle = L10nKey("notifications.title")
    public static let notificationsEmpty = L10nKey("notifications.empty")
    public static let notificationsTrack = L10nKey("notifications.track")
    public static let navNotifications = L10nKey("layout.nav.notifications")
}

extension Localization {
    /// What Jishi tells an account in the app.
    static let notifications = Area(
        en: [
            .notificationsTitle: "Notifications",
            .notificationsEmpty:
                "Nothing yet. When a parcel for your phone number reaches its station, you will see it here.",
            .notificationsTrack: "Track it",
            .navNotifications: "Notifications",
        ],
        zhHans: [
            .notificationsTitle: "通知",
            .notificationsEmpty: "暂时没有通知。寄给您手机号的包裹到站后，会显示在这里。",
            .notificationsTrack: "查看物流",
            .navNotifications: "通知",
        ])
}
