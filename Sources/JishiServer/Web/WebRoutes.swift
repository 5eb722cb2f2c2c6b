import Vapor

/// The web pages, registered from `SitePath`. Registered by `configure`.
enum WebRoutes {
    static func register(on app: Application) throws {
        let pages = app.grouped(WebBodyLimit())
        pages.get(SitePath.home.components, use: HomeController.show)
        pages.get(SitePath.register.components, use: AccountPages.showRegister)
        pages.post(SitePath.register.components, use: AccountPages.register)
        pages.get(SitePath.logIn.components, use: AccountPages.showLogIn)
        pages.post(SitePath.logIn.components, use: AccountPages.logIn)
        pages.post(SitePath.logOut.components, use: AccountPages.logOut)
        pages.post(SitePath.language.components, use: LanguageSwitch.choose)
    }
}

/// Forms are small: anything over 16 KB is refused before it is read.
struct WebBodyLimit: AsyncMiddleware {
    static let maxBytes = 16 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > Self.maxBytes {
            throw Abort(.payloadTooLarge)
        }
        return try await next.respond(to: request)
    }
}
