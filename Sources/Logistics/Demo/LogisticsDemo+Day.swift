import Community
import FluentKit
import Foundation
import JishiKit

/// The demo county's fleet and a day of parcels for the dispatcher to plan.
extension LogisticsDemo {
    /// Vans of the county's logistics centre: code, name, capacity (kg), fen per km, fixed fen a
    /// day, shift minutes, and whether the demo courier drives it.
    static let fleet: [(code: String, name: String, kg: Int, perKm: Int, fixed: Int, shift: Int, courier: Bool)] = [
        ("VAN-1", "依维柯厢式货车", 1_500, 250, 15_000, 540, true),
        ("VAN-2", "依维柯厢式货车", 1_500, 250, 15_000, 540, false),
        ("TRK-1", "4.2 米厢式货车", 4_000, 400, 25_000, 600, false),
        ("TRI-1", "电动三轮车", 300, 60, 8_000, 480, false),
    ]

    /// Adds the fleet; the demo courier drives the first van.
    public static func loadFleet(on database: any Database) async throws {
        let courier = try await Account.query(on: database).filter(\.$username == "courier").first()
        for vehicle in fleet {
            try await Vehicle(
                id: id("vehicle." + vehicle.code), code: vehicle.code, name: vehicle.name,
                capacityGrams: vehicle.kg * 1000, costPerKmMinor: vehicle.perKm, fixedCostMinor: vehicle.fixed,
                shiftMinutes: vehicle.shift, courierID: vehicle.courier ? courier?.id : nil
            ).create(on: database)
        }
    }

    /// A day of parcels due on `date`: inbound ones from every carrier for each served
    /// village, and outbound collections where the demo's seller villages ship (the costume
    /// village most of all). The same on every run for the same date.
    public static func loadDay(_ date: String, at now: Date, on database: any Database) async throws {
        let carriers = try await Carrier.query(on: database).sort(\.$code).all()
        let hub = try await NetworkNode.query(on: database).filter(\.$code == hubCode).first()
        let villages = try await Village.query(on: database).sort(\.$code).all()
        let service = NetworkService()
        guard let hub, !carriers.isEmpty else { return }
        var random = SeededGenerator(seed: 20_261_202)
        let names = ["王秀英", "李建国", "张桂兰", "刘志强", "陈玉梅", "杨德福", "赵淑芬", "黄国庆", "周红霞", "吴春生"]
        var serial = 0
        var parcels: [Parcel] = []
        var events: [ParcelEvent] = []
        for village in villages {
            guard let node = try await service.servingNode(ofVillage: village.requireID(), on: database) else {
                continue
            }
            let nodeID = try node.requireID()
            let sellers = ["丁庄村", "石井村", "桃园村"].contains(village.name)
            let inbound = Int.random(in: 2...9, using: &random)
            let outbound = sellers ? Int.random(in: 25...60, using: &random) : Int.random(in: 0...2, using: &random)
            for index in 0..<(inbound + outbound) {
                serial += 1
                let carrier = carriers[Int.random(in: 0..<carriers.count, using: &random)]
                let isInbound = index < inbound
                let tracking =
                    carrier.code.prefix(2).uppercased() + date.replacingOccurrences(of: "-", with: "")
                    + String(format: "%05d", serial)
                let phone =
                    "1\(Int.random(in: 30...89, using: &random))\(Int.random(in: 10_000_000...99_999_999, using: &random))"
                let parcel = Parcel(
                    id: id("parcel.\(date).\(serial)"), carrierID: try carrier.requireID(), trackingNumber: tracking,
                    direction: isInbound ? .inbound : .outbound,
                    weightGrams: isInbound
                        ? Int.random(in: 200...6_000, using: &random) : Int.random(in: 500...3_000, using: &random),
                    codMinor: nil, contactName: names[Int.random(in: 0..<names.count, using: &random)],
                    contactPhone: phone, villageID: try village.requireID(),
                    originID: isInbound ? try hub.requireID() : nodeID,
                    destinationID: isInbound ? nodeID : try hub.requireID(), dueDate: date,
                    holder: isInbound ? .carrier : .node(nodeID), createdAt: now)
                parcels.append(parcel)
                events.append(
                    ParcelEvent(
                        id: id("parcel-event.\(date).\(serial)"), parcelID: try parcel.requireID(), sequence: 0,
                        kind: .registered, from: nil, to: parcel.currentHolder ?? .carrier, actorID: nil,
                        nodeID: isInbound ? nil : nodeID, note: "demo", at: now))
            }
        }
        try await database.transaction { [parcels, events] db in
            for parcel in parcels { try await parcel.create(on: db) }
            for event in events { try await event.create(on: db) }
        }
    }
}
