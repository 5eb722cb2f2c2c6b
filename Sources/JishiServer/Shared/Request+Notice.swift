import Community
import JishiKit
import Marketplace
import Vapor

extension Request {
    /// The `?notice=` a redirect after a form left for the page.
    var notice: Notice? { (try? query.get(String.self, at: "notice")).flatMap(Notice.init(rawValue:)) }
}
