import JishiKit
import Vapor

struct LanguageForm: Content {
    var csrf: String?
    var lang: String?
    var next: String?
}
