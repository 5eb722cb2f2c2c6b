import FluentKit
import Foundation

/// A household (户) registered in Jishi: the unit of the "10 % of households" rule; a shop may
/// belong to one.
public final class Household: Model, @unchecked Sendable {
    public static let schema = "households"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "village_id") public var village: Village
    @Field(key: "head_name") public var headName: String
    @Field(key: "members") public var members: Int
    @Timestamp(key: "registered_at", on: .create) public var registeredAt: Date?

    public init() {}

    public init(id: UUID? = nil, villageID: Village.IDValue, headName: String, members: Int) {
        self.id = id
        self.$village.id = villageID
        self.headName = headName
        self.members = members
    }
}
