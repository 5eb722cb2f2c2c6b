import Foundation
import JishiKit
import Logistics
import Vapor

/// What the logistics pages of a day (the dispatcher's, the courier's) share: reading the day
/// asked for, and going back to the day's page after a step with "saved" or the reason it
/// was refused.
enum DayPages {
    /// The day asked for (YYYY-MM-DD), or today in the county; a `400` naming `date`.
    static func day(_ text: String?, request: Request) throws -> String {
        guard let text, !text.isEmpty else { return PageDate.string(request.jishi.dependencies.now()) }
        guard PageDate.day(text) != nil else { throw Problem.validation("date", "A date such as 2026-12-03.") }
        return text
    }

    /// Does `body`, then goes back to `path` (a day's page, with its query) with `done=1`, or
    /// with `refused=` and the service's reason when it refuses (a 4xx other than `401`).
    static func back(to path: String, session: WebSession, _ body: () async throws -> Void) async throws -> Response {
        var path = path
        do {
            try await body()
            path += "&done=1"
        } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 401 {
            let reason = problem.detail ?? problem.title
            path += "&refused=" + (reason.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        return WebPage.redirect(toPath: path, session: session)
    }
}
