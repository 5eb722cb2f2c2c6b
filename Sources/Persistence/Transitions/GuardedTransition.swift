import FluentKit
import Foundation
import JishiKit
import SQLKit

/// A compare-and-set of one row: `UPDATE table SET … WHERE id = ? AND <guard> RETURNING id`.
///
/// Of several writers racing to move the same row (two sellers pressing "ship", a webhook and
/// an expiry job, two workers claiming one job) exactly one finds the row still as it read it;
/// the others find that it has moved on and change nothing. The winner records what happened
/// (an event row) in the same transaction, so a row's state and its history never disagree.
///
/// ```swift
/// try await GuardedTransition(Order.schema, id: id)
///     .moving("status", from: OrderStatus.paid, to: OrderStatus.shipped)
///     .setting("updated_at", to: now)
///     .run(on: db, recording: event, orElse: "The order changed meanwhile; reload it.")
/// ```
public struct GuardedTransition: Sendable {
    public let table: String
    public let id: UUID
    private var changes: [(column: String, value: any SQLExpression)] = []
    private var conditions: [any SQLExpression] = []

    public init(_ table: String, id: UUID) {
        self.table = table
        self.id = id
    }

    /// Moves `column` from `previous` to `next`: the row's state as a state machine sees it.
    public func moving<State: RawRepresentable>(_ column: String, from previous: State, to next: State) -> Self
    where State.RawValue: Encodable & Sendable {
        setting(column, to: next.rawValue).when(column, is: previous.rawValue)
    }

    /// Also sets `column` to `value`.
    public func setting(_ column: String, to value: (any Encodable & Sendable)?) -> Self {
        var copy = self
        copy.changes.append((column, value.map { SQLBind($0) } ?? SQLLiteral.null))
        return copy
    }

    /// Also sets `column` to an expression (another column, a sum).
    public func setting(_ column: String, to expression: any SQLExpression) -> Self {
        var copy = self
        copy.changes.append((column, expression))
        return copy
    }

    /// Only while `column` holds `value` (`IS NULL` for `nil`).
    public func when(_ column: String, is value: (any Encodable & Sendable)?) -> Self {
        guard let value else {
            return when(SQLBinaryExpression(SQLIdentifier(column), .is, SQLLiteral.null))
        }
        return when(SQLBinaryExpression(SQLIdentifier(column), .equal, SQLBind(value)))
    }

    /// Only while `condition` holds.
    public func when(_ condition: any SQLExpression) -> Self {
        var copy = self
        copy.conditions.append(condition)
        return copy
    }

    /// Runs the update; whether this call moved the row (`false`: it had moved on, or is not
    /// there).
    @discardableResult
    public func run(on database: any Database) async throws -> Bool {
        precondition(!changes.isEmpty, "A transition sets at least one column.")
        var update = try database.sql().update(table)
        for change in changes { update = update.set(SQLIdentifier(change.column), to: change.value) }
        update = update.where(SQLIdentifier("id"), .equal, SQLBind(id))
        for condition in conditions { update = update.where(condition) }
        return try await !update.returning(SQLIdentifier("id")).all().isEmpty
    }

    /// Runs the update and, when it moved the row, creates `event` in the same transaction;
    /// otherwise throws `conflict` (a `409`) and changes nothing.
    public func run(on database: any Database, recording event: (any Model)? = nil, orElse conflict: Problem)
        async throws
    {
        guard try await run(on: database) else { throw conflict }
        try await event?.create(on: database)
    }

    /// Runs the update and, when it moved the row, creates `event`; otherwise answers a `409`
    /// `invalid-transition` problem saying `detail`.
    public func run(on database: any Database, recording event: (any Model)? = nil, orElse detail: String)
        async throws
    {
        try await run(
            on: database, recording: event, orElse: Problem(type: .invalidTransition, detail: detail))
    }
}
