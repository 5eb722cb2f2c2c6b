/// Hashes and checks passwords. The server supplies Bcrypt; tests may lower its cost.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) throws -> String
    func verify(_ password: String, created hash: String) throws -> Bool
}
