import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
import SQLKit

/// A station's cash drawer: what it holds, the movements agents record by hand, reversals, and
/// the daily close with the county's confirmation. The drawer's balance is always the sum of its
/// ledger's postings; nothing is ever edited.
public struct CashService: Sendable {
    public let context: StationsContext
    let directory = StationDirectory()

    public init(context: StationsContext) { self.context = context }

    var ledger: CashLedger { CashLedger(dependencies: context.dependencies) }

    /// The movements an agent records by hand through the API; the others are recorded by what
    /// causes them (a cash payment, a refund, a close).
    public static let manualKinds: Set<CashEntry.Kind> = [.depositTopUp]
    /// The movements an agent may reverse; those of payments, refunds and closes are put right
    /// by what made them (a cancellation refunds an order's cash).
    public static let reversibleKinds: Set<CashEntry.Kind> = [.depositTopUp, .serviceFee]

    public struct Drawer: Sendable {
        /// The cash the drawer holds by the ledger.
        public var balanceMinor: Int64
        /// The guarantee deposit paid in, net of reversals.
        public var depositMinor: Int64
        /// The newest entries first.
        public var entries: [CashEntry]
    }

    public static let entryLimit = 1...500

    /// The drawer and its latest entries (the station's agents, and officials in scope).
    public func drawer(_ stationID: UUID, limit: Int = 100, for principal: Principal?, on database: any Database)
        async throws -> Drawer
    {
        _ = try await directory.require(.read, at: stationID, by: principal, on: database)
        let limit = min(max(limit, Self.entryLimit.lowerBound), Self.entryLimit.upperBound)
        return Drawer(
            balanceMinor: try await CashLedger.balance(of: .drawer, at: stationID, on: database),
            depositMinor: -(try await CashLedger.balance(of: .deposit, at: stationID, on: database)),
            entries: try await CashEntry.query(on: database).filter(\.$stationID == stationID)
                .sort(\.$at, .descending).sort(\.$id, .descending).limit(limit).all())
    }

    /// Records a movement by hand (`manualKinds`), once per key.
    public func record(
        _ kind: CashEntry.Kind, amountMinor: Int64, reason: String, idempotencyKey: String, at stationID: UUID,
        by principal: Principal?, on database: any Database
    ) async throws -> CashEntry {
        let principal = try await requireAgent(at: stationID, principal, on: database)
        let key = try Self.key(idempotencyKey)
        guard Self.manualKinds.contains(kind) else {
            throw Problem.validation(
                "kind", "Record only \(Self.manualKinds.map(\.rawValue).sorted().joined(separator: ", ")) by hand.")
        }
        guard amountMinor > 0 else { throw Problem.validation("amountMinor", "The amount must be more than zero fen.") }
        guard amountMinor <= Self.largestAmount else {
            throw Problem.validation("amountMinor", "The amount is too large for a station's counter.")
        }
        let reason = try TextRule.require(reason, field: "reason", length: 1...200)
        let movement = CashLedger.Movement(
            stationID: stationID, kind: kind, amountMinor: amountMinor, actorID: principal.accountID, reason: reason,
            key: key)
        return try await write(movement)(database)
    }

