import JishiKit
import Vapor

/// What the forms post. Every field is optional: a missing field is a validation message on
/// the re-rendered form, never a decoding failure.
struct RegisterForm: Content {
    var csrf: String?
    var username: String?
    var displayName: String?
    var password: String?
    var role: String?
}
