import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

#if canImport(Glibc)
    import Glibc
#endif

/// Where photo bytes live: a directory of files named by photo id. Writes go to a temporary
/// file first and are renamed into place, so a reader never sees half a photo.
public struct PhotoStore: Sendable {
    public let directory: URL
    /// The largest photo accepted, in bytes.
    public let maximumBytes: Int

    public static let defaultMaximumBytes = 2 * 1024 * 1024

    public init(directory: URL, maximumBytes: Int = PhotoStore.defaultMaximumBytes) {
        self.directory = directory
        self.maximumBytes = maximumBytes
    }

    public func save(_ bytes: Data, as fileName: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = url(of: fileName)
        let temporary = directory.appendingPathComponent(".\(fileName).\(UUID().uuidString).tmp")
        try bytes.write(to: temporary)
        // rename(2) replaces the target atomically; Foundation's replaceItemAt needs it to exist.
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, "errno": code])
        }
    }

    /// Writes the photo's file, then its row in a transaction of its own, after `check` has run
    /// in that transaction; if the row cannot be written (or `check` refuses it), the file is
    /// removed again, so no file is left without a row.
    public func save<Row: Model & Sendable>(
        _ bytes: Data, as fileName: String, thenCreate row: Row, transactions: TransactionRunner,
        on database: any Database, after check: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        try save(bytes, as: fileName)
        do {
            try await transactions.transaction(on: database) { db in
                try await check(db)
                try await row.create(on: db)
            }
        } catch {
            remove(fileName)
            throw error
        }
    }

    /// How many photos `owner` (a product, a review) has, counted after locking the owner's row
    /// in the caller's transaction, so that concurrent uploads for one owner take turns and
    /// none goes past `limit` (a `409` naming `what`). SQLite runs one write at a time anyway.
    public static func count<Photo: Model>(
        _ photos: QueryBuilder<Photo>, of owner: UUID, in table: String, limit: Int, what: String,
        on database: any Database
    ) async throws -> Int {
        _ = try await database.sql().select().column(SQLIdentifier("id")).from(table)
            .where(SQLIdentifier("id"), .equal, SQLBind(owner)).for(.update).all()
        let existing = try await photos.count()
        guard existing < limit else {
            throw Problem(type: .conflict, detail: "\(what) has at most \(limit) photos.", field: "photo")
        }
        return existing
    }

    public func remove(_ fileName: String) {
        try? FileManager.default.removeItem(at: url(of: fileName))
    }

    /// The file of a photo; only plain names are accepted, never a path.
    public func url(of fileName: String) -> URL {
        directory.appendingPathComponent(fileName, isDirectory: false)
    }

    /// Whether `fileName` is one this store could have written: `<uuid>.jpg` or `<uuid>.png`.
    public static func isValidFileName(_ fileName: String) -> Bool {
        let parts = fileName.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, UUID(uuidString: String(parts[0])) != nil,
            PhotoFormat(fileExtension: String(parts[1])) != nil
        else { return false }
        return true
    }
}
