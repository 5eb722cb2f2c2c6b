import Foundation
import JishiKit

/// What every page's layout needs besides its own model: the language, who is signed in, the
/// CSRF token its forms carry and which page it is.
struct PageContext: Sendable {
    var language: JishiKit.Language
    var viewer: WebSession.Viewer?
    var csrfToken: String
    /// The page being shown; the language switch comes back to it.
    var current: SitePath?
    /// The page's own address (path and query), when it has parameters: where the language
    /// switch comes back to.
    var returnPath: String?
    /// False on error pages, which are drawn without asking the database who is signed in.
    var knowsViewer = true

    /// Times are stored in UTC and shown in the county's time, China Standard Time (no DST).
    static let timeZone = TimeZone(secondsFromGMT: 8 * 3600)!

    init(session: WebSession, current: SitePath?, returnPath: String? = nil, knowsViewer: Bool = true) {
        self.language = session.language
        self.viewer = knowsViewer ? session.viewer : nil
        self.csrfToken = session.csrf.value
        self.current = current
        self.returnPath = returnPath
        self.knowsViewer = knowsViewer
    }

    init(
        language: JishiKit.Language, viewer: WebSession.Viewer? = nil, csrfToken: String, current: SitePath?,
        returnPath: String? = nil, knowsViewer: Bool = true
    ) {
        self.language = language
        self.viewer = viewer
        self.csrfToken = csrfToken
        self.current = current
        self.returnPath = returnPath
        self.knowsViewer = knowsViewer
    }

    /// Where the language switch sends the browser back to.
    var languageReturnPath: String {
        if let returnPath, let checked = SitePath.pagePath(returnPath) { return checked }
        if let current, current.isPage, !current.rawValue.contains(":") { return current.path }
        return SitePath.home.path
    }

    /// The localised string for `key` in this page's language.
    func text(_ key: L10nKey, _ arguments: String...) -> String {
        Localization.string(key, language, arguments: arguments)
    }

    /// Basis points as a percentage: 500 as "5", 250 as "2.5", 125 as "1.25".
    static func percent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : String(format: "%d.%02d", whole, fraction)
    }

    /// A count written the way this language writes numbers (digit grouping).
    func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// An amount in fen as "¥12.50".
    func money(_ minorUnits: Int64) -> String { Money(minorUnits: minorUnits).formatted }

    /// A moment as "2026-11-23 14:05" in the county's time.
    func time(_ date: Date) -> String {
        let parts = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// A day as "2026-11-23" in the county's time.
    func day(_ date: Date) -> String { Self.dayString(date) }

    static func dayString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The start of the day written "2026-11-23", in the county's time; `nil` when it is not a date.
    static func startOfDay(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (2000...2200).contains(year), parts[0].count == 4
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()
}
