import Community
import Crypto
import Foundation

/// A salted SHA-256 in place of Bcrypt, whose cost domain tests need not pay; the server's
/// tests cover Bcrypt.
public struct TestPasswordHasher: PasswordHashing {
    public init() {}

    public func hash(_ password: String) async throws -> String {
        let salt = UUID().uuidString
        return "test$" + salt + "$" + Self.digest(salt + password)
    }

    public func verify(_ password: String, created hash: String) async throws -> Bool {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "test" else { return false }
        return Self.digest(String(parts[1]) + password) == parts[2]
    }

    private static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
