import Crypto
import Foundation
import Plot
import Vapor

/// Turns rendered pages into responses, with the headers every page carries.
enum WebPage {
    /// Only our own stylesheet file may style the page (no inline styles); no scripts, no
    /// frames, forms post only to us.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The conversation page's policy: the same, plus its one inline script (by hash: no other
    /// inline script, no script file), which may talk only to us (`fetch` and the chat
    /// WebSocket; CSP level 3 `'self'` covers `ws:`/`wss:` to the same host). Pages without a
    /// policy of their own here (or in their feature, as `StationOffline`'s) run no script.
    static let chatContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        + "script-src '\(Layout.chatScriptHash)'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The packing list's policy: the same, plus its one inline script (by hash), which only
    /// shows the print button and prints when it is pressed.
    static let printContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        + "script-src '\(Layout.printScriptHash)'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The courier page's policy: the same, plus its camera-scanning script (by hash).
    static let scanContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        + "script-src '\(Layout.scanScriptHash)'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func response(
        _ html: HTML, status: HTTPResponseStatus = .ok, session: WebSession, runsChatScript: Bool = false,
        runsPrintScript: Bool = false, runsScanScript: Bool = false
    ) -> Response {
        let response = Response(status: status)
        response.headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentLanguage, value: session.language.rawValue)
        // Pages carry a CSRF token and who is signed in: never cache them.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value: runsChatScript
                ? chatContentSecurityPolicy
                : runsPrintScript
                    ? printContentSecurityPolicy : runsScanScript ? scanContentSecurityPolicy : contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.body = .init(string: html.render())
        session.apply(to: response)
        return response
    }

    /// "See other": where a browser goes after a form succeeds (so reloading never resubmits).
    static func redirect(to path: SitePath, session: WebSession) -> Response {
        redirect(toPath: path.path, session: session)
    }

    /// "See other" to a path made from `SitePath` (with its ids, and perhaps a query).
    static func redirect(toPath path: String, session: WebSession) -> Response {
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: path)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        session.apply(to: response)
        return response
    }
}

extension WebPage {
    /// A CSV file to save: UTF-8, named `name`, never stored or sniffed.
    static func csvDownload(_ text: String, name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}
