import Crypto
import Foundation
import JishiKit

/// Cross-site request forgery protection: every form carries a token that is an HMAC-SHA256
/// of the browser's session secret: the session token when signed in, else a random key kept
/// in the `csrf` cookie (HttpOnly, SameSite=Lax) for the forms before signing in. A token
/// taken from one session is worthless in another, and one planted cookie does not make a
/// valid pair: the token for a signed-in browser depends on a session token that another site
/// can neither read nor choose. `VerifiedForm` also refuses posts whose `Origin` (or
/// `Referer`) is another site.
struct CSRFToken: Hashable, Sendable {
    let value: String

    /// 32 random bytes, URL-safe base64: 43 characters.
    static let length = 43

    /// A new random key for a browser without a session.
    static func generate(_ dependencies: Dependencies) -> CSRFToken {
        CSRFToken(value: dependencies.randomBytes(32).base64URLEncoded)
    }

    /// The token forms carry for a session whose secret is `secret`.
    static func bound(to secret: String) -> CSRFToken {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("jishi-csrf-v1".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return CSRFToken(value: Array(mac).base64URLEncoded)
    }

    /// A key read back from a cookie, when it has the shape of one we made.
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
        return constantTimeEqual(value, submitted)
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
