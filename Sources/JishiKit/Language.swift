/// The languages every page and message exists in.
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    case zhHans = "zh-Hans"
    case en = "en"

    /// Villagers read Chinese: it is the default.
    public static let `default`: Language = .zhHans

    /// Accepts "zh-Hans", "zh", "zh-CN", "en", "en-GB" …; `nil` for anything else.
    public init?(tag: String) {
        let lower = tag.trimmingCharacters(in: .whitespaces).lowercased()
        if lower == "zh-hans" || lower == "zh" || lower.hasPrefix("zh-cn") || lower.hasPrefix("zh-hans") {
            self = .zhHans
        } else if lower == "en" || lower.hasPrefix("en-") {
            self = .en
        } else {
            return nil
        }
    }

    /// Picks the first supported language of an `Accept-Language` header.
    public static func preferred(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let tag = part.split(separator: ";").first.map(String.init) ?? ""
            if let language = Language(tag: tag) { return language }
        }
        return nil
    }

    /// The value for the `lang` attribute of `<html>`.
    public var htmlTag: String { rawValue }
}
