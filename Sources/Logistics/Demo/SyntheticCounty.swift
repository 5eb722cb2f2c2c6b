import Community
import FluentKit
import Foundation
import JishiKit

/// A generated county the size of a real one, for the dispatch benchmark (`bench/dispatch`)
/// and scale tests: towns in a ring around the seat, villages scattered around their town,
/// a hub, a depot per town, a station in every village, a mixed fleet, and a day of parcels
/// both ways (seller villages send far more than they receive). The same for the same seed.
public struct SyntheticCounty: Sendable {
    public var villages: Int
    public var parcels: Int
    /// Kilometres from the seat to the farthest village.
    public var radiusKm: Double
    public var seed: UInt64

    public init(villages: Int = 300, parcels: Int = 10_000, radiusKm: Double = 35, seed: UInt64 = 1) {
        self.villages = villages
        self.parcels = parcels
        self.radiusKm = radiusKm
        self.seed = seed
    }

    public static let countyCode = "999901"

    /// The fleet: code prefix, count, capacity (kg), fen per km, fixed fen a day, shift minutes.
    public static let fleet: [(prefix: String, count: Int, kg: Int, perKm: Int, fixed: Int, shift: Int)] = [
        ("VAN", 16, 1_500, 250, 15_000, 600), ("TRK", 6, 4_000, 400, 25_000, 600), ("TRI", 10, 300, 60, 8_000, 480),
    ]

    /// Writes the county into an empty database's geography and network; parcels are due on `date`.
    public func load(date: String, on database: any Database) async throws {
        var random = SeededGenerator(seed: seed)
        let seat = GeoPoint(latitude: 35.0, longitude: 116.0)
        let townCount = max(1, villages / 25)
        var rows: [any Model & Sendable] = []
        let county = County(id: UUID(), code: Self.countyCode, name: "样本县", nameEn: "Sample County")
        rows.append(county)
        let hub = NetworkNode(
            id: UUID(), code: "HUB-" + Self.countyCode, kind: .countyHub, name: "样本县共同配送中心", villageID: nil,
            townID: UUID(), location: seat, hours: OpeningHours(opens: 6 * 60, closes: 22 * 60),
            shelfCapacity: 50_000, operatorName: "县物流中心")
        var stations: [NetworkNode] = []
        var sellers: [Int] = []
        for town in 0..<townCount {
            let angle = Double(town) / Double(townCount) * 2 * .pi
            let distance = town == 0 ? 0 : radiusKm * 1000 * Double.random(in: 0.35...0.7, using: &random)
            let centre = seat.offset(northMetres: distance * cos(angle), eastMetres: distance * sin(angle))
            let townCode = Self.countyCode + String(format: "%03d", 100 + town)
            let townID = UUID()
            rows.append(
                Town(
                    id: townID, countyID: try county.requireID(), code: townCode, name: "第\(town + 1)镇",
                    nameEn: "Town \(town + 1)", latitude: centre.latitude, longitude: centre.longitude))
            if town == 0 { hub.$town.id = townID }
            rows.append(
                NetworkNode(
                    id: UUID(), code: "DEP-" + townCode, kind: .townDepot, name: "第\(town + 1)镇快递服务中心",
                    villageID: nil, townID: townID, location: centre,
                    hours: OpeningHours(opens: 7 * 60, closes: 20 * 60), shelfCapacity: 5_000,
                    operatorName: "第\(town + 1)镇邮政所"))
            let own = villages / townCount + (town < villages % townCount ? 1 : 0)
            for index in 0..<own {
                let spread = radiusKm * 1000 * 0.3
                let place = centre.offset(
                    northMetres: Double.random(in: -spread...spread, using: &random),
                    eastMetres: Double.random(in: -spread...spread, using: &random))
                let code = townCode + String(format: "%03d", 201 + index)
                let villageID = UUID()
                let name = "第\(town + 1)镇\(index + 1)村"
                rows.append(
                    Village(
                        id: villageID, townID: townID, code: code, name: name,
                        nameEn: "Village \(town + 1)-\(index + 1)", location: place,
                        householdCount: Int.random(in: 150...900, using: &random), specialty: .mixed))
                let opens = [7 * 60, 8 * 60, 8 * 60, 9 * 60][Int.random(in: 0..<4, using: &random)]
                let station = NetworkNode(
                    id: UUID(), code: "STA-" + code, kind: .villageStation, name: name + "服务站", villageID: villageID,
                    townID: townID, location: place, hours: OpeningHours(opens: opens, closes: opens + 11 * 60),
                    shelfCapacity: 400, operatorName: name + "服务站")
                if Int.random(in: 0..<10, using: &random) == 0 { sellers.append(stations.count) }
                stations.append(station)
            }
        }
        rows.append(hub)
        rows += stations
        for type in Self.fleet {
            for number in 1...type.count {
                rows.append(
                    Vehicle(
                        id: UUID(), code: "\(type.prefix)-\(number)", name: type.prefix, capacityGrams: type.kg * 1000,
                        costPerKmMinor: type.perKm, fixedCostMinor: type.fixed, shiftMinutes: type.shift))
            }
        }
        let carriers = [("zto", "中通"), ("yto", "圆通"), ("yunda", "韵达"), ("jt", "极兔"), ("ems", "邮政")].map {
            Carrier(
                id: UUID(), code: $0.0, name: $0.1, nameEn: $0.0.uppercased(), kind: $0.0 == "ems" ? .postal : .express)
        }
        rows += carriers
        let hubID = try hub.requireID()
        let now = Date()
        for serial in 0..<parcels {
            // A third of the parcels go out, most of them from the seller villages.
            let outbound = Int.random(in: 0..<3, using: &random) == 0
            let station: NetworkNode
            if outbound, !sellers.isEmpty, Int.random(in: 0..<4, using: &random) > 0 {
                station = stations[sellers[Int.random(in: 0..<sellers.count, using: &random)]]
            } else {
                station = stations[Int.random(in: 0..<stations.count, using: &random)]
            }
            let stationID = try station.requireID()
            let carrier = carriers[Int.random(in: 0..<carriers.count, using: &random)]
            guard let villageID = station.$village.id else { continue }
            rows.append(
                Parcel(
                    id: UUID(), carrierID: try carrier.requireID(),
                    trackingNumber: carrier.code.uppercased() + String(format: "%010d", serial + 1),
                    direction: outbound ? .outbound : .inbound,
                    weightGrams: outbound
                        ? Int.random(in: 500...3_000, using: &random) : Int.random(in: 150...5_000, using: &random),
                    codMinor: nil, contactName: "村民", contactPhone: nil, villageID: villageID,
                    originID: outbound ? stationID : hubID, destinationID: outbound ? hubID : stationID, dueDate: date,
                    holder: outbound ? .node(stationID) : .carrier, createdAt: now))
        }
        try await database.transaction { [rows] db in
            for row in rows { try await row.create(on: db) }
        }
    }
}
