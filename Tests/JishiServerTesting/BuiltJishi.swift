import Foundation

/// The package's folder and the `jishi` command `swift build` made in it, for tests that run the
/// command as a user does. Worked out from this file's place, which does not move when a test
/// does: the chat test across processes counted folders up from its own file, and skipped
/// itself without a word once the tests moved into feature folders.
public enum BuiltJishi {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // JishiServerTesting
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    public static var binary: URL { packageRoot.appendingPathComponent(".build/debug/jishi") }
}
