/// Every visible string of the pages comes from these tables; a test fails when a key is
/// missing from either language.
public enum Localization {
    public static func table(for language: Language) -> [L10nKey: String] {
        switch language {
        case .zhHans: zhHans
        case .en: en
        }
    }

    /// The string for `key`, with `{0}`, `{1}` … replaced by `arguments`. A missing key shows
    /// as the key itself, which the completeness test prevents from ever shipping.
    public static func string(_ key: L10nKey, _ language: Language, _ arguments: String...) -> String {
        string(key, language, arguments: arguments)
    }

    /// `string(_:_:_:)` for arguments collected at run time.
    public static func string(_ key: L10nKey, _ language: Language, arguments: [String]) -> String {
        let template = table(for: language)[key] ?? key.rawValue
        // One pass, so an argument that itself contains "{1}" is never expanded.
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                arguments.indices.contains(index)
            {
                text += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                text += "{"
                rest = rest[afterOpen...]
            }
        }
        return text + rest
    }

    /// Keys that one of the tables lacks, by language.
    public static func missingKeys() -> [Language: [L10nKey]] {
        var missing: [Language: [L10nKey]] = [:]
        for language in Language.allCases {
            let table = table(for: language)
            let absent = L10nKey.allCases.filter { (table[$0] ?? "").isEmpty }
            if !absent.isEmpty { missing[language] = absent }
        }
        return missing
    }
}
