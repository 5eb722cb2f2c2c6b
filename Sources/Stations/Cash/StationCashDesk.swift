import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The marketplace's cash desk: a checkout's cash goes into the drawer of the station it was
/// ordered at (or of its village's counter), and a refund of it comes out of that drawer, each in
/// the marketplace's own transaction and once (the entries' keys are the checkout and refund).
public struct StationCashDesk: CashDesk {
    let dependencies: Dependencies
    let directory = StationDirectory()

    public init(dependencies: Dependencies) { self.dependencies = dependencies }

    public func station(forCheckout checkoutID: UUID, deliveredTo villageID: UUID, on database: any Database)
        async throws -> UUID?
    {
        if let assisted = try await AssistedOrder.query(on: database).filter(\.$checkoutID == checkoutID).first() {
            return assisted.stationID
        }
        return try await directory.counter(ofVillage: villageID, on: database)
    }

    public func took(
        _ amount: Money, forCheckout checkoutID: UUID, at stationID: UUID, by actorID: UUID,
        on database: any Database
    ) async throws {
        let assisted = try await AssistedOrder.query(on: database).filter(\.$checkoutID == checkoutID).first()
        try await CashLedger.lock(stationID, on: database)
        _ = try await CashLedger(dependencies: dependencies).record(
            CashLedger.Movement(
                stationID: stationID, kind: .orderCash, amountMinor: amount.minorUnits, actorID: actorID,
                reason: "#" + checkoutID.uuidString.prefix(8).lowercased(),
                key: "checkout:\(checkoutID.uuidString.lowercased())",
                referenceID: checkoutID, villagerID: assisted?.villagerID), on: database)
        if assisted != nil {
            // The agent earns their share of an order they placed for a villager.
            try await CommissionService(dependencies: dependencies).earn(
                .assistedOrder, baseMinor: amount.minorUnits, reference: checkoutID,
                key: "checkout:\(checkoutID.uuidString.lowercased())", at: stationID, by: actorID, on: database)
        }
    }

    public func handBack(
        _ amount: Money, forCheckout checkoutID: UUID, refundID: UUID, by actorID: UUID?, on database: any Database
    ) async throws {
        guard
            let taken = try await CashEntry.query(on: database).filter(\.$kind == .orderCash)
                .filter(\.$referenceID == checkoutID).first()
        else { return }  // cash taken before the drawers kept a ledger
        try await CashLedger.lock(taken.stationID, on: database)
        _ = try await CashLedger(dependencies: dependencies).record(
            CashLedger.Movement(
                stationID: taken.stationID, kind: .cashRefund, amountMinor: amount.minorUnits, actorID: actorID,
                reason: "#" + refundID.uuidString.prefix(8).lowercased(),
                key: "refund:\(refundID.uuidString.lowercased())", referenceID: refundID,
                villagerID: taken.villagerID), on: database)
        try await CommissionService(dependencies: dependencies).giveBack(
            refundMinor: amount.minorUnits, of: checkoutID, key: "refund:\(refundID.uuidString.lowercased())",
            on: database)
    }
}
