import JishiKit
import Vapor

struct LogInForm: Content {
    var csrf: String?
    var username: String?
    var password: String?
    /// The page to go back to once signed in (checked with `SitePath.pagePath`).
    var next: String?
}
