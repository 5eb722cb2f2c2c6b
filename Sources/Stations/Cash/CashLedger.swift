import Crypto
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Writes a station's ledger: each movement one entry with its two postings, idempotent by the
/// station and the caller's key, all inside the caller's transaction.
struct CashLedger: Sendable {
    let dependencies: Dependencies

    /// One movement to record.
    struct Movement: Sendable {
        var stationID: UUID
        var kind: CashEntry.Kind
        var amountMinor: Int64
        /// Which account gains and which gives; the kind's own sides when left out.
        var sides: (debit: CashAccount, credit: CashAccount)?
        var actorID: UUID?
        var reason: String
        var key: String
        var referenceID: UUID?
        var villagerID: UUID?
        var reversesID: UUID?

        /// What a retry with the same key must repeat to get the first entry back.
        var digest: String {
            let parts = [
                kind.rawValue, String(amountMinor), referenceID?.uuidString ?? "", villagerID?.uuidString ?? "",
                reversesID?.uuidString ?? "", reason,
            ]
            return SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
                .map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Takes the station's ledger for this transaction: on PostgreSQL the drawer row's lock
    /// orders every writer of one station; SQLite has one writer anyway.
    static func lock(_ stationID: UUID, on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.insert(into: StationDrawer.schema).columns("id", "version")
            .values(SQLBind(stationID), SQLLiteral.numeric("0")).ignoringConflicts(with: "id").run()
        try await sql.update(StationDrawer.schema)
            .set(
                SQLIdentifier("version"),
                to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1"))
            )
            .where(SQLIdentifier("id"), .equal, SQLBind(stationID)).run()
    }

    /// The entry already recorded with this key at this station, if any; a `409` when it was
    /// recorded for another movement.
    static func earlier(_ movement: Movement, on database: any Database) async throws -> CashEntry? {
        guard
            let entry = try await CashEntry.query(on: database).filter(\.$stationID == movement.stationID)
                .filter(\.$idempotencyKey == movement.key).first()
        else { return nil }
        guard entry.requestDigest == movement.digest else {
            throw Problem(
                type: .idempotencyKeyReused, detail: "This Idempotency-Key was used for another movement.",
                field: "Idempotency-Key")
        }
        return entry
    }

    /// Records `movement` (or returns the entry its key recorded before). Call inside a
    /// transaction that has taken `lock`.
    func record(_ movement: Movement, on database: any Database) async throws -> CashEntry {
        if let earlier = try await Self.earlier(movement, on: database) { return earlier }
        guard movement.amountMinor > 0 else {
            throw Problem.validation("amountMinor", "The amount must be more than zero fen.")
        }
        guard let sides = movement.sides ?? CashEntry.sides(of: movement.kind) else {
            throw Problem(type: .internalError, detail: "A \(movement.kind.rawValue) entry needs its sides.")
        }
        let now = dependencies.now()
        let entryID = dependencies.uuid()
        let entry = CashEntry(
            id: entryID, stationID: movement.stationID, kind: movement.kind, amountMinor: movement.amountMinor,
            debit: sides.debit, credit: sides.credit, actorID: movement.actorID, reason: movement.reason,
            idempotencyKey: movement.key, requestDigest: movement.digest, referenceID: movement.referenceID,
            villagerID: movement.villagerID, reversesID: movement.reversesID, at: now)
        try await entry.create(on: database)
        try await [
            CashPosting(
                id: dependencies.uuid(), entryID: entryID, stationID: movement.stationID, account: sides.debit,
                amountMinor: movement.amountMinor, at: now),
            CashPosting(
                id: dependencies.uuid(), entryID: entryID, stationID: movement.stationID, account: sides.credit,
                amountMinor: -movement.amountMinor, at: now),
        ].create(on: database)
        return entry
    }

    /// What `account` holds at a station: the sum of its postings.
    static func balance(of account: CashAccount, at stationID: UUID, on database: any Database) async throws -> Int64 {
        struct Row: Decodable { var total: Int64 }
        let row = try await database.sql()
            .select()
            .column(SQLRaw("CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT)"), as: "total")
            .from(CashPosting.schema)
            .where(SQLIdentifier("station_id"), .equal, SQLBind(stationID))
            .where(SQLIdentifier("account"), .equal, SQLBind(account.rawValue))
            .first(decoding: Row.self)
        return row?.total ?? 0
    }
}
