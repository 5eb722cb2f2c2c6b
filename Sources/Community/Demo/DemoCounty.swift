import FluentKit
import Foundation
import JishiKit

/// The demo county: a fictional county modelled on the field studies, with the same data on
/// every run (fixed seed, derived ids), so tests and screenshots can rely on it.
///
/// - 大营镇 Daying Town: performance-costume villages in the style of Village D (Cao County,
///   Shandong), with 丁庄村 Dingzhuang as the pioneer.
/// - 集市镇 Jishi Town, the county seat: 石井村 Shijing, an urban village beside the county's
///   wholesale market (the Guangzhou cases), and trading villages around it.
/// - 青河乡 Qinghe Township: farm products (peaches, garlic, asparagus, honey).
/// - 柳林镇 Liulin Town: furniture (paulownia wood) and handicrafts (wicker, paper-cuts).
public enum DemoCounty {
    public static let seed: UInt64 = 20_261_123
    public static let password = "jishi-demo"
    /// The county seat; villages lie within roughly 20 km of it (a 40 × 40 km county).
    public static let centre = GeoPoint(latitude: 34.826, longitude: 115.542)

    public struct TownPlan: Sendable {
        /// The last 3 digits of the town's code (after the county's 6).
        public var number: String
        public var kind: Town.Kind
        public var name: String
        public var nameEn: String
        /// Offset of the town from the county centre, in km (north, east).
        public var offset: (north: Double, east: Double)
        public var villages: [VillagePlan]
    }

    public struct VillagePlan: Sendable {
        public var name: String
        public var nameEn: String
        public var households: Int
        public var specialty: Village.Specialty
    }

    public struct DemoLogin: Sendable {
        public var username: String
        public var displayName: String
        public var role: Role
        public var scopeDescription: String
    }

    public static let towns: [TownPlan] = [
        TownPlan(
            number: "101", kind: .town, name: "大营镇", nameEn: "Daying Town", offset: (6, -11),
            villages: [
                VillagePlan(name: "丁庄村", nameEn: "Dingzhuang", households: 312, specialty: .costumes),
                VillagePlan(name: "张庄村", nameEn: "Zhangzhuang", households: 406, specialty: .costumes),
                VillagePlan(name: "孙庄村", nameEn: "Sunzhuang", households: 287, specialty: .costumes),
                VillagePlan(name: "刘集村", nameEn: "Liuji", households: 455, specialty: .costumes),
                VillagePlan(name: "王楼村", nameEn: "Wanglou", households: 338, specialty: .costumes),
                VillagePlan(name: "高庄村", nameEn: "Gaozhuang", households: 264, specialty: .mixed),
                VillagePlan(name: "东李村", nameEn: "Dongli", households: 391, specialty: .costumes),
                VillagePlan(name: "西李村", nameEn: "Xili", households: 276, specialty: .mixed),
            ]),
        TownPlan(
            number: "100", kind: .town, name: "集市镇", nameEn: "Jishi Town", offset: (0, 0),
            villages: [
                VillagePlan(name: "石井村", nameEn: "Shijing", households: 2_380, specialty: .urbanWholesale),
                VillagePlan(name: "南关村", nameEn: "Nanguan", households: 1_240, specialty: .urbanWholesale),
                VillagePlan(name: "北关村", nameEn: "Beiguan", households: 980, specialty: .mixed),
                VillagePlan(name: "东郊村", nameEn: "Dongjiao", households: 615, specialty: .mixed),
                VillagePlan(name: "马庄村", nameEn: "Mazhuang", households: 422, specialty: .farmProducts),
                VillagePlan(name: "苏楼村", nameEn: "Sulou", households: 367, specialty: .handicrafts),
                VillagePlan(name: "前进村", nameEn: "Qianjin", households: 508, specialty: .mixed),
            ]),
        TownPlan(
            number: "200", kind: .township, name: "青河乡", nameEn: "Qinghe Township", offset: (-10, 9),
            villages: [
                VillagePlan(name: "桃园村", nameEn: "Taoyuan", households: 356, specialty: .farmProducts),
                VillagePlan(name: "蒜庄村", nameEn: "Suanzhuang", households: 298, specialty: .farmProducts),
                VillagePlan(name: "河湾村", nameEn: "Hewan", households: 243, specialty: .farmProducts),
                VillagePlan(name: "芦笋村", nameEn: "Lusun", households: 187, specialty: .farmProducts),
                VillagePlan(name: "蜂场村", nameEn: "Fengchang", households: 164, specialty: .farmProducts),
                VillagePlan(name: "杨湖村", nameEn: "Yanghu", households: 312, specialty: .farmProducts),
                VillagePlan(name: "青堤村", nameEn: "Qingdi", households: 205, specialty: .mixed),
                VillagePlan(name: "黄河滩村", nameEn: "Huanghetan", households: 148, specialty: .farmProducts),
            ]),
        TownPlan(
            number: "102", kind: .town, name: "柳林镇", nameEn: "Liulin Town", offset: (11, 8),
            villages: [
                VillagePlan(name: "桐木村", nameEn: "Tongmu", households: 421, specialty: .furniture),
                VillagePlan(name: "柳编村", nameEn: "Liubian", households: 233, specialty: .handicrafts),
                VillagePlan(name: "木匠村", nameEn: "Mujiang", households: 366, specialty: .furniture),
                VillagePlan(name: "剪纸村", nameEn: "Jianzhi", households: 178, specialty: .handicrafts),
                VillagePlan(name: "后林村", nameEn: "Houlin", households: 259, specialty: .furniture),
                VillagePlan(name: "前林村", nameEn: "Qianlin", households: 301, specialty: .mixed),
                VillagePlan(name: "沙窝村", nameEn: "Shawo", households: 196, specialty: .farmProducts),
                VillagePlan(name: "红旗村", nameEn: "Hongqi", households: 347, specialty: .furniture),
            ]),
    ]

