/// What an account may be. A role is granted, optionally within a scope.
public enum Role: String, Codable, Sendable, CaseIterable, Hashable {
    case buyer, seller, agent, dispatcher, courier, official, admin

    /// Roles anyone may take when registering; the rest are granted by an admin.
    public static let selfService: Set<Role> = [.buyer, .seller]
}
