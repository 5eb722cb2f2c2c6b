import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit

/// Assisted buying (代买): the agent orders for a villager, delivered to the station and paid in
/// cash at its counter. The checkout is the marketplace's own, made by the agent; this records
/// for whom and where.
public struct AssistedOrderService: Sendable {
    public let context: StationsContext
    public let marketplace: MarketplaceContext
    let directory = StationDirectory()

    public init(context: StationsContext, marketplace: MarketplaceContext) {
        self.context = context
        self.marketplace = marketplace
    }

    public struct Placed: Sendable {
        public var checkout: Checkout
        public var orders: [Order]
        public var assisted: AssistedOrder
        public var replayed: Bool
    }

    /// Orders `items` for a villager of the station, paid in cash at its counter. A retry with
    /// the same `Idempotency-Key` returns the first checkout.
    public func order(
        _ items: [CheckoutService.Item], for villagerID: UUID, idempotencyKey: String, at stationID: UUID,
        by principal: Principal?, on database: any Database
    ) async throws -> Placed {
        let node = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let villager = try await VillagerService(context: context).villager(villagerID, at: stationID, on: database)
        guard let villageID = node.$village.id else {
            throw Problem(type: .conflict, detail: "This station serves no village to deliver to.", field: "stationId")
        }
        var phone = villager.phone
        if phone == nil { phone = try await Account.find(principal.accountID, on: database)?.phone }
        guard let phone else {
            throw Problem.validation(
                "villagerId", "Neither the villager nor the agent has a phone number the shop can call: add one.")
        }
        let delivery = DeliveryAddress(
            name: villager.name, phone: phone, villageID: villageID, addressLine: "\(node.name)（\(node.code)）")
        let result = try await CheckoutService(context: marketplace).checkout(
            CheckoutService.Request(items: items, delivery: delivery, paymentMethod: .cashAtStation),
            idempotencyKey: idempotencyKey, by: principal, on: database)
        let checkoutID = try result.checkout.requireID()
        try await database.sql().insert(into: AssistedOrder.schema)
            .columns("id", "station_id", "villager_id", "agent_id", "checkout_id", "created_at")
            .values(
                SQLBind(context.dependencies.uuid()), SQLBind(stationID), SQLBind(villagerID),
                SQLBind(principal.accountID), SQLBind(checkoutID), SQLBind(context.dependencies.now())
            )
            .ignoringConflicts(with: "checkout_id").run()
        guard let assisted = try await AssistedOrder.query(on: database).filter(\.$checkoutID == checkoutID).first(),
            assisted.stationID == stationID, assisted.villagerID == villagerID
        else {
            throw Problem(
                type: .idempotencyKeyReused, detail: "This Idempotency-Key ordered for another villager or station.",
                field: "Idempotency-Key")
        }
        return Placed(checkout: result.checkout, orders: result.orders, assisted: assisted, replayed: result.replayed)
    }

    /// The station's assisted orders, newest first, with their villagers (its agents only).
    public func orders(at stationID: UUID, for principal: Principal?, on database: any Database) async throws
        -> [(assisted: AssistedOrder, villager: Villager?, orders: [Order])]
    {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        let assisted = try await AssistedOrder.query(on: database).filter(\.$stationID == stationID)
            .sort(\.$createdAt, .descending).limit(200).all()
        let villagers = try await Villager.query(on: database).filter(\.$id ~~ assisted.map(\.villagerID)).all()
        let byVillager = Dictionary(villagers.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let orders = try await Order.query(on: database).filter(\.$checkout.$id ~~ assisted.map(\.checkoutID)).all()
        let byCheckout = Dictionary(grouping: orders, by: { $0.$checkout.id })
        return assisted.map { ($0, byVillager[$0.villagerID], byCheckout[$0.checkoutID] ?? []) }
    }
}