    public static var villageCount: Int { towns.reduce(0) { $0 + $1.villages.count } }

    /// The demo county's statistical division code (fictional, in Shandong's 37 range).
    public static let countyCode = "371799"

    /// A demo village's 12-digit code: its town's 9 digits, then 201, 202 … in the plan's order
    /// (村民委员会 are numbered from 200).
    public static func villageCode(_ town: TownPlan, _ index: Int) -> String {
        countyCode + town.number + String(201 + index)
    }

    /// One login per role; all share `password`.
    public static let logins: [DemoLogin] = [
        DemoLogin(username: "buyer", displayName: "城里买家 李敏", role: .buyer, scopeDescription: "everywhere"),
        DemoLogin(username: "seller", displayName: "丁庄 王秀英", role: .seller, scopeDescription: "everywhere"),
        DemoLogin(
            username: "agent", displayName: "服务站 张建国", role: .agent, scopeDescription: "丁庄村 station, Daying Town"),
        DemoLogin(
            username: "agent2", displayName: "服务站 刘桂兰", role: .agent, scopeDescription: "石井村 station, Jishi Town"),
        DemoLogin(username: "dispatcher", displayName: "县物流中心 赵磊", role: .dispatcher, scopeDescription: "the county"),
        DemoLogin(username: "courier", displayName: "快递员 孙强", role: .courier, scopeDescription: "Daying Town"),
        DemoLogin(username: "official", displayName: "县电商办 陈静", role: .official, scopeDescription: "the county"),
        DemoLogin(username: "admin", displayName: "系统管理员", role: .admin, scopeDescription: "everywhere"),
    ]

    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗丁")
    static let givenNames = [
        "秀英", "建国", "桂兰", "志强", "玉梅", "海燕", "国庆", "红梅", "春生", "丽娟", "建华", "淑珍", "德明", "小燕", "军", "伟", "芳", "磊",
    ]

    /// Every row of the demo county, made from the fixed seed: the same on every run.
    struct Rows {
        var county: County
        var towns: [Town] = []
        var villages: [Village] = []
        var households: [Household] = []
        var accounts: [Account] = []
        var grants: [RoleGrantRecord] = []
    }

