import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Persistence
import SQLKit

/// Every shop of the county on any platform, with its village, kind, main category, opening
/// and closing; monthly snapshots of it (the job runner takes one at each month's turn, an
/// official may take the current month's at any time) and the changes between any two.
public struct ShopRegistry: Sendable {
    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    /// One shop as the registry lists it.
    public struct Entry: Hashable, Sendable {
        public var platform: String
        public var shopRef: String
        public var kind: PlatformShop.Kind
        public var villageCode: String
        public var townCode: String
        public var mainCategory: String?
        public var openedOn: String
        public var closedOn: String?
    }

    public struct Snapshot: Hashable, Sendable {
        /// The month it describes (YYYY-MM).
        public var month: String
        public var shops: Int
        public var takenAt: Date
    }

    /// What changed for one shop between two snapshots.
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Sendable, CaseIterable, Codable {
            case opened, closed, moved
            case recategorised = "recategorised"
            case upgraded
        }

        public var kind: Kind
        public var platform: String
        public var shopRef: String
        public var villageCode: String
        /// Before the change: the village a moved shop left, the category a recategorised shop had.
        public var previous: String?
        /// After it: the new category of a recategorised shop, the closing day of a closed one.
        public var current: String?
    }

    public static let csvHeader = "platform,shop_ref,kind,village_code,town_code,main_category,opened_on,closed_on"
    public static let changesHeader = "change,platform,shop_ref,village_code,previous,current"

    /// The registry now (`month` nil) or as a snapshot kept it, in the reader's scope, by
    /// village, platform and reference.
    public func entries(month: String?, by principal: Principal?, on database: any Database) async throws -> [Entry] {
        let scope = try await InsightsScope.of(principal, on: database)
        let sql = try database.sql()
        struct Row: Decodable {
            var platform: String
            var shop_ref: String
            var kind: String
            var village_code: String
            var town_id: UUID
            var town_code: String
            var main_category: String?
            var opened_on: String
            var closed_on: String?
        }
        let rows: [Row]
        if let month {
            guard let snapshot = try await snapshotID(month, on: database) else {
                throw Problem.notFound("A snapshot of \(month)", field: "month")
            }
            rows = try await sql.raw(
                """
                SELECT s.platform, s.shop_ref, s.kind, v.code AS village_code, t.id AS town_id, t.code AS town_code,
                  s.main_category, s.opened_on, s.closed_on
                FROM registry_snapshot_shops s JOIN villages v ON v.id = s.village_id JOIN towns t ON t.id = v.town_id
                WHERE s.snapshot_id = \(bind: snapshot)
                ORDER BY v.code, s.platform, s.shop_ref
                """
            ).all(decoding: Row.self)
        } else {
            try await JishiShopSync(context: context).refresh(on: database)
            rows = try await sql.raw(
                """
                SELECT s.platform, s.shop_ref, s.kind, v.code AS village_code, t.id AS town_id, t.code AS town_code,
                  s.main_category, s.opened_on, s.closed_on
                FROM platform_shops s JOIN villages v ON v.id = s.village_id JOIN towns t ON t.id = v.town_id
                ORDER BY v.code, s.platform, s.shop_ref
                """
            ).all(decoding: Row.self)
        }
        return rows.filter { scope.sees(town: $0.town_id) }.map {
            Entry(
                platform: $0.platform, shopRef: $0.shop_ref, kind: PlatformShop.Kind(rawValue: $0.kind) ?? .individual,
                villageCode: $0.village_code, townCode: $0.town_code, mainCategory: $0.main_category,
                openedOn: $0.opened_on, closedOn: $0.closed_on)
        }
    }

    /// The snapshots kept, newest first (any reader of insights).
    public func snapshots(by principal: Principal?, on database: any Database) async throws -> [Snapshot] {
        _ = try await InsightsScope.of(principal, on: database)
        return try await RegistrySnapshot.query(on: database).sort(\.$month, .descending).all().map {
            Snapshot(month: $0.month, shops: $0.shops, takenAt: $0.takenAt)
        }
    }

    /// Takes the snapshot of `month` (the current month by default), replacing one taken
    /// before: the registry as it is now, Jishi's shops brought up to date first. The job runner
    /// takes each month's at its turn; through the API and pages, the county's officials and
    /// admins (`PlatformCodes.requireReporter`).
    @discardableResult
    public func take(month: String? = nil, by principal: Principal?, on database: any Database) async throws
        -> Snapshot
    {
        if let principal { try PlatformCodes.requireReporter(principal) }
        let now = context.dependencies.now()
        let month = month ?? Months.month(of: now)
        guard PlatformCodes.isMonth(month) else { throw Problem.validation("month", "A month such as 2026-11.") }
        try await JishiShopSync(context: context).refresh(on: database)
        let id = context.dependencies.uuid()
        let by = principal?.accountID
        return try await context.transactions.transaction(on: database) { db in
            let sql = try db.sql()
            if let old = try await RegistrySnapshot.query(on: db).filter(\.$month == month).first() {
                try await sql.raw(
                    "DELETE FROM registry_snapshot_shops WHERE snapshot_id = \(bind: try old.requireID())"
                )
                .run()
                try await old.delete(on: db)
            }
            let snapshot = RegistrySnapshot(id: id, month: month, shops: 0, takenAt: now, takenBy: by)
            try await snapshot.create(on: db)
            try await sql.raw(
                """
                INSERT INTO registry_snapshot_shops
                  (snapshot_id, platform, shop_ref, kind, village_id, main_category, opened_on, closed_on)
                SELECT \(bind: id), platform, shop_ref, kind, village_id, main_category, opened_on, closed_on
                FROM platform_shops
                """
            ).run()
            struct Count: Decodable { var n: Int64 }
            let count =
                try await sql.raw("SELECT COUNT(*) AS n FROM registry_snapshot_shops WHERE snapshot_id = \(bind: id)")
                .first(decoding: Count.self)?.n ?? 0
            snapshot.shops = Int(count)
            try await snapshot.update(on: db)
            return Snapshot(month: month, shops: Int(count), takenAt: now)
        }
    }

    /// What changed between the snapshots of `from` and `to`, in the reader's scope: shops
    /// opened (in `to`, not in `from`), closed (a closing day in `to` and none in `from`), moved
    /// to another village, with another main category, and upgraded to an enterprise.
    public func changes(from: String, to: String, by principal: Principal?, on database: any Database) async throws
        -> [Change]
    {
        for (field, month) in [("from", from), ("to", to)] where !PlatformCodes.isMonth(month) {
            throw Problem.validation(field, "A month such as 2026-11.")
        }
        let before = try await entries(month: from, by: principal, on: database)
        let after = try await entries(month: to, by: principal, on: database)
        return Self.changes(before, after)
    }

    /// The changes from `before` to `after`, in village, platform and reference order.
    public static func changes(_ before: [Entry], _ after: [Entry]) -> [Change] {
        var old: [String: Entry] = [:]
        for entry in before { old[entry.platform + "|" + entry.shopRef] = entry }
        var changes: [Change] = []
        for entry in after {
            func change(_ kind: Change.Kind, previous: String? = nil, current: String? = nil) {
                changes.append(
                    Change(
                        kind: kind, platform: entry.platform, shopRef: entry.shopRef, villageCode: entry.villageCode,
                        previous: previous, current: current))
            }
            guard let was = old[entry.platform + "|" + entry.shopRef] else {
                change(.opened, current: entry.openedOn)
                if let closed = entry.closedOn { change(.closed, current: closed) }
                continue
            }
            if was.closedOn == nil, let closed = entry.closedOn { change(.closed, current: closed) }
            if was.villageCode != entry.villageCode { change(.moved, previous: was.villageCode) }
            if let category = entry.mainCategory, was.mainCategory != category {
                change(.recategorised, previous: was.mainCategory, current: category)
            }
            if was.kind == .individual, entry.kind == .enterprise { change(.upgraded) }
        }
        return changes.sorted {
            ($0.villageCode, $0.platform, $0.shopRef, $0.kind.rawValue)
                < ($1.villageCode, $1.platform, $1.shopRef, $1.kind.rawValue)
        }
    }

    public static func csv(_ entries: [Entry]) -> String {
        CSVFile.text(
            header: csvHeader,
            rows: entries.map {
                [
                    $0.platform, CSVFile.cell($0.shopRef), $0.kind.rawValue, $0.villageCode, $0.townCode,
                    $0.mainCategory ?? "", $0.openedOn, $0.closedOn ?? "",
                ]
            })
    }

    public static func csv(_ changes: [Change]) -> String {
        CSVFile.text(
            header: changesHeader,
            rows: changes.map {
                [
                    $0.kind.rawValue, $0.platform, CSVFile.cell($0.shopRef), $0.villageCode,
                    CSVFile.cell($0.previous ?? ""), CSVFile.cell($0.current ?? ""),
                ]
            })
    }

    func snapshotID(_ month: String, on database: any Database) async throws -> UUID? {
        try await RegistrySnapshot.query(on: database).filter(\.$month == month).first()?.id
    }
}

