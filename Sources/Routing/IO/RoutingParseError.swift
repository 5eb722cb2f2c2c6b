import Foundation

/// A malformed instance or solution file: names the file, the 1-based line and the field.
public struct RoutingParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line number, or 0 when the problem is with the file as a whole.
    public var line: Int
    public var field: String
    public var message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(field): \(message)" : "\(file): \(field): \(message)"
    }
}

extension RoutingParseError {
    /// The text of the file at `path`; a parse error naming the file when it cannot be read.
    static func readText(_ path: String) throws(RoutingParseError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RoutingParseError(
                file: path, line: 0, field: "file", message: "cannot read: \(error.localizedDescription)")
        }
    }
}
