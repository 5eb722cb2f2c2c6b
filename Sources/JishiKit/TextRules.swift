import Foundation

/// The one rule for free text that comes from outside, on every field and every store: no NUL
/// or other C0/C1 control characters (a multi-line field may hold line breaks and tabs), no
/// bidirectional embeddings, overrides or isolates (they make "abc\u{202E}gpj.exe" read as
/// "abcexe.jpg"), no line or paragraph separators, and no other invisible format characters
/// except the joiners that emoji and scripts need. PostgreSQL refuses NUL in text outright;
/// SQLite would store it; this rule makes both answer the same `400`.
public enum TextRule {
    /// The first character `text` may not hold, or `nil` when it is acceptable.
    public static func forbiddenScalar(in text: String, multiline: Bool = false) -> Unicode.Scalar? {
        text.unicodeScalars.first { !isAllowed($0, multiline: multiline) }
    }

    public static func isAllowed(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x09: return multiline
        case 0x200C, 0x200D: return true  // zero-width non-joiner and joiner: part of ordinary scripts and emoji
        case 0xE0020...0xE007F: return true  // tag characters: subdivision flag emoji
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return false
        default: return true
        }
    }

    /// Throws a `400` naming `field` and the character when `text` breaks the rule.
    public static func check(_ text: String, field: String, multiline: Bool = false) throws {
        guard let scalar = forbiddenScalar(in: text, multiline: multiline) else { return }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let allowed = multiline ? " (line breaks and tabs are allowed)" : ""
        throw Problem.validation(
            field,
            "\(field) holds \(code), which is not allowed: no control characters, direction overrides "
                + "or line separators\(allowed).")
    }

    /// `value` trimmed, checked by the rule, and with a length (in characters) within `length`.
    public static func require(
        _ value: String, field: String, length: ClosedRange<Int>, multiline: Bool = false
    ) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        try check(trimmed, field: field, multiline: multiline)
        guard length.contains(trimmed.count) else {
            throw Problem.validation(field, "Use \(length.lowerBound) to \(length.upperBound) characters.")
        }
        return trimmed
    }
}

extension String {
    /// The text made safe for one log line: line breaks and other controls escaped.
    public var loggable: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where !TextRule.isAllowed(scalar, multiline: false):
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
