extension L10nKey {
    public static let freshnessLive = L10nKey("freshness.live")
    public static let freshnessReplica = L10nKey("freshness.replica")
}

extension Localization {
    /// How fresh a page's figures are, on pages that may read a replica.
    static let freshness = Area(
        en: [
            .freshnessLive: "Live figures.",
            .freshnessReplica: "Figures as of {0}, about {1} s old.",
        ],
        zhHans: [
            .freshnessLive: "实时数据。",
            .freshnessReplica: "数据截至 {0}（约 {1} 秒前）。",
        ])
}
