import FluentKit
import Foundation

/// An express company or the postal service whose parcels the county network carries.
public final class Carrier: Model, @unchecked Sendable {
    public static let schema = "carriers"

    @ID(key: .id) public var id: UUID?
    /// Short and stable (`zto`, `ems`): in manifests, tracking addresses and imports; unique.
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "name_en") public var nameEn: String
    @Field(key: "kind") public var kind: Kind

    public init() {}

    public init(id: UUID? = nil, code: String, name: String, nameEn: String, kind: Kind) {
        self.id = id
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.kind = kind
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case express
        case postal
    }
}
