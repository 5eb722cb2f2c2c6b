import FluentKit
import Foundation

/// A product category; the commission rate on its sales is set by an admin and fixed onto
/// each order line at the time of sale.
public final class Category: Model, @unchecked Sendable {
    public static let schema = "categories"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "name_en") public var nameEn: String
    /// Commission in basis points (1/100 of a percent): 500 = 5 %.
    @Field(key: "commission_bps") public var commissionBasisPoints: Int

    public init() {}

    public init(id: UUID? = nil, code: String, name: String, nameEn: String, commissionBasisPoints: Int) {
        self.id = id
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.commissionBasisPoints = commissionBasisPoints
    }
}