    static func rows(passwordHash: String) -> Rows {
        var random = SeededGenerator(seed: seed)
        func nextID() -> UUID {
            var bytes = [UInt8](repeating: 0, count: 16)
            for index in stride(from: 0, to: 16, by: 8) {
                let word = random.next()
                for offset in 0..<8 { bytes[index + offset] = UInt8(truncatingIfNeeded: word >> (8 * offset)) }
            }
            return UUID(derivedFrom: bytes)
        }

        let countyID = nextID()
        var rows = Rows(county: County(id: countyID, code: countyCode, name: "大集县", nameEn: "Daji County"))
        var dayingID = countyID
        for plan in towns {
            let townCentre = centre.offset(northMetres: plan.offset.north * 1000, eastMetres: plan.offset.east * 1000)
            let townID = nextID()
            if plan.nameEn == "Daying Town" { dayingID = townID }
            rows.towns.append(
                Town(
                    id: townID, countyID: countyID, code: countyCode + plan.number, kind: plan.kind, name: plan.name,
                    nameEn: plan.nameEn,
                    latitude: townCentre.latitude, longitude: townCentre.longitude))
            for (index, villagePlan) in plan.villages.enumerated() {
                // Villages ring their town at 2–8 km, spread evenly with some jitter.
                let angle =
                    Double(index) / Double(plan.villages.count) * 2 * .pi
                    + Double.random(in: -0.3...0.3, using: &random)
                let radius = Double.random(in: 2_000...8_000, using: &random)
                let location = townCentre.offset(northMetres: radius * sin(angle), eastMetres: radius * cos(angle))
                let villageID = nextID()
                rows.villages.append(
                    Village(
                        id: villageID, townID: townID, code: villageCode(plan, index), name: villagePlan.name,
                        nameEn: villagePlan.nameEn,
                        location: location, householdCount: villagePlan.households, specialty: villagePlan.specialty))
                // Registered households: about one in twenty, at least five.
                for _ in 0..<max(5, villagePlan.households / 20) {
                    let name =
                        String(surnames[Int.random(in: 0..<surnames.count, using: &random)])
                        + givenNames[Int.random(in: 0..<givenNames.count, using: &random)]
                    rows.households.append(
                        Household(
                            id: nextID(), villageID: villageID, headName: name,
                            members: Int.random(in: 1...7, using: &random)))
                }
            }
        }
        for login in logins {
            let accountID = nextID()
            rows.accounts.append(
                Account(
                    id: accountID, username: login.username, passwordHash: passwordHash,
                    displayName: login.displayName, preferredLanguage: login.username == "buyer" ? .en : .zhHans))
            let scope: Scope =
                switch login.role {
                case .agent, .courier: .town(dayingID)
                case .dispatcher, .official: .county(countyID)
                default: .everywhere
                }
            rows.grants.append(
                RoleGrantRecord(id: nextID(), accountID: accountID, grant: RoleGrant(role: login.role, scope: scope)))
            if login.role == .seller || login.role == .agent {
                rows.grants.append(RoleGrantRecord(id: nextID(), accountID: accountID, grant: RoleGrant(role: .buyer)))
            }
        }
        return rows
    }

    /// Loads the county into an empty database, in one transaction.
    public static func load(on database: any Database, accounts: AccountService) async throws {
        guard try await County.query(on: database).count() == 0, try await Account.query(on: database).count() == 0
        else {
            throw SeedError.notEmpty
        }
        // Hash outside the transaction: Bcrypt is slow by design.
        let rows = rows(passwordHash: try await accounts.hasher.hash(password))
        try await database.transaction { db in
            try await rows.county.create(on: db)
            try await rows.towns.create(on: db)
            try await rows.villages.create(on: db)
            for start in stride(from: 0, to: rows.households.count, by: 200) {
                try await rows.households[start..<min(start + 200, rows.households.count)].create(on: db)
            }
            try await rows.accounts.create(on: db)
            try await rows.grants.create(on: db)
        }
    }

    public enum SeedError: Error, CustomStringConvertible {
        case notEmpty

        public var description: String {
            "The database is not empty; the demo county loads only into an empty database."
        }
    }
}
