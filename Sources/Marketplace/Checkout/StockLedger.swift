import Community
import Crypto
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// The only place stock changes.
enum StockLedger {
    /// Units to take from one variant's stock; `label` names it when it is short.
    struct Take: Sendable {
        var variantID: UUID
        var quantity: Int
        var label: String?
    }

    /// Takes every item's quantity or none: a short item throws after all are tried, naming
    /// every short SKU, and the caller's transaction rolls the others back. Rows are taken in
    /// variant-id order, so concurrent multi-line takes never deadlock.
    static func reserve(_ takes: [Take], on db: any Database) async throws {
        let sql = try db.sql()
        var short: [String] = []
        for take in merged(takes).sorted(by: { $0.variantID.uuidString < $1.variantID.uuidString }) {
            let rows = try await sql.update(Variant.schema)
                .set(
                    SQLIdentifier("stock"),
                    to: SQLBinaryExpression(SQLIdentifier("stock"), .subtract, SQLBind(take.quantity))
                )
                .where(SQLIdentifier("id"), .equal, SQLBind(take.variantID))
                .where(SQLIdentifier("stock"), .greaterThanOrEqual, SQLBind(take.quantity))
                .returning(SQLIdentifier("id"))
                .all()
            if rows.isEmpty { short.append(take.label ?? take.variantID.uuidString) }
        }
        guard short.isEmpty else { throw shortage(short) }
    }

    /// The same takes with one per variant: several lines can take from one producer's variant.
    static func merged(_ takes: [Take]) -> [Take] {
        var merged: [Take] = []
        var index: [UUID: Int] = [:]
        for take in takes {
            if let at = index[take.variantID] {
                merged[at].quantity += take.quantity
            } else {
                index[take.variantID] = merged.count
                merged.append(take)
            }
        }
        return merged
    }

    /// The `409` naming what was short.
    static func shortage(_ short: [String]) -> Problem {
        Problem(type: .insufficientStock, detail: "Short: \(short.joined(separator: ", ")).", field: "items")
    }

    /// Gives stock back for the lines of an order that no longer holds it: to the producer's
    /// variant for a linked one.
    static func release(_ lines: [OrderLine], on db: any Database) async throws {
        let linked = try await Variant.query(on: db).filter(\.$id ~~ lines.map(\.$variant.id))
            .filter(\.$sourceVariantID != nil).all()
        var source: [UUID: UUID] = [:]
        for variant in linked { source[try variant.requireID()] = variant.sourceVariantID }
        try await release(lines.map { (source[$0.$variant.id] ?? $0.$variant.id, $0.quantity) }, on: db)
    }

    /// Gives `quantity` units back to each variant.
    static func release(_ quantities: [(variantID: UUID, quantity: Int)], on db: any Database) async throws {
        let sql = try db.sql()
        for (variantID, quantity) in quantities.sorted(by: { $0.variantID.uuidString < $1.variantID.uuidString }) {
            try await sql.update(Variant.schema)
                .set(SQLIdentifier("stock"), to: SQLBinaryExpression(SQLIdentifier("stock"), .add, SQLBind(quantity)))
                .where(SQLIdentifier("id"), .equal, SQLBind(variantID))
                .run()
        }
    }
}
