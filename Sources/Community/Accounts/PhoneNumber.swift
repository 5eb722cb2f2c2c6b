import JishiKit

/// A mainland China mobile number, kept as its 11 digits ("13800001234").
///
/// People type numbers in many ways: with spaces or hyphens, with +86, 0086 or 86 in front, in
/// full-width digits from a Chinese keyboard. `init?(parsing:)` accepts all of those and refuses
/// anything that is not 11 digits starting 13–19.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// The 11 digits.
    public let digits: String

    public init?(parsing text: String) {
        var digits = ""
        var plus = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x3000, 0x2D, 0xFF0D, 0x28, 0x29, 0xFF08, 0xFF09: continue  // spaces, hyphens, brackets
            case 0x2B, 0xFF0B:
                guard digits.isEmpty, !plus else { return nil }
                plus = true
            default: return nil
            }
            if digits.count > 15 { return nil }
        }
        if digits.count == 15, digits.hasPrefix("0086") {
            digits.removeFirst(4)
        } else if digits.count == 13, digits.hasPrefix("86") {
            digits.removeFirst(2)
        } else if plus {
            return nil  // a country code other than +86
        }
        guard Self.isMobile(digits) else { return nil }
        self.digits = digits
    }

    /// A number from storage, trusted to be well-formed.
    public init(stored digits: String) {
        self.digits = digits
    }

    private static func isMobile(_ digits: String) -> Bool {
        let bytes = Array(digits.utf8)
        return bytes.count == 11 && bytes[0] == UInt8(ascii: "1")
            && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1])
    }

    /// As everyone but its owner and those who must call it sees it: "138****1234".
    public var masked: String { String(digits.prefix(3)) + "****" + String(digits.suffix(4)) }

    /// As its owner reads it: "138 0000 1234".
    public var grouped: String {
        let characters = Array(digits)
        return String(characters[0..<3]) + " " + String(characters[3..<7]) + " " + String(characters[7...])
    }

    public var description: String { masked }
}
