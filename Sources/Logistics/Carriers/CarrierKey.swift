import Crypto
import FluentKit
import Foundation
import JishiKit

/// A key a carrier's system sends (`X-Carrier-Key`) to add its own parcels to the network.
/// Only its SHA-256 is stored: the key itself is shown once, when an admin issues it.
public final class CarrierKey: Model, @unchecked Sendable {
    public static let schema = "carrier_keys"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "carrier_id") public var carrier: Carrier
    /// SHA-256 of the key, hexadecimal; unique.
    @Field(key: "key_hash") public var keyHash: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(id: UUID, carrierID: UUID, keyHash: String, createdAt: Date) {
        self.id = id
        self.$carrier.id = carrierID
        self.keyHash = keyHash
        self.createdAt = createdAt
    }
}

/// Issues carriers' keys and tells whose a key is.
public struct CarrierKeyService: Sendable {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies = .live) {
        self.dependencies = dependencies
    }

    /// A new key for the carrier `code` (`jck_` and 43 URL-safe characters: 32 random bytes),
    /// returned this once. With `revokingOthers`, the carrier's earlier keys stop working.
    public func issue(carrierCode code: String, revokingOthers: Bool = false, on database: any Database)
        async throws -> String
    {
        guard let carrier = try await CarrierService().carrier(code: code, on: database),
            let carrierID = carrier.id
        else { throw Problem.notFound("The carrier \"\(code)\"", field: "carrier") }
        let key = "jck_" + dependencies.randomBytes(32).base64URLEncoded
        let now = dependencies.now()
        let record = CarrierKey(
            id: dependencies.uuid(), carrierID: carrierID, keyHash: Self.digest(key), createdAt: now)
        try await database.transaction { db in
            if revokingOthers {
                try await CarrierKey.query(on: db).filter(\.$carrier.$id == carrierID).filter(\.$revokedAt == nil)
                    .set(\.$revokedAt, to: now).update()
            }
            try await record.create(on: db)
        }
        return key
    }

    /// The carrier whose live key `key` is; a `401` problem for a missing, unknown or revoked key.
    public func carrier(forKey key: String?, on database: any Database) async throws -> Carrier {
        let unknown = Problem(type: .unauthenticated, detail: "Send the carrier's key in X-Carrier-Key.")
        guard let key, (8...128).contains(key.utf8.count),
            let record = try await CarrierKey.query(on: database).filter(\.$keyHash == Self.digest(key))
                .filter(\.$revokedAt == nil).with(\.$carrier).first()
        else { throw unknown }
        return record.carrier
    }

    static func digest(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).hexadecimal
    }
}
