import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The marketplace's ship step through the county network: a shipped order of a shop in a
/// village the network serves becomes an outbound parcel waiting at that village's station (or
/// pickup point) for the day's run to the hub, where its carrier takes it on. The order gets the
/// parcel's tracking number (the one the shop typed, or one Jishi issues), so its buyer follows
/// it on the order page.
public struct OrderParcels: ShipmentNetwork {
    public var dependencies: Dependencies
    /// Packing a parcel adds (box, bag, tape) to what its goods weigh.
    public static let packingGrams = 200

    public init(dependencies: Dependencies) { self.dependencies = dependencies }

    public func carry(_ order: Order, as shipment: Shipment, by actorID: UUID?, on database: any Database)
        async throws -> Shipment
    {
        let network = NetworkService(dependencies: dependencies)
        guard shipment.carrier.hasTrackingNumbers,
            let carrier = try await Carrier.query(on: database).filter(\.$code == shipment.carrier.rawValue).first(),
            let carrierID = carrier.id,
            let shop = try await Shop.find(order.$shop.id, on: database),
            let node = try await network.servingNode(ofVillage: shop.$village.id, on: database),
            let nodeID = node.id,
            let hub = try await network.hub(on: database), let hubID = hub.id
        else { return shipment }
        let orderID = try order.requireID()
        let number: String
        if let typed = shipment.trackingNumber {
            if try await Parcel.query(on: database).filter(\.$carrier.$id == carrierID)
                .filter(\.$trackingNumber == typed).first() != nil
            {
                throw Problem(
                    type: .conflict, detail: "\(carrier.code) \(typed) is another parcel's tracking number.",
                    field: "trackingNumber")
            }
            number = typed
        } else {
            number = try await TrackingNumbers.issue(
                1, carrierID: carrierID, dependencies: dependencies, on: database)[0]
        }
        let now = dependencies.now()
        let owner = try await Account.find(shop.$owner.id, on: database)
        let parcel = Parcel(
            id: dependencies.uuid(), carrierID: carrierID, trackingNumber: number, direction: .outbound,
            weightGrams: try await weight(of: orderID, on: database), codMinor: nil,
            contactName: String(shop.name.prefix(40)), contactPhone: owner?.phone, villageID: shop.$village.id,
            originID: nodeID, destinationID: hubID, dueDate: PageDate.string(now), holder: .node(nodeID),
            createdAt: now)
        parcel.orderID = orderID
        try await parcel.create(on: database)
        try await ParcelEvent(
            id: dependencies.uuid(), parcelID: try parcel.requireID(), sequence: 0, kind: .registered, from: nil,
            to: .node(nodeID), actorID: actorID, nodeID: nodeID, note: "order", at: now
        ).create(on: database)
        return Shipment(carrier: shipment.carrier, trackingNumber: number)
    }

    /// A return of `order`'s goods taken in at the counter of `nodeID`: an outbound parcel from
    /// there to the hub, due today, addressed to the shop in its village, with the carrier that
    /// brought the goods (or the county's first). Call inside the caller's transaction; `nil`
    /// when the county has no hub or carrier.
    public func registerReturn(of order: Order, from nodeID: UUID, by actorID: UUID?, on database: any Database)
        async throws -> Parcel?
    {
        let orderID = try order.requireID()
        var carrierID = try await Self.parcel(ofOrder: orderID, on: database)?.$carrier.id
        if carrierID == nil { carrierID = try await Carrier.query(on: database).sort(\.$code).first()?.id }
        guard let carrierID, let shop = try await Shop.find(order.$shop.id, on: database),
            let hubID = try await NetworkService(dependencies: dependencies).hub(on: database)?.id
        else { return nil }
        let now = dependencies.now()
        let owner = try await Account.find(shop.$owner.id, on: database)
        let number = try await TrackingNumbers.issue(1, carrierID: carrierID, dependencies: dependencies, on: database)[
            0]
        let parcel = Parcel(
            id: dependencies.uuid(), carrierID: carrierID, trackingNumber: number, direction: .outbound,
            weightGrams: try await weight(of: orderID, on: database), codMinor: nil,
            contactName: String(shop.name.prefix(40)), contactPhone: owner?.phone, villageID: shop.$village.id,
            originID: nodeID, destinationID: hubID, dueDate: PageDate.string(now), holder: .node(nodeID),
            createdAt: now)
        try await parcel.create(on: database)
        try await ParcelEvent(
            id: dependencies.uuid(), parcelID: try parcel.requireID(), sequence: 0, kind: .registered, from: nil,
            to: .node(nodeID), actorID: actorID, nodeID: nodeID, note: "return", at: now
        ).create(on: database)
        return parcel
    }

    /// What the order's goods weigh as listed, with the packing, within what a parcel may weigh.
    func weight(of orderID: UUID, on database: any Database) async throws -> Int {
        let lines = try await OrderLine.query(on: database).filter(\.$order.$id == orderID).all()
        let variants = Dictionary(
            uniqueKeysWithValues: try await Variant.query(on: database).filter(\.$id ~~ lines.map { $0.$variant.id })
                .all().compactMap { variant in variant.id.map { ($0, variant.weightGrams) } })
        let goods = lines.reduce(0) { $0 + $1.quantity * (variants[$1.$variant.id] ?? 0) }
        return min(max(goods + Self.packingGrams, ParcelImport.weights.lowerBound), ParcelImport.weights.upperBound)
    }

    /// The parcel carrying `orderID`, if the network carries it.
    public static func parcel(ofOrder orderID: UUID, on database: any Database) async throws -> Parcel? {
        try await Parcel.query(on: database).filter(\.$orderID == orderID).first()
    }
}
