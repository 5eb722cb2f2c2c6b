import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace

/// What station agents earn: a share of each sale taken at their counter, at their county's
/// rate fixed at the time of the sale, given back in proportion when the sale is refunded, and
/// a monthly statement of it. The rate is set per county by its admins.
public struct CommissionService: Sendable {
    let dependencies: Dependencies
    let directory = StationDirectory()

    public init(context: StationsContext) { self.dependencies = context.dependencies }

    init(dependencies: Dependencies) { self.dependencies = dependencies }

    /// The rate a county pays until it sets one: 4 %, the middle of the programme's 3–5 %.
    public static let defaultBasisPoints = 400
    /// The rates a county may set: nothing to 20 %.
    public static let basisPointRange = 0...2_000

    // MARK: The rate

    /// The rate in force in `countyID`, in basis points.
    public func rate(in countyID: UUID, on database: any Database) async throws -> Int {
        try await CommissionRate.query(on: database).filter(\.$countyID == countyID)
            .sort(\.$setAt, .descending).sort(\.$id, .descending).first()?.basisPoints ?? Self.defaultBasisPoints
    }

    /// The rate in force where the station is.
    func rate(atStation stationID: UUID, on database: any Database) async throws -> Int {
        guard let countyID = try await directory.place(ofStation: stationID, on: database)?.countyID else {
            return Self.defaultBasisPoints
        }
        return try await rate(in: countyID, on: database)
    }

    /// Sets `countyID`'s rate from now on (its admins); sales already made keep theirs.
    public func setRate(
        _ basisPoints: Int, in countyID: UUID, by principal: Principal?, on database: any Database
    ) async throws -> Int {
        guard try await County.find(countyID, on: database) != nil else {
            throw Problem.notFound("The county", field: "countyId")
        }
        try Authorization.require(principal, .manageGeography, .place(Place(countyID: countyID)))
        guard let principal else { throw Problem(type: .unauthenticated) }
        guard Self.basisPointRange.contains(basisPoints) else {
            throw Problem.validation(
                "commissionBasisPoints", "A rate from 0 to 2000 hundredths of a percent (0 % to 20 %).")
        }
        try await CommissionRate(
            id: dependencies.uuid(), countyID: countyID, basisPoints: basisPoints,
            setBy: principal.accountID, setAt: dependencies.now()
        ).create(on: database)
        return basisPoints
    }

    // MARK: Earning and giving back (inside the sale's or refund's transaction)

    /// The agent's share of a sale of `baseMinor` fen at the station, at the rate in force now;
    /// once per `key`.
    func earn(
        _ source: AgentCommission.Source, baseMinor: Int64, reference: UUID, key: String, at stationID: UUID,
        by agentID: UUID?, on database: any Database
    ) async throws {
        guard try await AgentCommission.query(on: database).filter(\.$idempotencyKey == key).first() == nil else {
            return
        }
        let rate = try await rate(atStation: stationID, on: database)
        try await line(
            source, baseMinor: baseMinor, basisPoints: rate, amountMinor: Self.share(of: baseMinor, basisPoints: rate),
            reference: reference, key: key, at: stationID, by: agentID, on: database)
    }

    /// Gives back the share of a refund of `refundMinor` fen of the sale `reference`, at the
    /// sale's own rate and never more than it earned; once per `key`.
    func giveBack(refundMinor: Int64, of reference: UUID, key: String, on database: any Database) async throws {
        let lines = try await AgentCommission.query(on: database).filter(\.$referenceID == reference).all()
        guard let sale = lines.first(where: { $0.amountMinor >= 0 && $0.baseMinor > 0 }),
            !lines.contains(where: { $0.idempotencyKey == key })
        else { return }
        let left = lines.reduce(Int64(0)) { $0 + $1.amountMinor }
        let back = min(Self.share(of: refundMinor, basisPoints: sale.basisPoints), left)
        guard back > 0 else { return }
        try await line(
            sale.source, baseMinor: -refundMinor, basisPoints: sale.basisPoints, amountMinor: -back,
            reference: reference, key: key, at: sale.stationID, by: sale.agentID, on: database)
    }

    /// `basisPoints` hundredths of a percent of `minor`, rounded half up to the fen.
    public static func share(of minor: Int64, basisPoints: Int) -> Int64 {
        (minor * Int64(basisPoints) + 5_000) / 10_000
    }

    private func line(
        _ source: AgentCommission.Source, baseMinor: Int64, basisPoints: Int, amountMinor: Int64, reference: UUID,
        key: String, at stationID: UUID, by agentID: UUID?, on database: any Database
    ) async throws {
        let now = dependencies.now()
        try await AgentCommission(
            id: dependencies.uuid(), stationID: stationID, agentID: agentID, source: source,
            referenceID: reference, baseMinor: baseMinor, basisPoints: basisPoints, amountMinor: amountMinor,
            month: Months.month(of: now), idempotencyKey: key, at: now
        ).create(on: database)
    }

    // MARK: The monthly statement

    public struct Statement: Sendable {
        public var month: String
        /// The rate in force now where the station is.
        public var currentBasisPoints: Int
        /// What the month's sales came to, less refunds.
        public var baseMinor: Int64
        /// What the agents earned in the month, less what refunds gave back.
        public var commissionMinor: Int64
        /// The month's lines, oldest first.
        public var lines: [AgentCommission]
    }

    /// The station's commission for `month` (YYYY-MM; this month when `nil`): its agents, and
    /// officials in scope.
    public func statement(
        _ stationID: UUID, month: String?, for principal: Principal?, on database: any Database
    ) async throws -> Statement {
        _ = try await directory.require(.read, at: stationID, by: principal, on: database)
        let month = try month.map(Self.month) ?? Months.month(of: dependencies.now())
        let lines = try await AgentCommission.query(on: database).filter(\.$stationID == stationID)
            .filter(\.$month == month).sort(\.$at).sort(\.$id).all()
        return Statement(
            month: month, currentBasisPoints: try await rate(atStation: stationID, on: database),
            baseMinor: lines.reduce(0) { $0 + $1.baseMinor }, commissionMinor: lines.reduce(0) { $0 + $1.amountMinor },
            lines: lines)
    }

    /// Each station's commission in `month`, for the overview.
    public func totals(month: String, on database: any Database) async throws -> [UUID: Int64] {
        var totals: [UUID: Int64] = [:]
        for line in try await AgentCommission.query(on: database).filter(\.$month == month).all() {
            totals[line.stationID, default: 0] += line.amountMinor
        }
        return totals
    }

    /// `text` as a month (YYYY-MM from 2000-01 to 2199-12); a `400` naming `month` otherwise.
    static func month(_ text: String) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (2000...2199).contains(year), (1...12).contains(month)
        else { throw Problem.validation("month", "A month as YYYY-MM.") }
        return text
    }
}
