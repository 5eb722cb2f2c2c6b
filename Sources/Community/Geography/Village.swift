import FluentKit
import Foundation
import JishiKit

/// An administrative village (行政村): the unit of Taobao-village recognition.
///
/// `householdCount` is the census figure (the denominator of the "10 % of households" rule);
/// the `households` children are the households registered in Jishi.
public final class Village: Model, @unchecked Sendable {
    public static let schema = "villages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "town_id") public var town: Town
    /// The 12-digit statistical division code (the town's 9 digits and 3 of its own); unique.
    @Field(key: "code") public var code: String
    @Field(key: "kind") public var kind: Kind
    @Field(key: "name") public var name: String
    @Field(key: "name_en") public var nameEn: String
    @Field(key: "latitude") public var latitude: Double
    @Field(key: "longitude") public var longitude: Double
    @Field(key: "household_count") public var householdCount: Int
    @Field(key: "specialty") public var specialty: Specialty
    @Children(for: \.$village) public var households: [Household]

    public init() {}

    public init(
        id: UUID? = nil, townID: Town.IDValue, code: String, kind: Kind = .administrative, name: String,
        nameEn: String, location: GeoPoint, householdCount: Int, specialty: Specialty
    ) {
        self.id = id
        self.$town.id = townID
        self.code = code
        self.kind = kind
        self.name = name
        self.nameEn = nameEn
        self.latitude = location.latitude
        self.longitude = location.longitude
        self.householdCount = householdCount
        self.specialty = specialty
    }

    public var location: GeoPoint { GeoPoint(latitude: latitude, longitude: longitude) }
}

extension Village {
    /// The kinds of village-level division.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// 村民委员会: an administrative village, the unit Taobao-village recognition counts.
        case administrative
        /// 居民委员会: a residents' committee of a town's built-up area.
        case residents
    }

    /// What the village is known for, as in the field studies.
    public enum Specialty: String, Codable, Sendable, CaseIterable {
        case costumes  // performance costumes and hanfu, like Village D in Cao County
        case urbanWholesale = "urban_wholesale"  // urban village by a wholesale market (Guangzhou)
        case farmProducts = "farm_products"
        case furniture
        case handicrafts
        case mixed
    }
}
