/// Every visible string of the pages comes from these tables; a test fails when a key is
/// missing from either language.
public enum Localization {
    public static func table(for language: Language) -> [L10nKey: String] {
        switch language {
        case .zhHans: zhHans
        case .en: en
        }
    }

    /// One area's strings in both languages (`Strings/<Area>.swift`).
    struct Area: Sendable {
        var en: [L10nKey: String]
        var zhHans: [L10nKey: String]
    }

    /// Every area; a new one is added here.
    static let areas: [Area] = [
        app, forms, market, problems, home, accounts, search, catalog, catalogImport, cart, checkout, payments, orders,
        refunds, shops, statements, reviews, chat, sourcing, phone, governance, logistics, dispatch, courier, labels,
        notifications, bookings, figures, stations, insights, designs, platformShops, simulation, freshness,
    ]

    static let en = merged(\.en)
    static let zhHans = merged(\.zhHans)

    private static func merged(_ language: KeyPath<Area, [L10nKey: String]>) -> [L10nKey: String] {
        areas.reduce(into: [:]) { table, area in table.merge(area[keyPath: language]) { first, _ in first } }
    }

    /// Every key any area gives a string for, in either language.
    public static var allKeys: Set<L10nKey> {
        areas.reduce(into: Set()) { keys, area in
            keys.formUnion(area.en.keys)
            keys.formUnion(area.zhHans.keys)
        }
    }

    /// Keys given by more than one area (each key belongs to one).
    public static func keysInSeveralAreas() -> Set<L10nKey> {
        var seen = Set<L10nKey>()
        var twice = Set<L10nKey>()
        for area in areas {
            for key in Set(area.en.keys).union(area.zhHans.keys) where !seen.insert(key).inserted { twice.insert(key) }
        }
        return twice
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
            let absent = allKeys.filter { (table[$0] ?? "").isEmpty }.sorted { $0.rawValue < $1.rawValue }
            if !absent.isEmpty { missing[language] = absent }
        }
        return missing
    }
}
