import JishiKit
import Vapor

struct LogOutForm: Content {
    var csrf: String?
}