    /// Reverses an entry side for side, once: a second reversal of the same entry is a `409`.
    public func reverse(
        _ entryID: UUID, reason: String, idempotencyKey: String, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> CashEntry {
        let principal = try await requireAgent(at: stationID, principal, on: database)
        let key = try Self.key(idempotencyKey)
        let reason = try TextRule.require(reason, field: "reason", length: 1...200)
        guard let original = try await CashEntry.find(entryID, on: database), original.stationID == stationID else {
            throw Problem.notFound("The entry", field: "entryId")
        }
        let movement = CashLedger.Movement(
            stationID: stationID, kind: .reversal, amountMinor: original.amountMinor,
            sides: (original.creditAccount, original.debitAccount), actorID: principal.accountID, reason: reason,
            key: key, referenceID: original.referenceID, villagerID: original.villagerID, reversesID: entryID)
        if let earlier = try await CashLedger.earlier(movement, on: database) { return earlier }
        guard Self.reversibleKinds.contains(original.kind) else {
            throw Problem(
                type: .conflict,
                detail: "A \(original.kind.rawValue) entry is put right by what made it, not reversed.",
                field: "entryId")
        }
        do {
            return try await write(movement)(database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            if let earlier = try await CashLedger.earlier(movement, on: database) { return earlier }
            throw Problem(type: .conflict, detail: "This entry was reversed already.", field: "entryId")
        }
    }

    public struct CloseInput: Sendable {
        public var countedMinor: Int64
        /// Cash left in the drawer for change and payouts; the rest goes to the county.
        public var keptMinor: Int64
        public var explanation: String?

        public init(countedMinor: Int64, keptMinor: Int64 = 0, explanation: String? = nil) {
            self.countedMinor = countedMinor
            self.keptMinor = keptMinor
            self.explanation = explanation
        }
    }

    /// Closes the station's day: the count against the ledger, the difference booked (and
    /// explained when there is one), the takings handed to the county. Once per station and day;
    /// a retry with the same key returns the first close, anything else that day is a `409`.
    public func close(
        _ input: CloseInput, idempotencyKey: String, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> CashClose {
        let principal = try await requireAgent(at: stationID, principal, on: database)
        let key = try Self.key(idempotencyKey)
        guard (0...Self.largestAmount).contains(input.countedMinor) else {
            throw Problem.validation("countedMinor", "Count the drawer in whole fen, zero or more.")
        }
        guard (0...input.countedMinor).contains(input.keptMinor) else {
            throw Problem.validation("keptMinor", "Keep between nothing and what was counted.")
        }
        let explanation = try input.explanation.map { try TextRule.require($0, field: "explanation", length: 0...500) }
            .flatMap { $0.isEmpty ? nil : $0 }
        let digest = [String(input.countedMinor), String(input.keptMinor), explanation ?? ""].joined(separator: "|")
        let now = context.dependencies.now()
        let day = PageDate.string(now)
        if let earlier = try await earlierClose(stationID, key: key, digest: digest, on: database) { return earlier }
        let closeID = context.dependencies.uuid()
        let ledger = self.ledger
        do {
            return try await context.transactions.transaction(on: database) { db in
                try await CashLedger.lock(stationID, on: db)
                guard
                    try await CashClose.query(on: db).filter(\.$stationID == stationID)
                        .filter(\.$businessDay == day).first() == nil
                else {
                    throw Problem(
                        type: .conflict, detail: "This station's day \(day) is closed already.", field: "countedMinor")
                }
                let expected = try await CashLedger.balance(of: .drawer, at: stationID, on: db)
                let close = CashClose(
                    id: closeID, stationID: stationID, businessDay: day, expectedMinor: expected,
                    countedMinor: input.countedMinor, explanation: explanation, closedBy: principal.accountID, at: now,
                    idempotencyKey: key, requestDigest: digest)
                close.keptMinor = input.keptMinor
                if close.differenceMinor != 0 {
                    guard explanation != nil else {
                        throw Problem.validation(
                            "explanation",
                            "The count is \(Money(minorUnits: close.differenceMinor).formatted) off the ledger: say why."
                        )
                    }
                    let over = close.differenceMinor > 0
                    _ = try await ledger.record(
                        CashLedger.Movement(
                            stationID: stationID, kind: .closeDifference, amountMinor: abs(close.differenceMinor),
                            sides: over ? (.drawer, .difference) : (.difference, .drawer),
                            actorID: principal.accountID, reason: explanation ?? "", key: "close:\(closeID):difference",
                            referenceID: closeID), on: db)
                }
                let handedOver = input.countedMinor - input.keptMinor
                if handedOver > 0 {
                    _ = try await ledger.record(
                        CashLedger.Movement(
                            stationID: stationID, kind: .remittance, amountMinor: handedOver,
                            actorID: principal.accountID, reason: day,
                            key: "close:\(closeID):remittance",
                            referenceID: closeID), on: db)
                }
                try await close.create(on: db)
                return close
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            if let earlier = try await earlierClose(stationID, key: key, digest: digest, on: database) {
                return earlier
            }
            throw Problem(
                type: .conflict, detail: "This station's day \(day) is closed already.", field: "countedMinor")
        }
    }

    /// The station's closes, newest first (its agents, and officials in scope).
    public func closes(_ stationID: UUID, for principal: Principal?, on database: any Database) async throws
        -> [CashClose]
    {
        _ = try await directory.require(.read, at: stationID, by: principal, on: database)
        return try await CashClose.query(on: database).filter(\.$stationID == stationID)
            .sort(\.$businessDay, .descending).limit(400).all()
    }

    /// A station as the overview lists it: its drawer and its last close.
    public struct Summary: Sendable {
        public var node: NetworkNode
        public var balanceMinor: Int64
        public var lastClose: CashClose?
    }

    /// Every open station `principal` may read (their own counters, or those their office
    /// oversees), by code, each with its drawer and last close. The towns are read once, so
    /// each station costs its own two reads and no more.
    public func overview(for principal: Principal, on database: any Database) async throws -> [Summary] {
        let towns = Dictionary(
            try await Town.query(on: database).all().map { ($0.id, $0.$county.id) }, uniquingKeysWith: { a, _ in a })
        var summaries: [Summary] = []
        for node in try await directory.stations(on: database) {
            let id = try node.requireID()
            let place = Place(
                countyID: towns[node.$town.id] ?? nil, townID: node.$town.id, villageID: node.$village.id,
                stationID: id)
            guard StationDirectory.may(principal, .read, at: place) else { continue }
            summaries.append(
                Summary(
                    node: node, balanceMinor: try await CashLedger.balance(of: .drawer, at: id, on: database),
                    lastClose: try await CashClose.query(on: database).filter(\.$stationID == id)
                        .sort(\.$businessDay, .descending).first()))
        }
        return summaries
    }

    /// The county confirms it received a close's takings (an official or admin in scope); once.
    public func confirm(_ closeID: UUID, at stationID: UUID, by principal: Principal?, on database: any Database)
        async throws -> CashClose
    {
        _ = try await directory.require(.confirm, at: stationID, by: principal, on: database)
        guard let principal, let close = try await CashClose.find(closeID, on: database), close.stationID == stationID
        else { throw Problem.notFound("The close", field: "closeId") }
        if close.confirmedAt != nil { return close }
        let now = context.dependencies.now()
        try await database.sql().update(CashClose.schema)
            .set(SQLIdentifier("confirmed_by"), to: SQLBind(principal.accountID))
            .set(SQLIdentifier("confirmed_at"), to: SQLBind(now))
            .where(SQLIdentifier("id"), .equal, SQLBind(closeID))
            .where(SQLIdentifier("confirmed_at"), .is, SQLLiteral.null).run()
        return try await CashClose.find(closeID, on: database) ?? close
    }

    /// The most one movement or count may be: a hundred million yuan.
    public static let largestAmount: Int64 = 10_000_000_000

    static func key(_ key: String) throws -> String {
        try TextRule.require(key, field: "Idempotency-Key", length: FieldLimits.idempotencyKey)
    }

    private func requireAgent(at stationID: UUID, _ principal: Principal?, on database: any Database) async throws
        -> Principal
    {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        return principal
    }

    private func write(_ movement: CashLedger.Movement) -> @Sendable (any Database) async throws -> CashEntry {
        let ledger = self.ledger
        let transactions = context.transactions
        return { database in
            try await transactions.transaction(on: database) { db in
                try await CashLedger.lock(movement.stationID, on: db)
                return try await ledger.record(movement, on: db)
            }
        }
    }

    private func earlierClose(_ stationID: UUID, key: String, digest: String, on database: any Database) async throws
        -> CashClose?
    {
        guard
            let close = try await CashClose.query(on: database).filter(\.$stationID == stationID)
                .filter(\.$idempotencyKey == key).first()
        else { return nil }
        guard close.requestDigest == digest else {
            throw Problem(
                type: .idempotencyKeyReused, detail: "This Idempotency-Key closed the day with other figures.",
                field: "Idempotency-Key")
        }
        return close
    }
}
