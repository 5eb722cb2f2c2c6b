import Community
import FluentKit
import Foundation
import JishiKit
import Logistics

/// The demo county's two staffed stations, the same on every run: the demo agent at 丁庄村's
/// station in Daying Town and a second agent at 石井村's station in Jishi Town, each with a few
/// registered villagers and the guarantee deposit paid in.
public enum StationsDemo {
    /// Each demo agent's username, the village whose station they keep, their phone, and the
    /// villagers registered there (name, last ID characters, phone).
    static let counters:
        [(username: String, villageCode: String, phone: String, villagers: [(String, String, String?)])] = [
            (
                "agent", DemoCounty.countyCode + "101201", "13905300101",
                [("丁秀兰", "3021", nil), ("丁大山", "118X", "13905301234"), ("王桂芝", "0457", nil)]
            ),
            (
                "agent2", DemoCounty.countyCode + "100201", "13905300202",
                [("石玉梅", "7740", nil), ("陈德明", "2209", "13905305678")]
            ),
        ]

    /// The county's courses: what the field studies' training taught (title, hours).
    static let courses: [(String, Int)] = [
        ("网店开设与运营 Opening and running an online shop", 8),
        ("商品拍照与描述 Photographing and describing products", 4),
        ("快递打包与发货 Packing and sending parcels", 2),
    ]

    /// CNY 20,000 of guarantee deposit, the low end of what the programme asks.
    public static let depositMinor: Int64 = 2_000_000

    /// The station the demo agent `username` keeps.
    public static func stationCode(of username: String) -> String? {
        counters.first { $0.username == username }.map { "STA-" + $0.villageCode }
    }

    /// Gives the demo agents their stations (in place of the town the county seed gave them), a
    /// phone each, their villagers and the deposit. Needs the demo county and its network.
    public static func load(on database: any Database, context: StationsContext) async throws {
        let training = TrainingService(context: context)
        let admin = Principal(accountID: UUID(), grants: [RoleGrant(role: .admin, scope: .everywhere)])
        var courseIDs: [UUID] = []
        for (title, hours) in courses {
            courseIDs.append(
                try await training.addCourse(title: title, hours: hours, by: admin, on: database).requireID())
        }
        for counter in counters {
            guard let account = try await Account.query(on: database).filter(\.$username == counter.username).first(),
                let station = try await NetworkNode.query(on: database).filter(\.$code == "STA-" + counter.villageCode)
                    .first()
            else { continue }
            let accountID = try account.requireID()
            let stationID = try station.requireID()
            try await RoleGrantRecord.query(on: database).filter(\.$account.$id == accountID)
                .filter(\.$role == .agent).delete()
            try await RoleGrantRecord(
                id: context.dependencies.uuid(), accountID: accountID,
                grant: RoleGrant(role: .agent, scope: .station(stationID))
            ).create(on: database)
            account.phone = counter.phone
            try await account.save(on: database)
            let principal = Principal(
                accountID: accountID, grants: [RoleGrant(role: .agent, scope: .station(stationID))])
            for (index, villager) in counter.villagers.enumerated() {
                _ = try await VillagerService(context: context).register(
                    .init(name: villager.0, phone: villager.2, idDigits: villager.1),
                    idempotencyKey: "demo-villager-\(index)", at: stationID, by: principal, on: database)
            }
            _ = try await CashService(context: context).record(
                .depositTopUp, amountMinor: depositMinor, reason: "保证金 guarantee deposit",
                idempotencyKey: "demo-deposit", at: stationID, by: principal, on: database)
            try await loadWaitingParcels(counter, at: station, context: context, on: database)
            // Last week's class on opening a shop, which the first two villagers attended.
            let day = PageDate.string(context.dependencies.now().addingTimeInterval(-7 * 86_400))
            let session = try await training.holdSession(
                .init(courseID: courseIDs[0], day: day, place: station.name, trainer: "县电商办 County e-commerce office"),
                idempotencyKey: "demo-training", at: stationID, by: principal, on: database)
            for villager in try await Villager.query(on: database).filter(\.$stationID == stationID)
                .sort(\.$createdAt).limit(2).all()
            {
                _ = try await training.attend(
                    try session.requireID(), villagerID: villager.id, accountID: nil, at: stationID, by: principal,
                    on: database)
            }
        }
    }

    /// Two parcels that came in on yesterday's run and wait at the counter for the station's
    /// first two villagers: one to be recognised by the ID digits, one by the phone and paid for
    /// in cash on delivery.
    static func loadWaitingParcels(
        _ counter: (username: String, villageCode: String, phone: String, villagers: [(String, String, String?)]),
        at station: NetworkNode, context: StationsContext, on database: any Database
    ) async throws {
        guard let carrier = try await Carrier.query(on: database).filter(\.$code == "zto").first()?.id,
            let hub = try await NetworkNode.query(on: database).filter(\.$code == LogisticsDemo.hubCode).first()?.id,
            let stationID = station.id, let villageID = station.$village.id
        else { return }
        let now = context.dependencies.now()
        let yesterday = PageDate.string(now.addingTimeInterval(-86_400))
        for (index, villager) in counter.villagers.prefix(2).enumerated() {
            let parcelID = UUID(stableName: "jishi.demo-stations.parcel.\(counter.villageCode).\(index)")
            try await database.transaction { db in
                try await Parcel(
                    id: parcelID, carrierID: carrier,
                    trackingNumber: "ZT" + counter.villageCode.suffix(6) + String(format: "%04d", index + 1),
                    direction: .inbound, weightGrams: 1_200 + 800 * index, codMinor: index == 1 ? 3_500 : nil,
                    contactName: villager.0, contactPhone: villager.2, villageID: villageID, originID: hub,
                    destinationID: stationID, dueDate: yesterday, holder: .node(stationID), createdAt: now
                ).create(on: db)
                try await ParcelEvent(
                    id: context.dependencies.uuid(), parcelID: parcelID, sequence: 0, kind: .registered, from: nil,
                    to: .node(stationID), actorID: nil, nodeID: stationID, note: "demo", at: now
                ).create(on: db)
            }
        }
    }
}
