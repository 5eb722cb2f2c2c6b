import JishiKit
import Vapor

/// The web pages, registered from `SitePath` by each feature (`WebRoutes+Feature.swift`, beside
/// its pages). Registered by `configure`.
enum WebRoutes {
    typealias Handler = @Sendable (Request) async throws -> Response

    static func register(on app: Application) throws {
        let routes = PageRoutes(app: app)
        app.get(
            "assets", PathComponent(stringLiteral: Layout.stylesheetName)
        ) {
            _ -> Response in
            let response = Response(status: .ok, body: .init(string: Layout.stylesheetFile))
            response.headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
            response.headers.replaceOrAdd(name: .cacheControl, value: PhotoRoutes.cacheControl)
            response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
            return response
        }
        for feature in [
            home, accounts, search, catalog, cart, checkout, orders, shops, statements, sourcing, reviews, chat,
            phoneSignIn, messages, manage, moderation, administration, tracking, network, dispatch, courier,
            labels, notifications, bookings, figures, stations, insights, designs, simulation,
        ] {
            feature(routes)
        }
        // An admin reaches a shop's seller pages only through the admin view.
        app.middleware.use(AdminView())
    }

    /// A page that needs an account sends a browser that is not signed in to the log-in page,
    /// which brings it back here afterwards.
    static func logInFirst(_ handler: @escaping Handler) -> Handler {
        { request in
            do {
                return try await handler(request)
            } catch let problem as Problem where problem.type == ProblemType.unauthenticated.uri {
                let session = WebSession.fromCookies(request)
                let here = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
                guard let next = SitePath.pagePath(here) else { throw problem }
                return WebPage.redirect(toPath: SitePath.logIn(returningTo: next), session: session)
            }
        }
    }
}

/// Forms are small: anything over 16 KB (unless a route says otherwise) is refused. A body
/// that declares a larger `Content-Length` is refused before it is read; any other (chunked, or
/// lying about its length) is refused once the bytes read pass the limit, by the route's own
/// body collection (`post`). A route that allows more than the API's limit holds its body in
/// memory only while ``BodyMemory`` has room for it.
struct WebBodyLimit: AsyncMiddleware {
    static let defaultMaxBytes = 16 * 1024
    var maxBytes = Self.defaultMaxBytes

    /// A form route whose body is collected up to `maxBytes`, whatever its framing.
    static func post(
        _ path: SitePath, on routes: any RoutesBuilder, maxBytes: Int = defaultMaxBytes,
        use handler: @escaping WebRoutes.Handler
    ) {
        routes.on(.POST, path.components, body: .collect(maxSize: ByteCount(integerLiteral: maxBytes)), use: handler)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let length = request.headers.first(name: .contentLength).flatMap(Int.init)
        if let length, length > maxBytes {
            throw Abort(.payloadTooLarge)
        }
        guard maxBytes > request.jishi.config.http.maxBodyBytes else { return try await next.respond(to: request) }
        // The route's body collection happens inside `next`. Without a length, only a chunked
        // body has bytes to come.
        let bytes = length ?? (request.headers.contains(name: .transferEncoding) ? maxBytes : 0)
        return try await request.jishi.bodyMemory.holding(max(0, bytes), from: request.clientAddress) { _ in
            try await next.respond(to: request)
        }
    }
}

/// What a feature registers its pages with.
struct PageRoutes {
    let app: Application
    private let pages: any RoutesBuilder

    init(app: Application) {
        self.app = app
        pages = app.grouped(WebBodyLimit())
    }

    /// A page; a browser that is not signed in where the page needs it goes to log in first.
    func get(_ path: SitePath, _ handler: @escaping WebRoutes.Handler) {
        pages.get(path.components, use: WebRoutes.logInFirst(handler))
    }

    /// A form, its body limited to `maxBytes` (16 KB unless the form needs more).
    func post(
        _ path: SitePath, maxBytes: Int = WebBodyLimit.defaultMaxBytes, _ handler: @escaping WebRoutes.Handler
    ) {
        let routes = maxBytes == WebBodyLimit.defaultMaxBytes ? pages : app.grouped(WebBodyLimit(maxBytes: maxBytes))
        WebBodyLimit.post(path, on: routes, maxBytes: maxBytes, use: handler)
    }

    /// A form that reads its own body as it streams in (a photo upload, with a limit of its own).
    func postStreaming(_ path: SitePath, _ handler: @escaping WebRoutes.Handler) {
        app.on(.POST, path.components, body: .stream, use: handler)
    }
}
