import Community
import FluentKit
import Foundation
import JishiKit

/// The station's services desk: the agent takes a villager's request, a provider carries it out
/// (by default the agent by hand), and the agent records the receipt, which takes the fee into
/// the drawer in the same transaction, or the failure, which takes nothing.
public struct ServiceDesk: Sendable {
    public let context: StationsContext
    /// The providers to ask, in order; the manual one answers for every kind.
    public var providers: [any ServiceProvider] = [ManualServiceProvider()]
    let directory = StationDirectory()

    public init(context: StationsContext) { self.context = context }

    /// The fees a station may ask: nothing to CNY 100.
    public static let feeRange: ClosedRange<Int64> = 0...10_000
    public static let detailsLength = 1...200
    public static let receiptLength = 1...64

    public struct Input: Sendable {
        public var kind: ServiceRequest.Kind
        public var villagerID: UUID?
        public var details: String
        public var feeMinor: Int64?

        public init(kind: ServiceRequest.Kind, villagerID: UUID? = nil, details: String, feeMinor: Int64? = nil) {
            self.kind = kind
            self.villagerID = villagerID
            self.details = details
            self.feeMinor = feeMinor
        }
    }

    /// Takes a request (the station's agents); a retry with the same key returns the first one.
    public func request(
        _ input: Input, idempotencyKey: String, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> ServiceRequest {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let key = try CashService.key(idempotencyKey)
        if let earlier = try await ServiceRequest.query(on: database).filter(\.$stationID == stationID)
            .filter(\.$idempotencyKey == key).first()
        {
            return earlier
        }
        let details = try TextRule.require(input.details, field: "details", length: Self.detailsLength)
        let fee = input.feeMinor ?? input.kind.usualFeeMinor
        guard Self.feeRange.contains(fee) else {
            throw Problem.validation("feeMinor", "A fee from nothing to CNY 100, in fen.")
        }
        if let villagerID = input.villagerID {
            _ = try await VillagerService(context: context).villager(villagerID, at: stationID, on: database)
        }
        guard let provider = providers.first(where: { $0.handles(input.kind) }) else {
            throw Problem(type: .conflict, detail: "No provider carries out \(input.kind.rawValue).", field: "kind")
        }
        let request = ServiceRequest(
            id: context.dependencies.uuid(), stationID: stationID, villagerID: input.villagerID, kind: input.kind,
            details: details, feeMinor: fee, provider: provider.name, idempotencyKey: key,
            createdBy: principal.accountID, createdAt: context.dependencies.now())
        do {
            try await request.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another request with the same key won the race: answer with it.
            guard
                let earlier = try await ServiceRequest.query(on: database).filter(\.$stationID == stationID)
                    .filter(\.$idempotencyKey == key).first()
            else { throw Problem(type: .conflict, detail: "The request clashed with another; send it again.") }
            return earlier
        }
        if case .done(let receipt) = try await provider.start(request) {
            return try await finish(
                try request.requireID(), .done, text: receipt, at: stationID, actorID: principal.accountID,
                on: database)
        }
        return request
    }

    /// The agent records the service's receipt: the request is done and its fee is in the drawer,
    /// together and once (recording it again returns it as it is).
    public func complete(
        _ requestID: UUID, receipt: String, at stationID: UUID, by principal: Principal?, on database: any Database
    ) async throws -> ServiceRequest {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let receipt = try TextRule.require(receipt, field: "receipt", length: Self.receiptLength)
        return try await finish(
            requestID, .done, text: receipt, at: stationID, actorID: principal.accountID, on: database)
    }

    /// The agent records that the service could not be done, and why; no fee is taken.
    public func fail(
        _ requestID: UUID, reason: String, at stationID: UUID, by principal: Principal?, on database: any Database
    ) async throws -> ServiceRequest {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let reason = try TextRule.require(reason, field: "reason", length: 1...200)
        return try await finish(
            requestID, .failed, text: reason, at: stationID, actorID: principal.accountID, on: database)
    }

    /// The station's requests, open ones first, then the newest (its agents, officials in scope).
    public func requests(at stationID: UUID, for principal: Principal?, on database: any Database) async throws
        -> [ServiceRequest]
    {
        _ = try await directory.require(.read, at: stationID, by: principal, on: database)
        let requests = try await ServiceRequest.query(on: database).filter(\.$stationID == stationID)
            .sort(\.$createdAt, .descending).limit(200).all()
        return requests.filter { $0.status == .open } + requests.filter { $0.status != .open }
    }

    private func finish(
        _ requestID: UUID, _ status: ServiceRequest.Status, text: String, at stationID: UUID, actorID: UUID,
        on database: any Database
    ) async throws -> ServiceRequest {
        let ledger = CashLedger(dependencies: context.dependencies)
        let now = context.dependencies.now()
        return try await context.transactions.transaction(on: database) { db in
            try await CashLedger.lock(stationID, on: db)
            guard let request = try await ServiceRequest.find(requestID, on: db), request.stationID == stationID else {
                throw Problem.notFound("The request", field: "requestId")
            }
            guard request.status == .open else {
                if request.status == status { return request }
                throw Problem(
                    type: .conflict, detail: "This request is \(request.status.rawValue) already.", field: "requestId")
            }
            request.status = status
            request.finishedBy = actorID
            request.finishedAt = now
            if status == .done {
                request.receipt = text
                if request.feeMinor > 0 {
                    _ = try await ledger.record(
                        CashLedger.Movement(
                            stationID: stationID, kind: .serviceFee, amountMinor: request.feeMinor, actorID: actorID,
                            reason: request.kind.rawValue + " " + text,
                            key: "service:\(requestID.uuidString.lowercased())",
                            referenceID: requestID, villagerID: request.villagerID), on: db)
                }
            } else {
                request.failure = text
            }
            try await request.save(on: db)
            return request
        }
    }
}
