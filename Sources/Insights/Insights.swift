import FluentKit
import Foundation
import JishiKit
import Persistence

/// What the town and county governments see: every shop of the county on any platform (Jishi's
/// own and those its sellers report from other platforms) with its monthly orders and sales,
/// the division list that places them, and Taobao-village recognition by AliResearch's rules
/// (`../shared/DOMAIN.md`), with the evidence for every decision.
public enum Insights {}

/// What every insights service needs: the clock and ids, and the transaction runner.
public struct InsightsContext: Sendable {
    public var dependencies: Dependencies
    public var transactions: TransactionRunner
    /// Where the sync of Jishi's own shops into the registry writes when a report reads a
    /// replica (the primary; the replica gets the figures by replication); nil: the database the
    /// report reads.
    public var syncDatabase: (any Database)?

    public init(dependencies: Dependencies, transactions: TransactionRunner) {
        self.dependencies = dependencies
        self.transactions = transactions
    }
}
