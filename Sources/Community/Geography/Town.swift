import FluentKit
import Foundation

/// A town or township (镇/乡): its government runs the e-commerce office. It has villages.
public final class Town: Model, @unchecked Sendable {
    public static let schema = "towns"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "county_id") public var county: County
    @Field(key: "name") public var name: String
    @Field(key: "name_en") public var nameEn: String
    @Field(key: "latitude") public var latitude: Double
    @Field(key: "longitude") public var longitude: Double
    @Children(for: \.$town) public var villages: [Village]

    public init() {}

    public init(
        id: UUID? = nil, countyID: County.IDValue, name: String, nameEn: String, latitude: Double,
        longitude: Double
    ) {
        self.id = id
        self.$county.id = countyID
        self.name = name
        self.nameEn = nameEn
        self.latitude = latitude
        self.longitude = longitude
    }
}
