import Foundation
import JishiKit
import Persistence

/// Village service stations (农村淘宝服务站): a station is a network node of kind
/// `village_station` or `pickup_point` with an agent team. Agents register villagers who have
/// no account, order for them and take their cash; every coin that moves through the counter
/// is an entry in the station's double-entry cash ledger, and each day's close counts the
/// drawer and hands the takings to the county.
public enum Stations {}

/// What every stations service needs: the clock and ids, and the transaction runner.
public struct StationsContext: Sendable {
    public var dependencies: Dependencies
    public var transactions: TransactionRunner
    /// How many days an inbound parcel waits at a counter for its recipient before it is sent
    /// back (the county's rule; a week by default).
    public var collectionDays = 7

    public init(dependencies: Dependencies, transactions: TransactionRunner) {
        self.dependencies = dependencies
        self.transactions = transactions
    }
}
