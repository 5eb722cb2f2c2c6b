import JishiKit
import Vapor

/// `POST /language`: remembers the chosen language in the `lang` cookie and, when someone is
/// signed in, as their account's preferred language; then goes back to the page.
enum LanguageSwitch {
    @Sendable static func choose(_ request: Request) async throws -> Response {
        var session = try await WebSession.load(request)
        let form = try VerifiedForm.decode(LanguageForm.self, from: request, session: session)
        guard let language = form.lang.flatMap(JishiKit.Language.init(rawValue:)) else {
            throw Problem.validation("lang", "Choose zh-Hans or en.")
        }
        session.choose(language)
        if let viewer = session.viewer {
            try await request.jishi.accounts.updateLanguage(language, of: viewer.accountID, on: request.db)
        }
        return WebPage.redirect(toPath: SitePath.pagePath(form.next) ?? SitePath.home.path, session: session)
    }
}