/// A month's snapshot of the registry; its shops are rows of `registry_snapshot_shops`.
final class RegistrySnapshot: Model, @unchecked Sendable {
    static let schema = "registry_snapshots"

    @ID(key: .id) var id: UUID?
    @Field(key: "month") var month: String
    @Field(key: "shops") var shops: Int
    @Field(key: "taken_at") var takenAt: Date
    @OptionalField(key: "taken_by") var takenBy: UUID?

    init() {}

    init(id: UUID, month: String, shops: Int, takenAt: Date, takenBy: UUID?) {
        self.id = id
        self.month = month
        self.shops = shops
        self.takenAt = takenAt
        self.takenBy = takenBy
    }
}

/// The insights module's background jobs.
public enum InsightsJobs {
    /// Payload: a month (YYYY-MM). Takes that month's registry snapshot at the turn of the
    /// month, looks at its quality and prices for alerts, and queues the next month's.
    public static let registrySnapshot = "insights.registry-snapshot"
    /// Payload: empty, or the id of the listing the last scan of a chain stopped after. Compares
    /// new and changed listings with the filed designs, ``designScanBatch`` at a time, and
    /// queues itself again after the last one while more wait; a chain that started part-way
    /// ends with one pass from the start, for listings that changed behind it.
    public static let designScan = "insights.design-scan"
    /// Listings a background design scan compares at a time: the filed designs and their term
    /// weights are read once per scan, so a bulk import's listings go through in fewer of them.
    static let designScanBatch = 1_000

