import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import SQLKit

/// Parcels at a station's counter: what waits there, and handing one out on proof, with the
/// recipient's signature and any cash on delivery taken into the drawer, all in the hand-over's
/// one transaction and once per idempotency key.
public struct CounterService: Sendable {
    public let context: StationsContext
    let directory = StationDirectory()

    public init(context: StationsContext) { self.context = context }

    /// A parcel the counter holds, with when it came and where it waits.
    public struct Held: Sendable {
        public var parcel: Parcel
        /// When its custody came to the station.
        public var arrivedAt: Date?
        /// The agent's confirmation of the arrival, with the shelf place.
        public var arrival: CounterArrival?
        /// An inbound parcel waiting longer than the county allows: to be sent back.
        public var overdue: Bool

        public init(parcel: Parcel, arrivedAt: Date?, arrival: CounterArrival?, overdue: Bool) {
            self.parcel = parcel
            self.arrivedAt = arrivedAt
            self.arrival = arrival
            self.overdue = overdue
        }
    }

    /// The parcels the station holds, inbound ones (waiting for their recipients) first, then
    /// outbound ones (waiting for the run), oldest due first; its agents only.
    public func parcels(at stationID: UUID, for principal: Principal?, on database: any Database) async throws
        -> [Held]
    {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        let here = Holder.node(stationID).rawValue
        let held = try await Parcel.query(on: database).filter(\.$holder == here)
            .sort(\.$dueDate).sort(\.$trackingNumber).limit(500).all()
        let ids = held.compactMap(\.id)
        let arrivals = Dictionary(
            try await CounterArrival.query(on: database).filter(\.$parcelID ~~ ids).all().map { ($0.parcelID, $0) },
            uniquingKeysWith: { first, _ in first })
        var came: [UUID: Date] = [:]
        for event in try await ParcelEvent.query(on: database).filter(\.$parcel.$id ~~ ids)
            .filter(\.$toHolder == here).all()
        {
            let id = event.$parcel.id
            came[id] = max(came[id] ?? event.at, event.at)
        }
        let cutoff = context.dependencies.now().addingTimeInterval(-Double(context.collectionDays) * 86_400)
        let rows = held.map { parcel in
            let arrivedAt = parcel.id.flatMap { came[$0] }
            return Held(
                parcel: parcel, arrivedAt: arrivedAt, arrival: parcel.id.flatMap { arrivals[$0] },
                overdue: parcel.direction == .inbound && (arrivedAt.map { $0 < cutoff } ?? false))
        }
        return rows.filter { $0.parcel.direction == .inbound } + rows.filter { $0.parcel.direction == .outbound }
    }

    public static let shelfLength = 1...16

    /// The agent confirms an inbound parcel the courier left is at the counter, and where it
    /// waits; confirming again moves it to another shelf place.
    public func confirmArrival(
        _ parcelID: UUID, shelf: String, at stationID: UUID, by principal: Principal?, on database: any Database
    ) async throws -> CounterArrival {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let shelf = try TextRule.require(shelf, field: "shelf", length: Self.shelfLength)
        guard let parcel = try await Parcel.find(parcelID, on: database), parcel.direction == .inbound,
            parcel.currentHolder == .node(stationID)
        else { throw Problem.notFound("A parcel waiting at this counter", field: "parcelId") }
        if let arrival = try await CounterArrival.query(on: database).filter(\.$parcelID == parcelID).first() {
            if arrival.shelf != shelf {
                arrival.shelf = shelf
                try await arrival.save(on: database)
            }
            return arrival
        }
        let arrival = CounterArrival(
            id: context.dependencies.uuid(), stationID: stationID, parcelID: parcelID, shelf: shelf,
            confirmedBy: principal.accountID, at: context.dependencies.now())
        do {
            try await arrival.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            guard let earlier = try await CounterArrival.query(on: database).filter(\.$parcelID == parcelID).first()
            else { throw Problem(type: .conflict, detail: "The arrival clashed with another; send it again.") }
            return earlier
        }
        return arrival
    }

    /// Sends back every inbound parcel that has waited at the station longer than the county's
    /// `collectionDays`: each turns round for the next run to the hub. Returns those sent back;
    /// sending again finds none.
    public func sendBackUncollected(at stationID: UUID, by principal: Principal?, on database: any Database)
        async throws -> [Parcel]
    {
        let overdue = try await parcels(at: stationID, for: principal, on: database).filter(\.overdue)
        guard !overdue.isEmpty else { return [] }
        let hubID = try await DispatchService().hub(on: database).requireID()
        let today = PageDate.string(context.dependencies.now())
        let parcels = ParcelService(dependencies: context.dependencies, transactions: context.transactions)
        var sent: [Parcel] = []
        for held in overdue {
            do {
                try await parcels.sendBack(
                    try held.parcel.requireID(), from: stationID, to: hubID, dueDate: today,
                    reason: "not collected in \(context.collectionDays) days", by: principal?.accountID, on: database)
                sent.append(held.parcel)
            } catch let problem as Problem where problem.status == 409 {
                continue  // handed out or sent back meanwhile
            }
        }
        return sent
    }

