import Foundation
import JishiKit
import Marketplace

/// A shop's statement for a period of whole days (county time): sales, refunds, commission
/// and what the shop is paid.
enum StatementPage {
    enum Field: String, CaseIterable, Sendable {
        case from, to
    }

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var shopName: String
        /// The first and last day, as typed ("2026-11-01").
        var from: String
        var to: String
        var statement: Statement?
        var errors: [Field: FormMessage] = [:]
    }

    /// The longest period one statement covers.
    static let maximumDays = 366
}

extension StatementPage.Model {
    /// The period `[start of from, start of the day after to)` when both days are usable.
    mutating func period() -> (from: Date, to: Date)? {
        let start = PageContext.startOfDay(from)
        let last = PageContext.startOfDay(to)
        if start == nil { errors[.from] = FormMessage(.errorDate) }
        if last == nil { errors[.to] = FormMessage(.errorDate) }
        guard let start, let last else { return nil }
        guard last >= start else {
            errors[.to] = FormMessage(.errorDateOrder)
            return nil
        }
        guard let end = PageContext.calendar.date(byAdding: .day, value: 1, to: last),
            end.timeIntervalSince(start) <= Double(StatementPage.maximumDays) * 86_400
        else {
            errors[.to] = FormMessage(.errorPeriodTooLong, String(StatementPage.maximumDays))
            return nil
        }
        return (start, end)
    }

    /// This month so far, as the form shows it first.
    static func defaultDays(now: Date) -> (from: String, to: String) {
        let today = PageContext.dayString(now)
        return (String(today.prefix(8)) + "01", today)
    }
}
