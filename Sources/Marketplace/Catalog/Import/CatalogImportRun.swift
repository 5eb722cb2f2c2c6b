import FluentKit
import Foundation

/// A catalogue file given to the import page, imported in the background (``CatalogImportQueue``):
/// the file and its photos wait here until a worker runs them, and the page reads how far it
/// has gone and how it ended.
public final class CatalogImportRun: Model, @unchecked Sendable {
    public static let schema = "catalog_imports"

    public enum Status: String, Codable, Sendable {
        /// Waiting for a worker.
        case queued
        /// The file's rows are being checked (`done` of `total`).
        case checking
        /// The checked file is being written, in one transaction.
        case writing
        /// Written; the search's ranked index is being made again after a write of many
        /// products (`total` of them), on PostgreSQL with RUM.
        case indexing
        /// Written: the counts are set.
        case done
        /// Bad rows: nothing was written; `errors` lists them.
        case refused
        /// Something else went wrong (the shop closed meanwhile, say): `message` says what.
        case failed

        public var isFinished: Bool { [.done, .refused, .failed].contains(self) }
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "shop_id") public var shop: Shop
    @Field(key: "account_id") public var accountID: UUID
    @Field(key: "file_name") public var fileName: String
    @Field(key: "byte_count") public var byteCount: Int
    @Field(key: "status") public var status: Status
    @Field(key: "done") public var done: Int
    @Field(key: "total") public var total: Int
    /// The CSV and the ZIP of photos until the run ends (then emptied).
    @OptionalField(key: "file") public var file: Data?
    @OptionalField(key: "photos") public var photos: Data?
    /// `CatalogImport.Outcome`'s counts, as JSON, when done.
    @OptionalField(key: "outcome") public var outcome: String?
    /// The first ``CatalogImportQueue/keptErrors`` bad rows, as JSON, when refused.
    @OptionalField(key: "errors") public var errors: String?
    @Field(key: "error_count") public var errorCount: Int
    /// How many times a worker has taken the run on: a worker claims it by moving this on.
    @Field(key: "attempt") public var attempt: Int
    @OptionalField(key: "message") public var message: String?
    @Field(key: "created_at") public var createdAt: Date
    /// When a worker last said it is still at it (while checking); a run silent for
    /// ``CatalogImportQueue/stale`` is taken over.
    @OptionalField(key: "heartbeat_at") public var heartbeatAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    init(
        id: UUID, shopID: UUID, accountID: UUID, fileName: String, file: Data, photos: Data?, createdAt: Date
    ) {
        self.id = id
        self.$shop.id = shopID
        self.accountID = accountID
        self.fileName = fileName
        self.byteCount = file.count
        self.status = .queued
        self.done = 0
        self.total = 0
        self.file = file
        self.photos = photos
        self.errorCount = 0
        self.attempt = 0
        self.createdAt = createdAt
    }
}
