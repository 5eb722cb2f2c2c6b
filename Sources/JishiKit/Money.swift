/// An amount of money in integer minor units (fen for CNY). Never a floating-point number.
public struct Money: Hashable, Sendable, Codable, Comparable {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency = .cny) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func yuan(_ whole: Int64, fen: Int64 = 0) -> Money {
        Money(minorUnits: whole * 100 + fen, currency: .cny)
    }

    public static func zero(_ currency: Currency = .cny) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Adds two amounts of the same currency; `nil` on a currency mismatch or overflow.
    public func adding(_ other: Money) -> Money? {
        guard currency == other.currency else { return nil }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        return overflow ? nil : Money(minorUnits: sum, currency: currency)
    }

    /// Multiplies by a quantity; `nil` on overflow.
    public func multiplied(by quantity: Int64) -> Money? {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: quantity)
        return overflow ? nil : Money(minorUnits: product, currency: currency)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing money in different currencies")
        return lhs.minorUnits < rhs.minorUnits
    }

    /// "¥12.30"; negative amounts as "-¥12.30".
    public var formatted: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let whole = magnitude / 100
        let cents = magnitude % 100
        return "\(sign)\(currency.symbol)\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }
}

/// ISO 4217 currencies Jishi accepts. Only the yuan is in use; the type keeps amounts honest.
public enum Currency: String, Hashable, Sendable, Codable, CaseIterable {
    case cny = "CNY"

    public var symbol: String {
        switch self {
        case .cny: "¥"
        }
    }
}
