import Community
import FluentKit
import Foundation
import JishiKit

public struct StatementService: Sendable {
    public init() {}

    /// Commission on one line, half up.
    public static func commission(onMinor amount: Int64, basisPoints: Int) -> Int64 {
        (amount * Int64(basisPoints) + 5_000) / 10_000
    }

    /// The statement for `[from, to)`; staff of the shop or an admin of its place only.
    public func statement(
        shopID: UUID, from: Date, to: Date, by principal: Principal, on database: any Database
    ) async throws -> Statement {
        guard from < to else { throw Problem.validation("to", "The period must end after it starts.") }
        guard try await ShopAccess.actsFor(shopID: shopID, principal, on: database) else {
            throw Problem.notFound("The shop", field: "shopId")
        }

        var statement = Statement(shopID: shopID, from: from, to: to)
        try await addSupply(to: &statement, on: database)
        try await addOrders(to: &statement, on: database)
        return statement
    }

    /// Both sides of the shop's supply orders in the period.
    private func addSupply(to statement: inout Statement, on database: any Database) async throws {
        let shopID = statement.shopID
        let orders = try await SupplyOrder.query(on: database)
            .group(.or) { $0.filter(\.$producer.$id == shopID).filter(\.$reseller.$id == shopID) }.all()
        guard !orders.isEmpty else { return }
        let byID = Dictionary(uniqueKeysWithValues: try orders.map { (try $0.requireID(), $0) })
        let ids = Array(byID.keys)
        let paid = try await SupplyOrderEvent.query(on: database).filter(\.$supplyOrder.$id ~~ ids)
            .filter(\.$to == .paid).filter(\.$at >= statement.from).filter(\.$at < statement.to).all()
        for event in paid {
            guard let order = byID[event.$supplyOrder.id] else { continue }
            if order.$producer.id == shopID { statement.wholesaleSalesMinor += order.totalMinor }
            if order.$reseller.id == shopID { statement.supplyCostMinor += order.totalMinor }
        }
        let credits = try await SupplyCredit.query(on: database).filter(\.$supplyOrder.$id ~~ ids)
            .filter(\.$at >= statement.from).filter(\.$at < statement.to).all()
        for credit in credits {
            guard let order = byID[credit.$supplyOrder.id] else { continue }
            if order.$producer.id == shopID { statement.wholesaleCreditsMinor += credit.amountMinor }
            if order.$reseller.id == shopID { statement.supplyCreditsMinor += credit.amountMinor }
        }
    }
}
