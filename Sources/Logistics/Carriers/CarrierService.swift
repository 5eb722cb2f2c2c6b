import FluentKit
import Foundation

/// The carriers the network serves.
public struct CarrierService: Sendable {
    public init() {}

    /// Every carrier, by code.
    public func carriers(on database: any Database) async throws -> [Carrier] {
        try await Carrier.query(on: database).sort(\.$code).all()
    }

    /// The carrier with `code` (as typed: case and spaces forgiven).
    public func carrier(code: String, on database: any Database) async throws -> Carrier? {
        let normalized = code.trimmingCharacters(in: .whitespaces).lowercased()
        guard !normalized.isEmpty, normalized.count <= 16 else { return nil }
        return try await Carrier.query(on: database).filter(\.$code == normalized).first()
    }
}
