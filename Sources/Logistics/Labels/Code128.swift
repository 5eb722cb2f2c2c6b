import Foundation

/// Code 128 (ISO/IEC 15417), as a courier's scanner reads a tracking number: code set B for
/// printable ASCII, code set C (two digits a symbol) for runs of digits long enough to pay for
/// the switch, the modulo-103 check symbol and the stop pattern.
///
/// Written here because none of the local package copies draws barcodes; it is small, and the
/// tests pin it to the standard's tables and to hand-computed examples.
public struct Code128: Sendable, Equatable {
    /// The symbol values, start to stop, check symbol included.
    public let values: [Int]

    /// Bar and space widths in modules, alternating and starting with a bar (no quiet zones).
    public var widths: [Int] { values.flatMap { Self.patterns[$0] } }

    /// The symbol's width in modules, without quiet zones.
    public var moduleCount: Int { widths.reduce(0, +) }

    public static let startB = 104
    public static let startC = 105
    public static let codeB = 100
    public static let codeC = 99
    public static let stop = 106

    /// Why a text cannot be drawn.
    public enum Failure: Error, Equatable, Sendable {
        case empty
        /// Code sets B and C hold printable ASCII only (space to DEL); `character` is not.
        case notPrintableASCII(character: Character, offset: Int)
    }

    public init(_ text: String) throws(Failure) {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { throw .empty }
        for (offset, character) in text.enumerated() {
            guard let ascii = character.asciiValue, (32...127).contains(ascii) else {
                throw .notPrintableASCII(character: character, offset: offset)
            }
        }
        values = Self.encode(bytes)
    }

    /// The symbols for printable ASCII `bytes`, following the standard's guidance for the
    /// shortest symbol: start in C when the text begins with 4 or more digits (or is exactly 2);
    /// within B, switch to C for a run of at least 4 digits at the end or 6 in the middle, taking
    /// an odd run's extra digit in B on the side where B is needed anyway.
    static func encode(_ bytes: [UInt8]) -> [Int] {
        func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
        func digitRun(from start: Int) -> Int {
            var end = start
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            return end - start
        }
        var data: [Int] = []
        var inC: Bool
        var index = 0
        let leading = digitRun(from: 0)
        if leading == bytes.count && leading == 2 || leading >= 4 {
            inC = true
            data.append(startC)
        } else {
            inC = false
            data.append(startB)
        }
        while index < bytes.count {
            if inC {
                if index + 1 < bytes.count, isDigit(bytes[index]), isDigit(bytes[index + 1]) {
                    data.append(Int(bytes[index] - 48) * 10 + Int(bytes[index + 1] - 48))
                    index += 2
                } else {
                    data.append(codeB)
                    inC = false
                }
                continue
            }
            let run = digitRun(from: index)
            let atEnd = index + run == bytes.count
            if run >= (atEnd ? 4 : 6) {
                // An odd run keeps one digit in B: the first when the run ends the text, else the last.
                if run % 2 == 1 && atEnd {
                    data.append(Int(bytes[index]) - 32)
                    index += 1
                }
                data.append(codeC)
                inC = true
                continue
            }
            data.append(Int(bytes[index]) - 32)
            index += 1
        }
        let check = data.enumerated().reduce(0) { sum, item in sum + item.element * max(item.offset, 1) } % 103
        return data + [check, stop]
    }

    /// The bar/space widths of values 0–106 (106, the stop, with its final 2-module bar).
    static let patterns: [[Int]] = """
        212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 \
        221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 \
        221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 \
        212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 \
        231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 \
        231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 \
        314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 \
        112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 \
        111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 \
        214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 \
        114131 311141 411131 211412 211214 211232 2331112
        """
        .split(separator: " ").map { $0.map { Int(String($0))! } }
}

extension Code128.Failure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty: "Nothing to encode."
        case .notPrintableASCII(let character, let offset):
            "Code 128 holds printable ASCII only; \"\(character)\" at position \(offset + 1) is not."
        }
    }
}
