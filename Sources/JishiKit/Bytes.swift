import Foundation

extension UUID {
    /// A version-4-shaped UUID from 16 bytes (for ids derived from a seed or a name, so every
    /// database gets the same ids). Extra bytes are ignored; missing ones are zero.
    public init(derivedFrom bytes: [UInt8]) {
        var b = Array(bytes.prefix(16)) + [UInt8](repeating: 0, count: max(0, 16 - bytes.count))
        b[6] = (b[6] & 0x0F) | 0x40  // version 4
        b[8] = (b[8] & 0x3F) | 0x80  // RFC 4122 variant
        self.init(
            uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
        )
    }
}

extension UUID {
    /// The same UUID for the same name on every run and every database: the name's bytes folded
    /// into 16 (for the demo's seeded rows, which tests and links name).
    public init(stableName name: String) {
        var bytes = [UInt8](repeating: 0, count: 16)
        for (index, byte) in name.utf8.enumerated() { bytes[index % 16] = bytes[index % 16] &* 31 &+ byte }
        self.init(derivedFrom: bytes)
    }
}

extension Sequence<UInt8> {
    /// Lower-case hexadecimal, two digits a byte: how digests and signatures are written down.
    public var hexadecimal: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Whether two secrets are equal, comparing every byte rather than stopping at the first
/// difference, so that the time taken says nothing about where they differ.
public func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8)
    let right = Array(b.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}
