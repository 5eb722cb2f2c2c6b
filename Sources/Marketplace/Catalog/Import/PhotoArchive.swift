import Foundation
import ZIPFoundation

/// The photos of a catalogue import in a ZIP file, found by file name wherever they sit in the
/// archive's folders (a seller zips a folder as often as its files). Entries are read only when
/// asked for; the archive's directory is read once.
public final class PhotoArchive: PhotoSource, @unchecked Sendable {
    /// ZIPFoundation's archive is a class with a file handle and a read position: one reader
    /// at a time.
    private let lock = NSLock()
    private let archive: Archive
    private let entries: [String: Entry]

    /// The archive could not be read as a ZIP file.
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    public init(url: URL) throws {
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw Unreadable(description: "\(url.lastPathComponent) is not a ZIP file (\(error)).")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let name = String(entry.path.split(separator: "/").last ?? "")
            // Two files of one name in different folders: the first counts.
            if !name.isEmpty, entries[name] == nil { entries[name] = entry }
        }
        self.entries = entries
    }

    static let largestEntry = 64 * 1_048_576

    /// The file names in the archive.
    public var names: [String] { entries.keys.sorted() }

    public func photo(named name: String) throws -> Data? {
        guard let entry = entries[name] else { return nil }
        // Far larger than any photo a store takes: refused without inflating it.
        guard entry.uncompressedSize <= UInt64(Self.largestEntry) else {
            throw Unreadable(description: "\(name) is larger than \(Self.largestEntry / 1_048_576) MiB.")
        }
        lock.lock()
        defer { lock.unlock() }
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return bytes
    }
}
