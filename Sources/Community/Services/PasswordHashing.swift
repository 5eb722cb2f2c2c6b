/// Hashes and checks passwords. The server supplies Bcrypt, run off the event loops; tests
/// may lower its cost.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, created hash: String) async throws -> Bool
}
