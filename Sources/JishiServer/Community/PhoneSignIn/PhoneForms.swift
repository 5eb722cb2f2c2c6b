import Vapor

/// What the number form posts (also the "send again" button).
struct PhoneNumberForm: Content {
    var csrf: String?
    var phone: String?
    var next: String?
}

/// What the code form posts; the name and role only for a number that has no account yet.
struct PhoneCodeForm: Content {
    var csrf: String?
    var phone: String?
    var code: String?
    var displayName: String?
    var role: String?
    var next: String?
}
