import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func statement(_ statement: Statement) -> Components.Schemas.Statement {
        Components.Schemas.Statement(
            shopId: statement.shopID.uuidString, from: statement.from, to: statement.to,
            salesMinor: statement.salesMinor, refundsMinor: statement.refundsMinor,
            commissionMinor: statement.commissionMinor, commissionReturnedMinor: statement.commissionReturnedMinor,
            netPayableMinor: statement.netPayableMinor, paidOrders: statement.paidOrders, refunds: statement.refunds,
            wholesaleSalesMinor: statement.wholesaleSalesMinor, wholesaleCreditsMinor: statement.wholesaleCreditsMinor,
            supplyCostMinor: statement.supplyCostMinor, supplyCreditsMinor: statement.supplyCreditsMinor)
    }
}
