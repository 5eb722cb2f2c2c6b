import JishiKit

/// The log-in form.
enum LogInPage {
    enum Field: String, CaseIterable, Sendable {
        case username, password
    }

    struct Model: Equatable, Sendable {
        /// Shown again when the form comes back (never the password).
        var username = ""
        /// The page that asked for a log-in, to return to afterwards.
        var next: String?
        /// What went wrong with the whole attempt (wrong password, too many tries).
        var failure: FormMessage?
        var errors: [Field: FormMessage] = [:]
    }
}

extension LogInPage.Model {
    init(form: LogInForm) {
        username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        next = SitePath.pagePath(form.next)
        if username.isEmpty { errors[.username] = FormMessage(.errorRequired) }
        if (form.password ?? "").isEmpty { errors[.password] = FormMessage(.errorRequired) }
    }
}
