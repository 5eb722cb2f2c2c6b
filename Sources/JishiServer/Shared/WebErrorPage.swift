import JishiKit
import Vapor

/// The page a browser sees when something fails, in the signed-in frame (the account's menu)
/// when the session can be read; drawn from cookies alone (language, CSRF token) when it
/// cannot, as when the database is down or the failure was the server's own.
enum WebErrorPage {
    static func response(for problem: Problem, request: Request) async -> Response {
        var session = WebSession.fromCookies(request)
        var knowsViewer = false
        if problem.status < 500, let loaded = try? await WebSession.load(request) {
            session = loaded
            knowsViewer = true
        }
        let context = PageContext(session: session, current: nil, knowsViewer: knowsViewer)
        let view = ErrorPage.View(model: ErrorPage.Model(problem: problem), context: context)
        let response = WebPage.response(
            view.html, status: HTTPResponseStatus(statusCode: problem.status), session: session)
        if problem.status == 405 { response.headers.replaceOrAdd(name: .allow, value: "GET, POST") }
        if let retryAfter = problem.retryAfter {
            response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
        }
        return response
    }
}
