import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// Booking a collection: a seller, a station's agent, a dispatcher or an admin says how many
/// parcels of what weight wait at which station (or pickup point) on which day for which
/// carrier. The booking and its parcels (outbound, at the node, each with a fresh tracking
/// number and so a label) are written in one transaction; booking again with the same
/// idempotency key returns the first booking.
public struct BookingService: Sendable {
    public let dependencies: Dependencies
    public var transactions: TransactionRunner

    /// At most this many parcels in one booking.
    public static let counts = 1...200
    /// How far ahead a collection may be booked, in days.
    public static let daysAhead = 14
    public static let contentsLength = 1...40
    public static let keyLength = 8...128

    public init(
        dependencies: Dependencies = .live, transactions: TransactionRunner = TransactionRunner(serialized: false)
    ) {
        self.dependencies = dependencies
        self.transactions = transactions
    }

    public struct Input: Sendable, Hashable {
        public var nodeCode: String
        public var carrierCode: String
        public var date: String
        public var count: Int
        public var weightGrams: Int
        public var contents: String

        public init(nodeCode: String, carrierCode: String, date: String, count: Int, weightGrams: Int, contents: String)
        {
            self.nodeCode = nodeCode
            self.carrierCode = carrierCode
            self.date = date
            self.count = count
            self.weightGrams = weightGrams
            self.contents = contents
        }
    }

    /// A booking with its parcels, oldest tracking number first.
    public struct Detail: Sendable {
        public var booking: Booking
        public var node: NetworkNode
        public var carrier: Carrier
        public var parcels: [Parcel]
    }

    /// Who may book somewhere: sellers, agents, dispatchers and admins.
    public static func mayBook(_ principal: Principal) -> Bool {
        principal.has(.seller) || principal.has(.agent) || principal.has(.dispatcher) || principal.has(.admin)
    }

    /// Who may book at a node: a seller anywhere; an agent at their own station; a dispatcher
    /// or an admin within their scope.
    static func mayBook(_ principal: Principal, at place: Place) -> Bool {
        principal.has(.seller) || Authorization.may(principal, .actAtStation, .place(place))
            || Authorization.may(principal, .dispatch, .place(place))
    }

    /// Where a node sits: its county, town, village, and itself as the station.
    static func place(of node: NetworkNode, on database: any Database) async throws -> Place {
        let county = try await Town.find(node.$town.id, on: database)?.$county.id
        return Place(countyID: county, townID: node.$town.id, villageID: node.$village.id, stationID: node.id)
    }

    /// The nodes whose bookings `principal` sees besides their own: those within the scope of
    /// their dispatcher or admin grants (`Authorization`'s `.dispatch`); `nil` for all of them.
    static func nodesSeen(by principal: Principal, on database: any Database) async throws -> [UUID]? {
        guard principal.has(.dispatcher) || principal.has(.admin) else { return [] }
        if principal.grants.contains(where: { [.dispatcher, .admin].contains($0.role) && $0.scope == .everywhere }) {
            return nil
        }
        let nodes = try await NetworkNode.query(on: database).with(\.$town).all()
        return nodes.compactMap { node in
            let place = Place(
                countyID: node.town.$county.id, townID: node.$town.id, villageID: node.$village.id, stationID: node.id)
            return Authorization.may(principal, .dispatch, .place(place)) ? node.id : nil
        }
    }

    /// Books a collection, or returns the booking made earlier with `idempotencyKey`; a `400`
    /// names the first bad field, a `409` says the key was used for a different booking.
    public func book(_ input: Input, idempotencyKey: String, by principal: Principal, on database: any Database)
        async throws -> Detail
    {
        guard Self.mayBook(principal) else {
            throw Problem.forbidden("Sellers, station agents and dispatchers book collections.")
        }
        let key = idempotencyKey.trimmingCharacters(in: .whitespaces)
        guard Self.keyLength.contains(key.count) else {
            throw Problem.validation("Idempotency-Key", "A key of 8 to 128 characters.")
        }
        let checked = try await check(input, on: database)
        guard Self.mayBook(principal, at: try await Self.place(of: checked.node, on: database)) else {
            throw Problem.forbidden("Agents book at their own station, dispatchers and admins within their area.")
        }
        if let earlier = try await Booking.query(on: database).filter(\.$bookedBy == principal.accountID)
            .filter(\.$idempotencyKey == key).first()
        {
            guard earlier.$node.id == checked.node.id, earlier.$carrier.id == checked.carrier.id,
                earlier.dueDate == input.date, earlier.parcelCount == input.count,
                earlier.weightGrams == input.weightGrams, earlier.contents == checked.contents
            else { throw Problem(type: .idempotencyKeyReused, field: "Idempotency-Key") }
            return try await detail(earlier, on: database)
        }
        let account = try await Account.find(principal.accountID, on: database)
        let now = dependencies.now()
        let (node, carrier) = (checked.node, checked.carrier)
        let nodeID = try node.requireID()
        let carrierID = try carrier.requireID()
        guard let villageID = node.$village.id else {
            throw Problem.validation("node", "Choose a village station or pickup point.")
        }
        guard let hubID = try await NetworkService(dependencies: dependencies).hub(on: database)?.id else {
            throw Problem(type: .conflict, detail: "The network has no county hub yet.")
        }
        let booking = Booking(
            id: dependencies.uuid(), nodeID: nodeID, carrierID: carrierID, dueDate: input.date,
            parcelCount: input.count, weightGrams: input.weightGrams, contents: checked.contents,
            contactName: String((account?.displayName ?? "").prefix(40)), contactPhone: account?.phone,
            bookedBy: principal.accountID, idempotencyKey: key, createdAt: now)
        let dependencies = self.dependencies
        let parcels = try await transactions.transaction(on: database) { db in
            try await booking.create(on: db)
            let bookingID = try booking.requireID()
            let numbers = try await TrackingNumbers.issue(
                input.count, carrierID: carrierID, dependencies: dependencies, on: db)
            var parcels: [Parcel] = []
            var events: [ParcelEvent] = []
            for number in numbers {
                let parcelID = dependencies.uuid()
                let parcel = Parcel(
                    id: parcelID, carrierID: carrierID, trackingNumber: number, direction: .outbound,
                    weightGrams: input.weightGrams, codMinor: nil, contactName: booking.contactName,
                    contactPhone: booking.contactPhone, villageID: villageID, originID: nodeID, destinationID: hubID,
                    dueDate: input.date, holder: .node(nodeID), createdAt: now)
                parcel.bookingID = bookingID
                parcels.append(parcel)
                events.append(
                    ParcelEvent(
                        id: dependencies.uuid(), parcelID: parcelID, sequence: 0, kind: .registered, from: nil,
                        to: .node(nodeID), actorID: principal.accountID, nodeID: nodeID, note: "booking", at: now))
            }
            try await parcels.create(on: db)
            try await events.create(on: db)
            return parcels
        }
        return Detail(booking: booking, node: node, carrier: carrier, parcels: parcels)
    }

