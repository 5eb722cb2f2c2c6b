import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

extension ParcelService {
    /// A parcel and its history as its recipient (or sender) may see them.
    public struct Tracking: Sendable {
        public var parcel: Parcel
        public var carrier: Carrier
        public var events: [ParcelEvent]
        /// The nodes its events and its ends name, by id.
        public var nodes: [UUID: NetworkNode]
    }

    /// The parcel `carrierCode` `trackingNumber`, for someone who knows the last four digits of
    /// its contact's phone. A parcel that is not there, has no phone, or whose digits differ
    /// answers the same `404`, so the answer tells a guesser nothing.
    public func track(
        carrierCode: String, trackingNumber: String, phoneLast4: String, on database: any Database
    ) async throws -> Tracking {
        let notFound = Problem.notFound("A parcel with this number and these digits", field: "trackingNumber")
        guard phoneLast4.count == 4, phoneLast4.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Problem.validation("phoneLast4", "The last 4 digits of the phone number.")
        }
        guard let carrier = try await CarrierService().carrier(code: carrierCode, on: database),
            let carrierID = carrier.id
        else { throw notFound }
        let number = trackingNumber.trimmingCharacters(in: .whitespaces)
        guard (1...40).contains(number.count),
            let parcel = try await Parcel.query(on: database).filter(\.$carrier.$id == carrierID)
                .filter(\.$trackingNumber == number).first(),
            let phone = parcel.contactPhone, constantTimeEqual(String(phone.suffix(4)), phoneLast4)
        else { throw notFound }
        return try await tracking(parcel, carrier: carrier, on: database)
    }

    /// A parcel and everything about it, for the people who handle it (a dispatcher or admin
    /// whose scope reaches its village) and for its sender (who booked its collection, or works
    /// for the shop whose order it carries), who prints its label.
    public func parcel(_ id: UUID, by principal: Principal, on database: any Database) async throws -> Tracking {
        guard let parcel = try await Parcel.find(id, on: database) else {
            throw Problem.notFound("The parcel", field: "id")
        }
        let place = try await GeographyService().place(ofVillage: parcel.$village.id, on: database)
        if !Authorization.may(principal, .manageGeography, .place(place)),
            try await !Self.sent(parcel, by: principal, on: database)
        {
            try Authorization.require(principal, .dispatch, .place(place))
        }
        guard let carrier = try await Carrier.find(parcel.$carrier.id, on: database) else {
            throw Problem.notFound("The carrier", field: "carrier")
        }
        return try await tracking(parcel, carrier: carrier, on: database)
    }

    /// The parcel carrying a marketplace order, for a caller that has already checked who may
    /// see the order (its buyer, its shop); `nil` when the network does not carry it.
    public func tracking(ofOrder orderID: UUID, on database: any Database) async throws -> Tracking? {
        guard let parcel = try await OrderParcels.parcel(ofOrder: orderID, on: database),
            let carrier = try await Carrier.find(parcel.$carrier.id, on: database)
        else { return nil }
        return try await tracking(parcel, carrier: carrier, on: database)
    }

    /// Whether `principal` sends `parcel`: booked its collection, or is staff of the shop
    /// whose order it carries.
    static func sent(_ parcel: Parcel, by principal: Principal, on database: any Database) async throws -> Bool {
        if let bookingID = parcel.bookingID, let booking = try await Booking.find(bookingID, on: database) {
            return booking.bookedBy == principal.accountID
        }
        if let orderID = parcel.orderID, let order = try await Order.find(orderID, on: database) {
            return try await ShopStaff.exists(accountID: principal.accountID, shopID: order.$shop.id, on: database)
        }
        return false
    }

    private func tracking(_ parcel: Parcel, carrier: Carrier, on database: any Database) async throws -> Tracking {
        let events = try await events(of: try parcel.requireID(), on: database)
        var ids = Set([parcel.$origin.id, parcel.$destination.id])
        for event in events {
            if let node = event.nodeID { ids.insert(node) }
            for holder in [event.fromHolder, event.toHolder].compactMap({ $0 }) {
                if case .node(let id)? = Holder(rawValue: holder) { ids.insert(id) }
            }
        }
        let nodes = try await NetworkNode.query(on: database).filter(\.$id ~~ Array(ids)).all()
        return Tracking(
            parcel: parcel, carrier: carrier, events: events,
            nodes: Dictionary(uniqueKeysWithValues: nodes.compactMap { node in node.id.map { ($0, node) } }))
    }
}