    public struct HandOut: Sendable {
        public var proof: CounterHandout.Proof
        /// The last four digits of the phone, or of the villager's ID card.
        public var digits: String
        /// The recipient's name as they signed it.
        public var signature: String
        /// The cash on delivery taken; must be the parcel's, when it has one.
        public var codMinor: Int64?

        public init(proof: CounterHandout.Proof, digits: String, signature: String, codMinor: Int64? = nil) {
            self.proof = proof
            self.digits = digits
            self.signature = signature
            self.codMinor = codMinor
        }
    }

    /// Hands an inbound parcel waiting at the station to its recipient. The proof must match (the
    /// phone's last four digits, or the ID digits of a villager of this station by the
    /// recipient's name); cash on delivery must be exactly the parcel's and goes into the drawer.
    /// A retry with the same key returns the first hand-out; a parcel already handed out is a
    /// `409`. Bad proof writes nothing.
    public func handOut(
        _ parcelID: UUID, _ input: HandOut, idempotencyKey: String, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> CounterHandout {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let key = try CashService.key(idempotencyKey)
        if let earlier = try await earlier(stationID, key: key, parcelID: parcelID, on: database) { return earlier }
        guard let parcel = try await Parcel.find(parcelID, on: database) else {
            throw Problem.notFound("The parcel", field: "parcelId")
        }
        guard parcel.direction == .inbound, parcel.currentHolder == .node(stationID) else {
            throw Problem(
                type: .conflict, detail: "The parcel is not waiting at this station for its recipient.",
                field: "parcelId")
        }
        let signature = try TextRule.require(input.signature, field: "signature", length: 1...32)
        let digits = input.digits.trimmingCharacters(in: .whitespaces).uppercased()
        var villagerID: UUID?
        switch input.proof {
        case .phone:
            guard digits.count == 4, let phone = parcel.contactPhone, phone.hasSuffix(digits) else {
                throw Problem.validation("digits", "These are not the last four digits of the parcel's phone.")
            }
        case .idCard:
            let villagers = try await Villager.query(on: database).filter(\.$stationID == stationID)
                .filter(\.$name == parcel.contactName).all()
            guard digits.count == 4, let villager = villagers.first(where: { $0.idDigits == digits }) else {
                throw Problem.validation(
                    "digits", "No villager of this station by the recipient's name has these ID digits.")
            }
            villagerID = villager.id
        }
        let cod = parcel.codMinor ?? 0
        guard (input.codMinor ?? 0) == cod else {
            throw Problem.validation(
                "codMinor",
                cod > 0
                    ? "Take the cash on delivery: exactly \(Money(minorUnits: cod).formatted)."
                    : "This parcel has no cash on delivery.")
        }
        let handout = CounterHandout(
            id: context.dependencies.uuid(), stationID: stationID, parcelID: parcelID, proof: input.proof,
            signature: signature, villagerID: villagerID, codMinor: cod > 0 ? cod : nil, idempotencyKey: key,
            by: principal.accountID, at: context.dependencies.now())
        let ledger = CashLedger(dependencies: context.dependencies)
        let checkedVillager = villagerID
        let parcels = ParcelService(dependencies: context.dependencies, transactions: context.transactions)
        do {
            try await parcels.handOver(
                parcelID, from: .node(stationID), to: .recipient, kind: .delivered, by: principal.accountID,
                at: stationID, note: signature, seen: parcel.custodyVersion,
                alongside: { db, _, _ in
                    if cod > 0 {
                        try await CashLedger.lock(stationID, on: db)
                        _ = try await ledger.record(
                            CashLedger.Movement(
                                stationID: stationID, kind: .codCollected, amountMinor: cod,
                                actorID: principal.accountID, reason: parcel.trackingNumber,
                                key: "cod:\(parcelID.uuidString.lowercased())", referenceID: parcelID,
                                villagerID: checkedVillager), on: db)
                    }
                    try await handout.create(on: db)
                }, on: database)
        } catch let problem as Problem where problem.status == 409 {
            // A retry racing the first hand-out finds it by its key.
            if let earlier = try await earlier(stationID, key: key, parcelID: parcelID, on: database) { return earlier }
            throw problem
        }
        return handout
    }

    /// The hand-out this key made at the station; a `409` when it was for another parcel.
    private func earlier(_ stationID: UUID, key: String, parcelID: UUID, on database: any Database) async throws
        -> CounterHandout?
    {
        guard
            let handout = try await CounterHandout.query(on: database).filter(\.$stationID == stationID)
                .filter(\.$idempotencyKey == key).first()
        else { return nil }
        guard handout.parcelID == parcelID else {
            throw Problem(
                type: .idempotencyKeyReused, detail: "This Idempotency-Key handed out another parcel.",
                field: "Idempotency-Key")
        }
        return handout
    }
}
