import Foundation

/// Where a catalogue import finds the photos its rows name: a ZIP beside the CSV
/// (``PhotoArchive``), or files already in memory (``PhotoFiles``). Read one photo at a time,
/// so a file of thousands of photos is never held whole.
public protocol PhotoSource: Sendable {
    /// The bytes of the photo called `name` (its file name, without folders), or `nil` when
    /// there is none.
    func photo(named name: String) throws -> Data?
}

/// Photos in memory, keyed by file name (an upload's parts, a test's).
public struct PhotoFiles: PhotoSource {
    public var files: [String: Data]

    public init(_ files: [String: Data]) {
        self.files = files
    }

    public func photo(named name: String) throws -> Data? { files[name] }
}
