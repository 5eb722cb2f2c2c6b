import Community
import FluentKit
import Foundation

/// One movement of money at a station, never edited: a mistake is put right by a reversing
/// entry. Its two sides are its two postings, which sum to zero; `(station, idempotency key)`
/// is unique, so a retried movement finds the first one.
public final class CashEntry: Model, @unchecked Sendable {
    public static let schema = "cash_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "kind") public var kind: Kind
    /// What moved, in fen; always positive (the kind says which way).
    @Field(key: "amount_minor") public var amountMinor: Int64
    /// The account that gains `amount` and the one that gives it.
    @Field(key: "debit_account") public var debitAccount: CashAccount
    @Field(key: "credit_account") public var creditAccount: CashAccount
    /// Who did it; `nil` for Jishi itself.
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "reason") public var reason: String
    @Field(key: "idempotency_key") public var idempotencyKey: String
    /// A digest of what was asked, so the same key with another movement is refused.
    @Field(key: "request_digest") public var requestDigest: String
    /// What it is for: a checkout, a refund, a close.
    @OptionalField(key: "reference_id") public var referenceID: UUID?
    @OptionalField(key: "villager_id") public var villagerID: UUID?
    /// The entry this one reverses (unique: an entry is reversed at most once).
    @OptionalField(key: "reverses_id") public var reversesID: UUID?
    @Field(key: "at") public var at: Date

    public init() {}

    public init(
        id: UUID, stationID: UUID, kind: Kind, amountMinor: Int64, debit: CashAccount, credit: CashAccount,
        actorID: UUID?, reason: String, idempotencyKey: String, requestDigest: String, referenceID: UUID? = nil,
        villagerID: UUID? = nil, reversesID: UUID? = nil, at: Date
    ) {
        self.id = id
        self.stationID = stationID
        self.kind = kind
        self.amountMinor = amountMinor
        self.debitAccount = debit
        self.creditAccount = credit
        self.actorID = actorID
        self.reason = reason
        self.idempotencyKey = idempotencyKey
        self.requestDigest = requestDigest
        self.referenceID = referenceID
        self.villagerID = villagerID
        self.reversesID = reversesID
        self.at = at
    }

    /// Every kind of movement at the counter.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A villager's cash for an order, owed on to the county.
        case orderCash = "order_cash"
        /// Cash handed back for a refund of an order paid at the counter.
        case cashRefund = "cash_refund"
        /// Cash on delivery taken for a parcel, owed to its sender.
        case codCollected = "cod_collected"
        /// A consignor's share of their sales, paid out.
        case consignorPayout = "consignor_payout"
        /// A fee for a service (a bill paid, a ticket bought).
        case serviceFee = "service_fee"
        /// The agent's guarantee deposit paid in.
        case depositTopUp = "deposit_top_up"
        /// The takings handed over to the county at a confirmed close.
        case remittance
        /// What the count at a close found more or less than the drawer should hold.
        case closeDifference = "close_difference"
        /// Undoes an earlier entry, side for side.
        case reversal
    }

    /// The sides a movement of this kind takes: what gains the amount, what gives it.
    public static func sides(of kind: Kind) -> (debit: CashAccount, credit: CashAccount)? {
        switch kind {
        case .orderCash: (.drawer, .county)
        case .cashRefund: (.county, .drawer)
        case .codCollected: (.drawer, .senders)
        case .consignorPayout: (.consignors, .drawer)
        case .serviceFee: (.drawer, .services)
        case .depositTopUp: (.drawer, .deposit)
        case .remittance: (.county, .drawer)
        case .closeDifference, .reversal: nil  // their sides depend on the entry
        }
    }
}

/// The accounts of a station's ledger. The drawer is the cash in it; the others say whose that
/// cash is or where it went.
public enum CashAccount: String, Codable, Sendable, CaseIterable {
    /// The cash in the drawer.
    case drawer
    /// What the station owes the county (order cash) and what the county received.
    case county
    /// Cash on delivery owed to the senders of parcels.
    case senders
    /// What consignor villagers are owed and were paid.
    case consignors
    /// Fees for services.
    case services
    /// The agent's guarantee deposit.
    case deposit
    /// Over and short at the closes.
    case difference
}

/// One side of an entry: an account gains (positive) or gives (negative) an amount.
public final class CashPosting: Model, @unchecked Sendable {
    public static let schema = "cash_postings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "entry_id") public var entryID: UUID
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "account") public var account: CashAccount
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, entryID: UUID, stationID: UUID, account: CashAccount, amountMinor: Int64, at: Date) {
        self.id = id
        self.entryID = entryID
        self.stationID = stationID
        self.account = account
        self.amountMinor = amountMinor
        self.at = at
    }
}

/// One row per station whose ledger has been written: every write to a station's ledger first
/// bumps it, so on PostgreSQL the row lock puts one station's movements in one order (a close
/// then sees exactly the drawer it counts) while other stations go on at once.
final class StationDrawer: Model, @unchecked Sendable {
    static let schema = "station_drawers"

    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int64

    init() {}
}
