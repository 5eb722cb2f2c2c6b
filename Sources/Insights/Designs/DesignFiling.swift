import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A product design a seller filed with the town's registry: the dated filing number is the
/// seller's proof of having had it first.
public final class DesignFiling: Model, @unchecked Sendable {
    public static let schema = "design_filings"

    @ID(key: .id) public var id: UUID?
    /// `SJ` + the filing day (Beijing time) + `-` + that day's sequence: `SJ20261203-0007`.
    @Field(key: "number") public var number: String
    @Parent(key: "shop_id") public var shop: Shop
    @Field(key: "filed_by") public var filedBy: UUID
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @Parent(key: "category_id") public var category: Marketplace.Category
    @Field(key: "filed_at") public var filedAt: Date
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Date?

    public init() {}

    init(
        id: UUID, number: String, shopID: UUID, filedBy: UUID, title: String, description: String, categoryID: UUID,
        at time: Date
    ) {
        self.id = id
        self.number = number
        self.$shop.id = shopID
        self.filedBy = filedBy
        self.title = title
        self.description = description
        self.$category.id = categoryID
        self.filedAt = time
    }
}

/// A photo of a filed design, with the perceptual hashes of it whole and cropped.
public final class DesignPhoto: Model, @unchecked Sendable {
    public static let schema = "design_photos"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "filing_id") public var filing: DesignFiling
    @Field(key: "position") public var position: Int
    @Field(key: "format") public var format: PhotoFormat
    @Field(key: "byte_count") public var byteCount: Int
    /// `ImageHash` descriptions separated by `;`: the photo whole, then its crops.
    @Field(key: "hashes") public var hashes: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(id: UUID, filingID: UUID, format: PhotoFormat, byteCount: Int, hashes: String, at time: Date) {
        self.id = id
        self.$filing.id = filingID
        self.position = 0
        self.format = format
        self.byteCount = byteCount
        self.hashes = hashes
        self.createdAt = time
    }

    public var fileName: String { (id?.uuidString.lowercased() ?? "") + "." + format.fileExtension }
}

/// A listing that looks like a copy of a filed design, and what became of it: the filer and the
/// listing's seller each say their piece, the town office decides, and a decided copy may be
/// taken off sale.
public final class CopyAlert: Model, @unchecked Sendable {
    public static let schema = "design_copy_alerts"

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Raised; nobody has spoken yet.
        case open
        /// The filer or the seller has made a statement.
        case disputed
        /// The town office decided.
        case decided
        /// The filer withdrew it (a licensed copy, say).
        case withdrawn
    }

    public enum Decision: String, Codable, Sendable, CaseIterable {
        case copy
        case notCopy = "not-copy"
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "filing_id") public var filing: DesignFiling
    @Parent(key: "product_id") public var product: Product
    /// Bits of 64 between the nearest photos; nil when either has no photo.
    @OptionalField(key: "image_distance") public var imageDistance: Int?
    /// Text similarity of the two, in thousandths.
    @Field(key: "text_permille") public var textPermille: Int
    @Field(key: "raised_at") public var raisedAt: Date
    @Field(key: "status") public var status: Status
    @OptionalField(key: "filer_statement") public var filerStatement: String?
    @OptionalField(key: "seller_statement") public var sellerStatement: String?
    @OptionalField(key: "decision") public var decision: Decision?
    @OptionalField(key: "decision_note") public var decisionNote: String?
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "unlisted_at") public var unlistedAt: Date?

    public init() {}

    init(id: UUID, filingID: UUID, productID: UUID, evidence: CopyDetector.Evidence, at time: Date) {
        self.id = id
        self.$filing.id = filingID
        self.$product.id = productID
        self.imageDistance = evidence.imageDistance
        self.textPermille = Int((evidence.textSimilarity * 1000).rounded())
        self.raisedAt = time
        self.status = .open
    }
}

/// The perceptual hash of each listing photo, computed once; nil when the file does not decode.
public final class ListingPhotoHash: Model, @unchecked Sendable {
    public static let schema = "design_listing_hashes"

    /// The product photo's id.
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "product_id") public var productID: UUID
    @OptionalField(key: "hash") public var hash: String?

    public init() {}

    init(photoID: UUID, productID: UUID, hash: String?) {
        self.id = photoID
        self.productID = productID
        self.hash = hash
    }
}

/// A listing compared with the filed designs, and how many of its photos were hashed then. The
/// row is forgotten when the listing changes (``DesignWatch``) or one of its photos is hashed,
/// and the next scan compares the listing again.
final class CheckedListing: Model, @unchecked Sendable {
    static let schema = "design_checked_listings"

    /// The product's id.
    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Field(key: "photo_count") var photoCount: Int
    @Field(key: "checked_at") var checkedAt: Date

    init() {}

    init(productID: UUID, photoCount: Int, at time: Date) {
        self.id = productID
        self.photoCount = photoCount
        self.checkedAt = time
    }

    /// Forgets the comparisons of `productIDs` (one delete per thousand), so that the next scan
    /// compares those listings again.
    static func forget(_ productIDs: [UUID], on database: any Database) async throws {
        for start in stride(from: 0, to: productIDs.count, by: 1_000) {
            let chunk = Array(productIDs[start..<min(productIDs.count, start + 1_000)])
            try await CheckedListing.query(on: database).filter(\.$id ~~ chunk).delete()
        }
    }
}
