import Community
import FluentKit
import Foundation
import Imaging
import JishiKit
import Marketplace
import Persistence
import SQLKit

/// The town's registry of product designs (Village D's town kept one from 2017 against the
/// copying that fed a price war): a seller files a design with its photos and gets a dated
/// filing number; new and changed Jishi listings are compared with the filed designs, and a
/// likely copy raises an alert that the filer, the listing's seller and the town office see.
/// Both sides may make a statement, the office decides, and a decided copy can be taken off
/// sale for good.
public struct DesignRegistry: Sendable {
    public let context: InsightsContext
    public let photos: PhotoStore
    public var detector = CopyDetector()

    static let counterTable = "design_filing_days"
    public static let maximumPhotos = 9
    public static let titleLength = 2...60
    public static let descriptionLength = 1...2000
    public static let statementLength = 1...1000

    public init(context: InsightsContext, photos: PhotoStore) {
        self.context = context
        self.photos = photos
    }

    public struct NewDesign: Sendable {
        public var shopID: UUID
        public var title: String
        public var description: String
        public var categoryID: UUID

        public init(shopID: UUID, title: String, description: String, categoryID: UUID) {
            self.shopID = shopID
            self.title = title
            self.description = description
            self.categoryID = categoryID
        }
    }

    // MARK: Filing

    /// Files a design for a shop its staff work for; the number is dated by the filing day,
    /// Beijing time, and numbered within it.
    public func file(
        _ new: NewDesign, by principal: Principal, shops: ShopService, on database: any Database
    ) async throws -> DesignFiling {
        let shop = try await shops.requireStaff(of: new.shopID, principal, on: database)
        guard shop.status == .active else {
            throw Problem(type: .conflict, detail: "The shop is \(shop.status.rawValue).")
        }
        let title = try TextRule.require(new.title, field: "title", length: Self.titleLength)
        let description = try TextRule.require(
            new.description, field: "description", length: Self.descriptionLength, multiline: true)
        guard try await Marketplace.Category.find(new.categoryID, on: database) != nil else {
            throw Problem.notFound("The category", field: "categoryId")
        }
        let now = context.dependencies.now()
        let day = Self.filingDay(now)
        let id = context.dependencies.uuid()
        return try await context.transactions.transaction(on: database) { db in
            let sql = try db.sql()
            try await sql.insert(into: Self.counterTable).columns("day", "last").values(SQLBind(day), SQLBind(0))
                .ignoringConflicts(with: "day").run()
            struct Last: Decodable { var last: Int }
            guard
                let last = try await sql.raw(
                    """
                    UPDATE \(ident: Self.counterTable) SET last = last + 1 WHERE day = \(bind: day) RETURNING last
                    """
                ).first(decoding: Last.self)
            else { throw Problem(type: .conflict, detail: "The filing counter is missing; try again.") }
            let number = "SJ\(day)-" + String(format: "%04d", last.last)
            let filing = DesignFiling(
                id: id, number: number, shopID: new.shopID, filedBy: principal.accountID, title: title,
                description: description, categoryID: new.categoryID, at: now)
            try await filing.create(on: db)
            return filing
        }
    }

