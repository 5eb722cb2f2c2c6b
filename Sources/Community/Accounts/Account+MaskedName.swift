extension Account {
    /// A display name as strangers see it (a review's author, a villager in a list someone else
    /// keeps): the first character, then two stars, whatever the name's length, so the mask
    /// says nothing about it. "李**" for 李敏 and for 李秀英 alike.
    public static func maskedName(_ displayName: String) -> String {
        guard let first = displayName.first else { return "**" }
        return String(first) + "**"
    }
}
