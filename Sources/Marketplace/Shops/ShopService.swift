import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// Opens and runs shops. Any seller opens one for free.
public struct ShopService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    public struct Opening: Sendable {
        public var name: String
        public var description: String
        public var villageID: UUID
        public var kind: Shop.Kind
        public var brandName: String?
        public var licenceNumber: String?
        /// The registered household that runs the shop, if any; it must live in the village.
        public var householdID: UUID?

        public init(
            name: String, description: String = "", villageID: UUID, kind: Shop.Kind, brandName: String? = nil,
            licenceNumber: String? = nil, householdID: UUID? = nil
        ) {
            self.name = name
            self.description = description
            self.villageID = villageID
            self.kind = kind
            self.brandName = brandName
            self.licenceNumber = licenceNumber
            self.householdID = householdID
        }
    }

    public func open(_ opening: Opening, by principal: Principal, on database: any Database) async throws -> Shop {
        try Authorization.require(principal, .sell, .marketplace)
        let name = try requireText(opening.name, field: "name", length: FieldLimits.shopName)
        let description = try requireText(
            opening.description, field: "description", length: FieldLimits.shopDescription, multiline: true)
        guard try await Village.find(opening.villageID, on: database) != nil else {
            throw Problem.notFound("The village", field: "villageId")
        }
        if let householdID = opening.householdID {
            guard let household = try await Household.find(householdID, on: database),
                household.$village.id == opening.villageID
            else { throw Problem.notFound("The household in that village", field: "householdId") }
        }
        let shop = Shop(
            id: context.dependencies.uuid(), ownerID: principal.accountID, villageID: opening.villageID,
            householdID: opening.householdID, name: name, description: description, kind: opening.kind)
        if opening.kind == .enterprise {
            shop.brandName = try requireText(opening.brandName ?? "", field: "brandName", length: FieldLimits.brandName)
            shop.licenceNumber = try requireText(
                opening.licenceNumber ?? "", field: "licenceNumber", length: FieldLimits.licenceNumber)
        }
        let staff = ShopStaff(
            id: context.dependencies.uuid(), shopID: try shop.requireID(), accountID: principal.accountID, role: .owner)
        try await context.transactions.transaction(on: database) { db in
            try await shop.create(on: db)
            try await staff.create(on: db)
        }
        return shop
    }

    /// The shop, if `principal` works for it or administers its village (`ShopAccess`); a `404` otherwise (and for unknown shops), so
    /// nobody learns of shops they do not run.
    public func requireStaff(of shopID: UUID, _ principal: Principal, on database: any Database) async throws -> Shop {
        guard let shop = try await Shop.find(shopID, on: database),
            try await ShopAccess.actsFor(shopID: shopID, principal, on: database)
        else { throw Problem.notFound("The shop", field: "shopId") }
        return shop
    }
}
