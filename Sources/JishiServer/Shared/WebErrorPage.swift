import JishiKit
import Vapor

/// The page a browser sees when something fails. It is drawn from cookies alone (language,
/// CSRF token), without the database, so that it renders even when the database is down.
enum WebErrorPage {
    static func response(for problem: Problem, request: Request) -> Response {
        let session = WebSession.fromCookies(request)
        let context = PageContext(session: session, current: nil, knowsViewer: false)
        let view = ErrorPage.View(model: ErrorPage.Model(problem: problem), context: context)
        let response = WebPage.response(
            view.html, status: HTTPResponseStatus(statusCode: problem.status), session: session)
        if problem.status == 405 { response.headers.replaceOrAdd(name: .allow, value: "GET, POST") }
        return response
    }
}
