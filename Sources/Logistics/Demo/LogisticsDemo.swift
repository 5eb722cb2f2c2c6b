import Community
import FluentKit
import Foundation
import JishiKit

/// The demo county's carriers and network, the same on every run: the county hub in the seat,
/// a depot in each town, a station in most villages (every fourth village of a town has none)
/// and a grocery pickup point in three villages, two of them without a station; and a small
/// road network (see `roads(nodes:villages:towns:)`).
public enum LogisticsDemo {
    /// Express companies and the postal service (their everyday names).
    public static let carriers: [(code: String, name: String, nameEn: String, kind: Carrier.Kind)] = [
        ("zto", "中通快递", "ZTO Express", .express), ("yto", "圆通速递", "YTO Express", .express),
        ("sto", "申通快递", "STO Express", .express), ("yunda", "韵达快递", "Yunda Express", .express),
        ("jt", "极兔速递", "J&T Express", .express), ("sf", "顺丰速运", "SF Express", .express),
        ("jd", "京东物流", "JD Logistics", .express), ("ems", "中国邮政 EMS", "China Post EMS", .postal),
    ]

    /// Villages with a grocery pickup point, by name: the shop and its owner.
    static let groceries: [String: (shop: String, owner: String)] = [
        "刘集村": ("刘集便民超市", "刘大姐"), "黄河滩村": ("黄河滩小卖部", "马老板"), "石井村": ("石井鲜果杂货", "陈阿姨"),
    ]

    public static let hubCode = "HUB-" + DemoCounty.countyCode

    /// A stable id for a demo logistics name.
    static func id(_ name: String) -> UUID { UUID(stableName: "jishi.demo-logistics." + name) }

    /// Loads the carriers and the network into a database holding the demo county.
    public static func load(on database: any Database) async throws {
        let towns = try await Town.query(on: database).all()
        let villages = try await Village.query(on: database).all()
        try await database.transaction { db in
            for carrier in carriers {
                try await Carrier(
                    id: id("carrier." + carrier.code), code: carrier.code, name: carrier.name, nameEn: carrier.nameEn,
                    kind: carrier.kind
                ).create(on: db)
            }
            for node in try nodes(towns: towns, villages: villages) { try await node.create(on: db) }
        }
        try await loadFleet(on: database)
        try await loadRoads(on: database)
    }

    /// The network's nodes for the demo county's places.
    static func nodes(towns: [Town], villages: [Village]) throws -> [NetworkNode] {
        var nodes: [NetworkNode] = []
        guard let seat = towns.first(where: { $0.code == DemoCounty.countyCode + "100" }) else { return [] }
        nodes.append(
            NetworkNode(
                id: id("hub"), code: hubCode, kind: .countyHub, name: "大集县共同配送中心", villageID: nil,
                townID: try seat.requireID(), location: DemoCounty.centre.offset(northMetres: -1_500, eastMetres: 800),
                hours: OpeningHours(opens: 6 * 60, closes: 22 * 60), shelfCapacity: 20_000,
                operatorName: "县物流中心"))
        for town in towns.sorted(by: { $0.code < $1.code }) {
            let townID = try town.requireID()
            nodes.append(
                NetworkNode(
                    id: id("depot." + town.code), code: "DEP-" + town.code, kind: .townDepot,
                    name: town.name + "快递服务中心", villageID: nil, townID: townID,
                    location: GeoPoint(latitude: town.latitude, longitude: town.longitude),
                    hours: OpeningHours(opens: 7 * 60, closes: 20 * 60), shelfCapacity: 2_000,
                    operatorName: town.name + "邮政所"))
            let own = villages.filter { $0.$town.id == townID }.sorted { $0.code < $1.code }
            for (index, village) in own.enumerated() {
                let villageID = try village.requireID()
                if index % 4 != 3 {
                    nodes.append(
                        NetworkNode(
                            id: id("station." + village.code), code: "STA-" + village.code, kind: .villageStation,
                            name: village.name + "服务站", villageID: villageID, townID: townID,
                            location: village.location.offset(northMetres: 60, eastMetres: -40),
                            hours: OpeningHours(opens: 8 * 60, closes: 19 * 60), shelfCapacity: 300,
                            operatorName: village.name + "服务站"))
                }
                if let grocery = groceries[village.name] {
                    nodes.append(
                        NetworkNode(
                            id: id("pickup." + village.code), code: "PUP-" + village.code, kind: .pickupPoint,
                            name: grocery.shop, villageID: villageID, townID: townID,
                            location: village.location.offset(northMetres: -120, eastMetres: 90),
                            hours: OpeningHours(opens: 7 * 60, closes: 21 * 60 + 30), shelfCapacity: 120,
                            operatorName: grocery.owner))
                }
            }
        }
        return nodes
    }
}
