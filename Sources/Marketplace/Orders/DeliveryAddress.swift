import Community
import FluentKit
import Foundation

/// Where an order goes. `villageID` is absent for an address outside the county.
public struct DeliveryAddress: Sendable, Hashable {
    public var name: String
    public var phone: String
    public var villageID: UUID?
    public var addressLine: String

    public init(name: String, phone: String, villageID: UUID?, addressLine: String) {
        self.name = name
        self.phone = phone
        self.villageID = villageID
        self.addressLine = addressLine
    }
}
