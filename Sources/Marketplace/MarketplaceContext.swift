import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// What every marketplace service needs: the clock and ids, and the transaction runner.
public struct MarketplaceContext: Sendable {
    public var dependencies: Dependencies
    public var transactions: TransactionRunner
    /// How long an unpaid order holds its stock.
    public var paymentWindow: TimeInterval
    /// How long an order to be paid in cash at a station holds its stock: the villager has to
    /// walk to the station.
    public var cashWindow: TimeInterval
    /// A delivered order completes by itself this long after delivery unless the buyer
    /// confirms or asks for a refund first.
    public var autoCompleteAfter: TimeInterval
    /// Where follow-up work (expiring unpaid checkouts) is queued.
    public var jobs: JobQueue
    /// How many chat messages one sender may send a minute.
    public var chatMessagesPerMinute = 20
    /// The online payment providers, by name; the sandbox unless configured otherwise.
    public var paymentProviders: [any PaymentProvider] = [SandboxPaymentProvider()]
    /// Prepared statements for the checkout and payment path, where the store has them.
    public var prepared: (any PreparedStatementRunner)?
    /// The county's parcel network, which carries a village shop's shipped orders; none in a
    /// marketplace on its own.
    public var network: (any ShipmentNetwork)?
    /// The stations' cash drawers, where cash for orders is taken and handed back; none in a
    /// marketplace on its own.
    public var cashDesk: (any CashDesk)?
    /// Told of every sale and refund in its transaction (the stations' consignment shops).
    public var saleObserver: (any SaleObserver)?
    /// Told of every new or changed listing in its transaction (the design registry).
    public var listingObserver: (any ListingObserver)?

    public init(
        dependencies: Dependencies, transactions: TransactionRunner, paymentWindow: TimeInterval = 30 * 60,
        cashWindow: TimeInterval = 48 * 3600, autoCompleteAfter: TimeInterval = 7 * 24 * 3600, jobs: JobQueue? = nil
    ) {
        self.dependencies = dependencies
        self.transactions = transactions
        self.paymentWindow = paymentWindow
        self.cashWindow = cashWindow
        self.autoCompleteAfter = autoCompleteAfter
        self.jobs = jobs ?? JobQueue(dependencies: dependencies, workerID: "marketplace")
    }
}

/// A text field trimmed and checked by `TextRule` and for its length, naming the field. Line
/// breaks and tabs only where the field is `multiline`.
func requireText(_ value: String, field: String, length: ClosedRange<Int>, multiline: Bool = false) throws -> String {
    try TextRule.require(value, field: field, length: length, multiline: multiline)
}
