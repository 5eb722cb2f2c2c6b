/// A siting input file that cannot be read: names the file, the 1-based line and the field.
public struct SitingFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line number; 0 when the error concerns the file as a whole.
    public var line: Int
    /// The field that is wrong, e.g. `"p"` or `"edge cost"`.
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
