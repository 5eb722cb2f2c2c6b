import JishiKit

/// Cross-site request forgery protection by double submission: the browser holds a random
/// token in the `csrf` cookie (HttpOnly, SameSite=Lax) and every form repeats it in a hidden
/// field. Another site can make a browser post a form, but can neither read nor set our
/// cookie, so it cannot make the two agree.
struct CSRFToken: Hashable, Sendable {
    let value: String

    /// 32 random bytes, URL-safe base64: 43 characters.
    static let length = 43

    static func generate(_ dependencies: Dependencies) -> CSRFToken {
        CSRFToken(value: dependencies.randomBytes(32).base64URLEncoded)
    }

    /// A token read back from a cookie, when it has the shape of one we made.
    init?(cookie: String?) {
        guard let cookie, cookie.utf8.count == Self.length,
            cookie.utf8.allSatisfy({ Self.isTokenByte($0) })
        else { return nil }
        value = cookie
    }

    private init(value: String) { self.value = value }

    /// Whether a submitted form field carries this token; compares in constant time.
    func matches(_ submitted: String?) -> Bool {
        guard let submitted else { return false }
        let expected = Array(value.utf8)
        let given = Array(submitted.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