    /// The input checked against the network and the calendar.
    private func check(_ input: Input, on database: any Database) async throws
        -> (node: NetworkNode, carrier: Carrier, contents: String)
    {
        guard let node = try await NetworkService(dependencies: dependencies).node(code: input.nodeCode, on: database),
            node.kind.servesAVillage, node.active
        else {
            throw Problem.validation("node", "Choose an open village station or pickup point by its code.")
        }
        guard
            let carrier = try await Carrier.query(on: database)
                .filter(\.$code == input.carrierCode.trimmingCharacters(in: .whitespaces).lowercased()).first()
        else { throw Problem.validation("carrier", "No carrier has the code \"\(input.carrierCode)\".") }
        let today = PageDate.string(dependencies.now())
        guard let day = PageDate.day(input.date), let first = PageDate.day(today),
            day >= first, day <= first.addingTimeInterval(Double(Self.daysAhead) * 86_400)
        else {
            throw Problem.validation(
                "date", "A day from today (\(today)) to \(Self.daysAhead) days ahead, such as \(today).")
        }
        guard Self.counts.contains(input.count) else {
            throw Problem.validation("count", "From \(Self.counts.lowerBound) to \(Self.counts.upperBound) parcels.")
        }
        guard ParcelImport.weights.contains(input.weightGrams) else {
            throw Problem.validation("weightGrams", "Each parcel weighs 1 to 100000 grams.")
        }
        let contents = try TextRule.require(input.contents, field: "contents", length: Self.contentsLength)
        return (node, carrier, contents)
    }

    /// The bookings `principal` made (a dispatcher or admin: also everyone's at the nodes in
    /// their scope), newest first, each with its parcels.
    public func bookings(for principal: Principal, limit: Int = 100, on database: any Database) async throws
        -> [Detail]
    {
        var query = Booking.query(on: database).with(\.$node).with(\.$carrier)
        switch try await Self.nodesSeen(by: principal, on: database) {
        case nil: break
        case let nodes? where nodes.isEmpty: query = query.filter(\.$bookedBy == principal.accountID)
        case let nodes?:
            query = query.group(.or) { $0.filter(\.$bookedBy == principal.accountID).filter(\.$node.$id ~~ nodes) }
        }
        let bookings = try await query.sort(\.$createdAt, .descending).limit(limit).all()
        let parcels = Dictionary(
            grouping: try await Parcel.query(on: database).filter(\.$bookingID ~~ bookings.compactMap(\.id))
                .sort(\.$trackingNumber).all(), by: \.bookingID)
        return bookings.map {
            Detail(booking: $0, node: $0.node, carrier: $0.carrier, parcels: parcels[$0.id] ?? [])
        }
    }

    /// A booking with its parcels, for the one who made it, a dispatcher or an admin whose scope
    /// reaches its node; `404` for everyone else.
    public func booking(_ id: UUID, for principal: Principal, on database: any Database) async throws -> Detail {
        guard let booking = try await Booking.find(id, on: database) else {
            throw Problem.notFound("The booking", field: "id")
        }
        if booking.bookedBy != principal.accountID {
            let seen = try await Self.nodesSeen(by: principal, on: database)
            guard seen?.contains(booking.$node.id) ?? true else { throw Problem.notFound("The booking", field: "id") }
        }
        return try await detail(booking, on: database)
    }

    private func detail(_ booking: Booking, on database: any Database) async throws -> Detail {
        guard let node = try await NetworkNode.find(booking.$node.id, on: database),
            let carrier = try await Carrier.find(booking.$carrier.id, on: database)
        else { throw Problem.notFound("The booking", field: "id") }
        let parcels = try await Parcel.query(on: database).filter(\.$bookingID == booking.id)
            .sort(\.$trackingNumber).all()
        return Detail(booking: booking, node: node, carrier: carrier, parcels: parcels)
    }
}
