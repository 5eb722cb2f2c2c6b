import FluentKit
import Foundation

/// A town or township (镇/乡) or subdistrict (街道): its government runs the e-commerce office.
/// It has villages. `code` is its 9-digit statistical division code (the county's 6 digits and
/// 3 of its own).
public final class Town: Model, @unchecked Sendable {
    public static let schema = "towns"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "county_id") public var county: County
    /// The 9-digit statistical division code; unique.
    @Field(key: "code") public var code: String
    @Field(key: "kind") public var kind: Kind
    @Field(key: "name") public var name: String
    @Field(key: "name_en") public var nameEn: String
    @Field(key: "latitude") public var latitude: Double
    @Field(key: "longitude") public var longitude: Double
    @Children(for: \.$town) public var villages: [Village]

    public init() {}

    public init(
        id: UUID? = nil, countyID: County.IDValue, code: String, kind: Kind = .town, name: String, nameEn: String,
        latitude: Double, longitude: Double
    ) {
        self.id = id
        self.$county.id = countyID
        self.code = code
        self.kind = kind
        self.name = name
        self.nameEn = nameEn
        self.latitude = latitude
        self.longitude = longitude
    }
}

extension Town {
    /// The kinds of town-level division.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// 镇
        case town
        /// 乡
        case township
        /// 街道, in a county seat's built-up area
        case subdistrict
    }
}