    /// `yyyyMMdd` of `time` in Beijing.
    static func filingDay(_ time: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: time)
        return String(format: "%04d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Files a design with its first photos: every photo is checked and hashed before anything
    /// is written, so a bad photo leaves no filing behind; the listings on sale are compared
    /// with the design once, after the last photo.
    public func file(
        _ new: NewDesign, photos bytes: [(Data, String?)], by principal: Principal, shops: ShopService,
        on database: any Database
    ) async throws -> DesignFiling {
        let checked = try bytes.map { try checkedPhoto($0.0, declaredType: $0.1) }
        let filing = try await file(new, by: principal, shops: shops, on: database)
        let filingID = try filing.requireID()
        for (photo, data) in zip(checked, bytes) {
            _ = try await store(data.0, format: photo.format, hashes: photo.hashes, to: filingID, on: database)
        }
        if !checked.isEmpty { _ = try await check(filingID: filingID, on: database) }
        return filing
    }

    /// Adds a photo to a filing (the filer's shop staff): a JPEG or PNG that decodes, at most
    /// the store's limit, at most nine. The listings already on sale are compared with the
    /// design at once.
    public func addPhoto(
        _ bytes: Data, declaredType: String?, to filingID: UUID, by principal: Principal, shops: ShopService,
        on database: any Database
    ) async throws -> DesignPhoto {
        let filing = try await requireFiler(filingID, principal, shops: shops, on: database)
        guard filing.withdrawnAt == nil else { throw Problem(type: .conflict, detail: "The filing is withdrawn.") }
        let checked = try checkedPhoto(bytes, declaredType: declaredType)
        let photo = try await store(bytes, format: checked.format, hashes: checked.hashes, to: filingID, on: database)
        _ = try await check(filingID: filingID, on: database)
        return photo
    }

    /// The photo's format and hashes, once it is a JPEG or PNG within the store's limit that
    /// decodes.
    private func checkedPhoto(_ bytes: Data, declaredType: String?) throws -> (format: PhotoFormat, hashes: String) {
        let format = try PhotoCheck.format(of: bytes, declaredType: declaredType, limit: photos.maximumBytes)
        let image: RasterImage
        do {
            image = try RasterImage.decode(bytes)
        } catch let error as ImageError {
            throw Problem.validation("photo", "The photo does not decode: \(error.description).")
        }
        return (format, PerceptualHash.variants(of: image).map(\.description).joined(separator: ";"))
    }

    /// Writes a checked photo's file and row, at most nine a filing.
    private func store(
        _ bytes: Data, format: PhotoFormat, hashes: String, to filingID: UUID, on database: any Database
    ) async throws -> DesignPhoto {
        let photo = DesignPhoto(
            id: context.dependencies.uuid(), filingID: filingID, format: format, byteCount: bytes.count,
            hashes: hashes, at: context.dependencies.now())
        try await photos.save(
            bytes, as: photo.fileName, thenCreate: photo, transactions: context.transactions, on: database
        ) { db in
            photo.position = try await PhotoStore.count(
                DesignPhoto.query(on: db).filter(\.$filing.$id == filingID), of: filingID, in: DesignFiling.schema,
                limit: Self.maximumPhotos, what: "A design", on: db)
        }
        return photo
    }

    private func requireFiler(
        _ filingID: UUID, _ principal: Principal, shops: ShopService, on database: any Database
    ) async throws -> DesignFiling {
        guard let filing = try await DesignFiling.find(filingID, on: database) else {
            throw Problem.notFound("The filing", field: "filingId")
        }
        do {
            _ = try await shops.requireStaff(of: filing.$shop.id, principal, on: database)
        } catch let problem as Problem where problem.status == 404 {
            throw Problem.notFound("The filing", field: "filingId")
        }
        return filing
    }

    /// A filing as its readers see it.
    public struct FilingView: Sendable {
        public var filing: DesignFiling
        public var shopName: String
        public var photos: [DesignPhoto]
        public var alerts: Int
    }

    /// The filings a reader sees, newest first: their own shops' and, for the town and county
    /// offices, those of shops in their scope.
    public func filings(by principal: Principal, on database: any Database) async throws -> [FilingView] {
        let reader = try await Reader.of(principal, on: database)
        let filings = try await DesignFiling.query(on: database).with(\.$shop).sort(\.$filedAt, .descending)
            .limit(500).all()
        let towns = try await townsOfShops(Set(filings.map { $0.$shop.id }), on: database)
        let visible = filings.filter { reader.sees(shop: $0.$shop.id, town: towns[$0.$shop.id]) }
        return try await views(of: visible, on: database)
    }

    /// One filing with its photos, for anyone who sees it; a `404` otherwise.
    public func filing(_ id: UUID, by principal: Principal, on database: any Database) async throws -> FilingView {
        let reader = try await Reader.of(principal, on: database)
        guard let filing = try await DesignFiling.query(on: database).filter(\.$id == id).with(\.$shop).first() else {
            throw Problem.notFound("The filing", field: "filingId")
        }
        let town = try await townsOfShops([filing.$shop.id], on: database)[filing.$shop.id]
        guard reader.sees(shop: filing.$shop.id, town: town) else {
            throw Problem.notFound("The filing", field: "filingId")
        }
        return try await views(of: [filing], on: database)[0]
    }

    private func views(of filings: [DesignFiling], on database: any Database) async throws -> [FilingView] {
        let ids = filings.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let photos = Dictionary(
            grouping: try await DesignPhoto.query(on: database).filter(\.$filing.$id ~~ ids).sort(\.$position).all(),
            by: { $0.$filing.id })
        let alerts = Dictionary(
            grouping: try await CopyAlert.query(on: database).filter(\.$filing.$id ~~ ids).all(), by: { $0.$filing.id })
        return filings.map { filing in
            let id = filing.id ?? UUID()
            return FilingView(
                filing: filing, shopName: filing.shop.name, photos: photos[id] ?? [], alerts: alerts[id]?.count ?? 0)
        }
    }

    // MARK: Comparing

    /// What one scan did.
    public struct ScanReport: Hashable, Sendable {
        public var photosHashed = 0
        public var listingsChecked = 0
        public var alertsRaised = 0
        /// A batch was full: more may wait.
        public var more = false
        /// The last listing compared, when its batch was full: the next scan may go on after it.
        public var resumeAfter: UUID?

        public init() {}
    }

    /// Hashes listing photos not hashed yet and compares every listing not compared since it was
    /// listed or changed (``DesignWatch`` forgets a changed listing's comparison; hashing a
    /// photo forgets its listing's) with the filed designs; at most `limit` of each per call, and
    /// only listings after `after` (in id order) when given. A chain of scans passes the last one's
    /// ``ScanReport/resumeAfter`` on, so that each finds its listings where the last stopped
    /// rather than reading past every listing compared before it, as each scan of a chain after
    /// a bulk import did.
    public func scan(limit: Int = 200, after: UUID? = nil, on database: any Database) async throws -> ScanReport {
        var report = ScanReport()
        let sql = try database.sql()
        struct Unhashed: Decodable {
            var id: UUID
            var product_id: UUID
            var format: String
        }
        let unhashed = try await sql.raw(
            """
            SELECT pp.id, pp.product_id, pp.format FROM product_photos pp
            LEFT JOIN design_listing_hashes h ON h.id = pp.id
            WHERE h.id IS NULL ORDER BY pp.id LIMIT \(literal: limit)
            """
        ).all(decoding: Unhashed.self)
        // A listing compared before its photo was hashed is compared again, with the photo;
        // forgotten first, so that a scan stopped part-way leaves it due.
        try await CheckedListing.forget(Array(Set(unhashed.map(\.product_id))), on: database)
        for photo in unhashed {
            let file = photos.url(of: PhotoFormat.stored(photo.format).fileName(of: photo.id))
            // A photo that does not decode is remembered as such and compared with nothing.
            let hash = (try? Data(contentsOf: file)).flatMap { try? RasterImage.decode($0) }
                .map { PerceptualHash.hash($0).description }
            try await sql.insert(into: ListingPhotoHash.schema).columns("id", "product_id", "hash")
                .values(SQLBind(photo.id), SQLBind(photo.product_id), SQLBind(hash))
                .ignoringConflicts(with: "id").run()
            report.photosHashed += 1
        }
        struct Due: Decodable {
            var id: UUID
        }
        // Listed and not compared since: an anti-join of two primary keys. (Each listing's
        // hashed photos were counted here against the count at its comparison, a subquery per
        // listing: 6.4 s a pass at a million listings with none due.)
        let due = try await sql.raw(
            """
            SELECT p.id FROM products p WHERE p.listed = \(bind: true)
            AND NOT EXISTS (SELECT 1 FROM design_checked_listings c WHERE c.id = p.id)
            """
                + (after.map { " AND p.id > \(bind: $0)" } ?? "")
                + " ORDER BY p.id LIMIT \(literal: limit)"
        ).all(decoding: Due.self)
        report.more = unhashed.count == limit || due.count == limit
        if due.count == limit { report.resumeAfter = due.last?.id }
        guard !due.isEmpty else { return report }
        var hashed: [UUID: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT h.product_id AS id, COUNT(*) AS n FROM design_listing_hashes h JOIN product_photos pp ON pp.id = h.id
            WHERE h.product_id IN (\(binds: due.map(\.id))) GROUP BY h.product_id
            """
        ).all() {
            hashed[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        let designs = try await loadDesigns(nil, on: database)
        let listings = try await loadListings(due.map(\.id), on: database)
        let now = context.dependencies.now()
        for listing in listings {
            report.alertsRaised += try await raise(comparing: designs, with: listing, on: database)
        }
        // One statement for the batch (three binds a row: 500 rows stay far below either
        // database's limit).
        for start in stride(from: 0, to: due.count, by: 500) {
            var insert = sql.insert(into: CheckedListing.schema).columns("id", "photo_count", "checked_at")
            for listing in due[start..<min(due.count, start + 500)] {
                insert = insert.values(SQLBind(listing.id), SQLBind(hashed[listing.id] ?? 0), SQLBind(now))
            }
            try await insert.onConflict(with: ["id"]) {
                $0.set(excludedValueOf: "photo_count").set(excludedValueOf: "checked_at")
            }.run()
        }
        report.listingsChecked = due.count
        return report
    }

    /// Compares one filing with every listing on sale; the number of alerts raised.
    func check(filingID: UUID, on database: any Database) async throws -> Int {
        let designs = try await loadDesigns(filingID, on: database)
        guard !designs.isEmpty else { return 0 }
        var raised = 0
        var after: UUID?
        while true {
            var query = Product.query(on: database).filter(\.$listed == true).sort(\.$id).limit(500)
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.all(\.$id)
            guard let last = page.last else { break }
            for listing in try await loadListings(page, on: database) {
                raised += try await raise(comparing: designs, with: listing, on: database)
            }
            after = last
        }
        return raised
    }

    /// A listing as the detector sees it, with the shop of the product it resells (a linked
    /// listing of sourcing sells the producer's own design, with leave).
    struct Candidate {
        var listing: CopyDetector.Listing
        var sourceShopID: UUID?
    }

    private func loadListings(_ ids: [UUID], on database: any Database) async throws -> [Candidate] {
        guard !ids.isEmpty else { return [] }
        let products = try await Product.query(on: database).filter(\.$id ~~ ids).all()
        let sources = Set(products.compactMap(\.sourceProductID))
        let sourceShops = Dictionary(
            uniqueKeysWithValues: try await Product.query(on: database).filter(\.$id ~~ sources).all()
                .compactMap { p in p.id.map { ($0, p.$shop.id) } })
        let hashes = try await ListingPhotoHash.query(on: database).filter(\.$productID ~~ ids).all()
        let byProduct = Dictionary(grouping: hashes, by: \.productID)
        return products.compactMap { product in
            guard let id = product.id else { return nil }
            return Candidate(
                listing: CopyDetector.Listing(
                    id: id, shopID: product.$shop.id, categoryID: product.$category.id,
                    photos: (byProduct[id] ?? []).compactMap { $0.hash.flatMap(ImageHash.init) },
                    terms: CopyDetector.terms(title: product.title, description: product.description)),
                sourceShopID: product.sourceProductID.flatMap { sourceShops[$0] })
        }
    }

    /// The filed designs still standing (or the one filing), as the detector sees them.
    private func loadDesigns(_ only: UUID?, on database: any Database) async throws -> [CopyDetector.Design] {
        var query = DesignFiling.query(on: database).filter(\.$withdrawnAt == nil)
        if let only { query = query.filter(\.$id == only) }
        let filings = try await query.all()
        let ids = filings.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let photos = Dictionary(
            grouping: try await DesignPhoto.query(on: database).filter(\.$filing.$id ~~ ids).all(),
            by: { $0.$filing.id })
        let terms = filings.map { CopyDetector.terms(title: $0.title, description: $0.description) }
        let (documents, frequency) = try await documentFrequency(
            of: terms.reduce(into: Set()) { $0.formUnion($1) }, on: database)
        return zip(filings, terms).compactMap { filing, terms in
            guard let id = filing.id else { return nil }
            return CopyDetector.Design(
                id: id, shopID: filing.$shop.id, categoryID: filing.$category.id,
                photos: (photos[id] ?? []).map { $0.hashes.split(separator: ";").compactMap(ImageHash.init) },
                terms: CopyDetector.weighted(terms, documents: documents, frequency: { frequency[$0] ?? 0 }))
        }
    }

    /// How many products there are, and how many have each of `terms`, from the search engine's
    /// own index (each product's terms counted once).
    private func documentFrequency(of terms: Set<String>, on database: any Database) async throws -> (
        Int, [String: Int]
    ) {
        try await SearchIndex.documentFrequencies(of: terms, on: database)
    }

    /// Raises an alert for each design `candidate` likely copies, once per design and listing.
    private func raise(
        comparing designs: [CopyDetector.Design], with candidate: Candidate, on database: any Database
    ) async throws -> Int {
        var raised = 0
        for design in designs
        where design.shopID != candidate.listing.shopID && design.shopID != candidate.sourceShopID {
            let evidence = detector.compare(design, candidate.listing)
            guard evidence.likelyCopy else { continue }
            let exists = try await CopyAlert.query(on: database).filter(\.$filing.$id == design.id)
                .filter(\.$product.$id == candidate.listing.id).count()
            guard exists == 0 else { continue }
            let alert = CopyAlert(
                id: context.dependencies.uuid(), filingID: design.id, productID: candidate.listing.id,
                evidence: evidence, at: context.dependencies.now())
            do {
                try await alert.create(on: database)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                continue  // raised by a scan running beside this one
            }
            raised += 1
        }
        return raised
    }

    // MARK: Alerts and disputes

    /// An alert as its readers see it, with what the reader may do.
    public struct AlertView: Sendable {
        public var alert: CopyAlert
        public var filingNumber: String
        public var filingTitle: String
        public var filerShopName: String
        public var productTitle: String
        public var productListed: Bool
        public var sellerShopName: String
        /// The reader's parts: the filer's shop, the listing's shop, the town office.
        public var sides: Set<Side>

        public var id: UUID { alert.id ?? UUID() }
    }

    public enum Side: String, Sendable, Hashable, CaseIterable {
        case filer, seller, office
    }

    /// The alerts a reader sees, newest first: on their shops' designs, on their shops'
    /// listings, and in their towns for the offices.
    public func alerts(
        status: CopyAlert.Status? = nil, by principal: Principal, on database: any Database
    ) async throws -> [AlertView] {
        let reader = try await Reader.of(principal, on: database)
        var query = CopyAlert.query(on: database).sort(\.$raisedAt, .descending).sort(\.$id)
        if let status { query = query.filter(\.$status == status) }
        let alerts = try await query.limit(1000).all()
        return try await views(of: alerts, for: reader, on: database)
    }

    public func alert(_ id: UUID, by principal: Principal, on database: any Database) async throws -> AlertView {
        let reader = try await Reader.of(principal, on: database)
        guard let alert = try await CopyAlert.find(id, on: database),
            let view = try await views(of: [alert], for: reader, on: database).first
        else { throw Problem.notFound("The alert", field: "alertId") }
        return view
    }

    private func views(of alerts: [CopyAlert], for reader: Reader, on database: any Database) async throws
        -> [AlertView]
    {
        guard !alerts.isEmpty else { return [] }
        let filings = Dictionary(
            uniqueKeysWithValues: try await DesignFiling.query(on: database)
                .filter(\.$id ~~ Set(alerts.map { $0.$filing.id })).with(\.$shop).all().compactMap { f in
                    f.id.map { ($0, f) }
                })
        let products = Dictionary(
            uniqueKeysWithValues: try await Product.query(on: database)
                .filter(\.$id ~~ Set(alerts.map { $0.$product.id })).with(\.$shop).all().compactMap { p in
                    p.id.map { ($0, p) }
                })
        let shops = Set(filings.values.map { $0.$shop.id }).union(products.values.map { $0.$shop.id })
        let towns = try await townsOfShops(shops, on: database)
        return alerts.compactMap { alert in
            guard let filing = filings[alert.$filing.id], let product = products[alert.$product.id] else { return nil }
            var sides = Set<Side>()
            if reader.staffOf.contains(filing.$shop.id) { sides.insert(.filer) }
            if reader.staffOf.contains(product.$shop.id) { sides.insert(.seller) }
            if reader.office(town: towns[filing.$shop.id]) || reader.office(town: towns[product.$shop.id]) {
                sides.insert(.office)
            }
            guard !sides.isEmpty else { return nil }
            return AlertView(
                alert: alert, filingNumber: filing.number, filingTitle: filing.title, filerShopName: filing.shop.name,
                productTitle: product.title, productListed: product.listed, sellerShopName: product.shop.name,
                sides: sides)
        }
    }

    /// The filer's or the seller's statement (whichever the reader is; the filer's when both).
    /// The alert becomes disputed; a decided or withdrawn one takes no more (`409`).
    public func state(
        _ alertID: UUID, statement: String, by principal: Principal, on database: any Database
    ) async throws -> AlertView {
        let statement = try TextRule.require(
            statement, field: "statement", length: Self.statementLength, multiline: true)
        let view = try await alert(alertID, by: principal, on: database)
        let side: Side
        if view.sides.contains(.filer) {
            side = .filer
        } else if view.sides.contains(.seller) {
            side = .seller
        } else {
            throw Problem.forbidden("Only the filer's shop and the listing's shop make statements.")
        }
        try await change(alertID, on: database) { alert in
            guard alert.status == .open || alert.status == .disputed else {
                throw Problem(type: .conflict, detail: "The alert is \(alert.status.rawValue).")
            }
            if side == .filer { alert.filerStatement = statement } else { alert.sellerStatement = statement }
            alert.status = .disputed
        }
        return try await alert(alertID, by: principal, on: database)
    }

    /// The town office's decision, with its reasons; once only.
    public func decide(
        _ alertID: UUID, _ decision: CopyAlert.Decision, note: String, by principal: Principal,
        on database: any Database
    ) async throws -> AlertView {
        let note = try TextRule.require(note, field: "note", length: Self.statementLength, multiline: true)
        let view = try await alert(alertID, by: principal, on: database)
        guard view.sides.contains(.office) else {
            throw Problem.forbidden("Only the town or county office decides.")
        }
        let now = context.dependencies.now()
        try await change(alertID, on: database) { alert in
            guard alert.status == .open || alert.status == .disputed else {
                throw Problem(type: .conflict, detail: "The alert is \(alert.status.rawValue) already.")
            }
            alert.status = .decided
            alert.decision = decision
            alert.decisionNote = note
            alert.decidedBy = principal.accountID
            alert.decidedAt = now
        }
        return try await alert(alertID, by: principal, on: database)
    }

    /// The filer withdraws the alert (the copy is licensed, say), while undecided.
    public func withdraw(_ alertID: UUID, by principal: Principal, on database: any Database) async throws
        -> AlertView
    {
        let view = try await alert(alertID, by: principal, on: database)
        guard view.sides.contains(.filer) else { throw Problem.forbidden("Only the filer's shop withdraws an alert.") }
        try await change(alertID, on: database) { alert in
            guard alert.status == .open || alert.status == .disputed else {
                throw Problem(type: .conflict, detail: "The alert is \(alert.status.rawValue).")
            }
            alert.status = .withdrawn
        }
        return try await alert(alertID, by: principal, on: database)
    }

    /// Takes a decided copy off sale for good (the town office). Unlisting again changes nothing.
    public func unlist(_ alertID: UUID, by principal: Principal, on database: any Database) async throws -> AlertView {
        let view = try await alert(alertID, by: principal, on: database)
        guard view.sides.contains(.office) else { throw Problem.forbidden("Only the town or county office unlists.") }
        let now = context.dependencies.now()
        try await change(alertID, on: database) { alert in
            guard alert.decision == .copy else {
                throw Problem(type: .conflict, detail: "Only a listing decided to be a copy is unlisted.")
            }
            guard alert.unlistedAt == nil else { return }
            alert.unlistedAt = now
        } then: { alert, db in
            try await CatalogService.hold(
                alert.$product.id, reason: "a copy of filed design \(view.filingNumber)", on: db)
        }
        return try await alert(alertID, by: principal, on: database)
    }

    /// Changes an alert under a lock on its row (PostgreSQL; SQLite writes one at a time).
    private func change(
        _ alertID: UUID, on database: any Database, _ body: @escaping @Sendable (CopyAlert) throws -> Void,
        then after: (@Sendable (CopyAlert, any Database) async throws -> Void)? = nil
    ) async throws {
        try await context.transactions.transaction(on: database) { db in
            _ = try await db.sql().select().column("id").from(CopyAlert.schema)
                .where("id", .equal, SQLBind(alertID)).for(.update).all()
            guard let alert = try await CopyAlert.find(alertID, on: db) else {
                throw Problem.notFound("The alert", field: "alertId")
            }
            try body(alert)
            try await alert.update(on: db)
            try await after?(alert, db)
        }
    }

    // MARK: Readers

    /// Who reads: the shops they work for and the towns whose office they are.
    struct Reader {
        var staffOf: Set<UUID>
        var scope: InsightsScope?
        var admin: Bool

        static func of(_ principal: Principal, on database: any Database) async throws -> Reader {
            let staff = try await ShopStaff.query(on: database).filter(\.$account.$id == principal.accountID).all()
            var scope: InsightsScope?
            do {
                scope = try await InsightsScope.of(principal, on: database)
            } catch let problem as Problem where problem.status == 403 {
                scope = nil
            }
            return Reader(
                staffOf: Set(staff.map { $0.$shop.id }), scope: scope,
                admin: principal.grants.contains { $0.role == .admin && $0.scope == .everywhere })
        }

        func office(town: UUID?) -> Bool {
            guard let town, let scope else { return false }
            return scope.sees(town: town)
        }

        func sees(shop: UUID, town: UUID?) -> Bool { admin || staffOf.contains(shop) || office(town: town) }
    }

    private func townsOfShops(_ shops: Set<UUID>, on database: any Database) async throws -> [UUID: UUID] {
        guard !shops.isEmpty else { return [:] }
        let rows = try await Shop.query(on: database).filter(\.$id ~~ shops).with(\.$village).all()
        return Dictionary(uniqueKeysWithValues: rows.compactMap { shop in shop.id.map { ($0, shop.village.$town.id) } })
    }
}

/// Compares listings with the filed designs when they are added or change: forgets that the
/// listing was compared and queues a scan (once) for the job runner.
public struct DesignWatch: ListingObserver {
    public let queue: JobQueue

    public init(queue: JobQueue) {
        self.queue = queue
    }

    public func listingChanged(_ productID: UUID, on database: any Database) async throws {
        try await listingsChanged([productID], on: database)
    }

    /// One delete per thousand listings and one scan queued, however many changed.
    public func listingsChanged(_ productIDs: [UUID], on database: any Database) async throws {
        guard !productIDs.isEmpty else { return }
        try await CheckedListing.forget(productIDs, on: database)
        try await InsightsJobs.queueDesignScan(on: database, queue: queue)
    }
}
