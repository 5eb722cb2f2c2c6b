/// The key of one visible string. Each area declares its keys beside both languages' strings,
/// in `Strings/<Area>.swift`, so that a feature adds strings without touching another's.
public struct L10nKey: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    init(_ rawValue: String) { self.rawValue = rawValue }
}