    /// `queue` with the insights handlers added.
    public static func register(on queue: JobQueue, context: InsightsContext, photos: PhotoStore) -> JobQueue {
        queue.handling(registrySnapshot) { payload, database in
            guard PlatformCodes.isMonth(payload) else { throw JobError(message: "Bad month \(payload).") }
            try await ShopRegistry(context: context).take(month: payload, by: nil, on: database)
            try await QualityWatch(context: context).detect(month: payload, by: nil, on: database)
            try await schedule(on: database, queue: queue, after: payload)
        }
        .handling(designScan) { payload, database in
            let after = UUID(uuidString: payload)
            let report = try await DesignRegistry(context: context, photos: photos).scan(
                limit: designScanBatch, after: after, on: database)
            if report.more {
                try await queue.enqueue(designScan, payload: report.resumeAfter?.uuidString ?? "", on: database)
            } else if after != nil {
                try await queue.enqueue(designScan, payload: "", on: database)
            }
        }
    }

    /// Queues a design scan to run now, unless one is waiting already.
    public static func queueDesignScan(on database: any Database, queue: JobQueue) async throws {
        let waiting = try await Job.query(on: database).filter(\.$kind == designScan)
            .filter(\.$status == .queued).count()
        guard waiting == 0 else { return }
        try await queue.enqueue(designScan, payload: "", on: database)
    }

    /// Queues the snapshot of the month after `month` (of the current month when nil) for its
    /// turn — half past midnight, Beijing time, on the next month's first day — unless one is
    /// queued already. The server calls it as it starts.
    public static func schedule(on database: any Database, queue: JobQueue, after month: String? = nil) async throws {
        let current = month.map { Months.next($0) } ?? Months.month(of: queue.dependencies.now())
        guard let turn = Months.range(of: current)?.end else { return }
        let waiting = try await Job.query(on: database).filter(\.$kind == registrySnapshot)
            .filter(\.$status == .queued).count()
        guard waiting == 0 else { return }
        try await queue.enqueue(
            registrySnapshot, payload: current, runAt: turn.addingTimeInterval(30 * 60), on: database)
    }
}
