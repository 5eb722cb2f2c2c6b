import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace

/// Returns taken in at the counter: a villager brings back goods the agent bought for them;
/// the agent asks the shop for the refund with the goods to return and a return parcel enters
/// the network from the station. When the shop confirms the goods arrived, the refund is paid
/// and, the order having been paid in cash, the cash comes out of the drawer for the villager.
public struct CounterReturns: Sendable {
    public let context: StationsContext
    public let marketplace: MarketplaceContext
    let directory = StationDirectory()

    public init(context: StationsContext, marketplace: MarketplaceContext) {
        self.context = context
        self.marketplace = marketplace
    }

    /// A return with its refund and parcel, as the counter shows it.
    public struct Taken: Sendable {
        public var taken: CounterReturn
        public var refund: Refund
        public var parcel: Parcel?
        public var villager: Villager?
    }

    /// Takes back all of an assisted order's goods not yet refunded (the agent who placed it);
    /// a retry with the same key returns the first return.
    public func takeBack(
        orderID: UUID, reason: String, idempotencyKey: String, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> Taken {
        let node = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let key = try CashService.key(idempotencyKey)
        if let earlier = try await CounterReturn.query(on: database).filter(\.$stationID == stationID)
            .filter(\.$idempotencyKey == key).first()
        {
            return try await taken(earlier, on: database)
        }
        guard let order = try await Order.find(orderID, on: database),
            let assisted = try await AssistedOrder.query(on: database).filter(\.$checkoutID == order.$checkout.id)
                .first(), assisted.stationID == stationID
        else { throw Problem.notFound("An order bought at this station", field: "orderId") }
        guard [.delivered, .completed].contains(order.status) else {
            throw Problem(
                type: .conflict, detail: "Only goods the villager has received come back at the counter.",
                field: "orderId")
        }
        // A refund asked for by an earlier try that failed before its parcel was written is
        // taken up again rather than asked for twice.
        let open = try await Refund.query(on: database).filter(\.$order.$id == orderID)
            .filter(\.$status == .requested).filter(\.$requiresReturn == true).first()
        let refund: Refund
        if let open, try await CounterReturn.query(on: database).filter(\.$refundID == open.requireID()).first() == nil
        {
            refund = open
        } else {
            let left = order.totalMinor - order.refundReservedMinor
            guard left > 0 else {
                throw Problem(type: .conflict, detail: "This order is refunded already.", field: "orderId")
            }
            refund = try await RefundService(context: marketplace).request(
                orderID: orderID, amountMinor: left, reason: reason, requiresReturn: true, by: principal,
                on: database)
        }
        let parcels = OrderParcels(dependencies: context.dependencies)
        let dependencies = context.dependencies
        let refundID = try refund.requireID()
        let nodeID = try node.requireID()
        do {
            return try await context.transactions.transaction(on: database) { db in
                let parcel = try await parcels.registerReturn(of: order, from: nodeID, by: principal.accountID, on: db)
                let taken = CounterReturn(
                    id: dependencies.uuid(), stationID: stationID, orderID: orderID, villagerID: assisted.villagerID,
                    refundID: refundID, parcelID: parcel?.id, takenBy: principal.accountID, idempotencyKey: key,
                    at: dependencies.now())
                try await taken.create(on: db)
                return Taken(
                    taken: taken, refund: refund, parcel: parcel,
                    villager: try await Villager.find(assisted.villagerID, on: db))
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            guard
                let earlier = try await CounterReturn.query(on: database).filter(\.$stationID == stationID)
                    .filter(\.$idempotencyKey == key).first()
            else { throw Problem(type: .conflict, detail: "The return clashed with another; send it again.") }
            return try await taken(earlier, on: database)
        }
    }

    /// The station's returns, newest first (its agents, officials in scope).
    public func returns(at stationID: UUID, for principal: Principal?, on database: any Database) async throws
        -> [Taken]
    {
        _ = try await directory.require(.read, at: stationID, by: principal, on: database)
        var result: [Taken] = []
        for row in try await CounterReturn.query(on: database).filter(\.$stationID == stationID)
            .sort(\.$at, .descending).limit(100).all()
        {
            result.append(try await taken(row, on: database))
        }
        return result
    }

    private func taken(_ row: CounterReturn, on database: any Database) async throws -> Taken {
        guard let refund = try await Refund.find(row.refundID, on: database) else {
            throw Problem.notFound("The refund", field: "refundId")
        }
        var parcel: Parcel?
        if let parcelID = row.parcelID { parcel = try await Parcel.find(parcelID, on: database) }
        var villager: Villager?
        if let villagerID = row.villagerID { villager = try await Villager.find(villagerID, on: database) }
        return Taken(taken: row, refund: refund, parcel: parcel, villager: villager)
    }
}
