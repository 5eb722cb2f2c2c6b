import FluentKit
import Foundation

/// The county that runs this Jishi instance (县). It has towns.
public final class County: Model, @unchecked Sendable {
    public static let schema = "counties"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "name_en") public var nameEn: String
    @Children(for: \.$county) public var towns: [Town]

    public init() {}

    public init(id: UUID? = nil, code: String, name: String, nameEn: String) {
        self.id = id
        self.code = code
        self.name = name
        self.nameEn = nameEn
    }
}
