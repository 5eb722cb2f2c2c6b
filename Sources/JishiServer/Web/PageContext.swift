import JishiKit

/// What every page's layout needs besides its own model: the language, who is signed in, the
/// CSRF token its forms carry and which page it is.
struct PageContext: Sendable {
    var language: JishiKit.Language
    var viewer: WebSession.Viewer?
    var csrfToken: String
    /// The page being shown; the language switch comes back to it.
    var current: SitePath?
    /// False on error pages, which are drawn without asking the database who is signed in.
    var knowsViewer = true

    init(session: WebSession, current: SitePath?, knowsViewer: Bool = true) {
        self.language = session.language
        self.viewer = knowsViewer ? session.viewer : nil
        self.csrfToken = session.csrf.value
        self.current = current
        self.knowsViewer = knowsViewer
    }

    init(
        language: JishiKit.Language, viewer: WebSession.Viewer? = nil, csrfToken: String, current: SitePath?,
        knowsViewer: Bool = true
    ) {
        self.language = language
        self.viewer = viewer
        self.csrfToken = csrfToken
        self.current = current
        self.knowsViewer = knowsViewer
    }

    /// The localised string for `key` in this page's language.
    func text(_ key: L10nKey, _ arguments: String...) -> String {
        Localization.string(key, language, arguments: arguments)
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
}
