import Foundation

/// A QR Code Model 2 symbol (ISO/IEC 18004), versions 1 to 10: the text in alphanumeric mode
/// when it fits that set (digits, capitals and ` $%*+-./:`), else in byte mode (UTF-8); the
/// smallest version that holds it; Reed–Solomon error correction over GF(256) (polynomial
/// 0x11D) in interleaved blocks; and of the 8 masks the one with the lowest penalty.
///
/// Written here because none of the local package copies draws QR codes. It follows the
/// standard's tables for these versions; the tests check it against the standard's worked
/// examples, and the browser tests decode what it draws with zxing-cpp.
public struct QRCode: Sendable, Equatable {
    /// Dark modules, `modules[row][column]`, without the quiet zone.
    public let modules: [[Bool]]
    public let version: Int
    public let level: Level
    public let mask: Int

    /// Modules on a side.
    public var size: Int { modules.count }

    /// How much of the symbol may be damaged and still read. Labels use `medium`.
    public enum Level: Sendable, Equatable, CaseIterable {
        case low, medium, quartile, high

        /// The two bits the format information carries for the level.
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    public enum Failure: Error, Equatable, Sendable {
        /// Version 10 at this level holds at most `capacity` bytes.
        case tooLong(bytes: Int, capacity: Int)
        /// Only medium and quartile have their block tables here.
        case unsupportedLevel
    }

    /// The symbol for `text` at `level` (medium unless a test asks for quartile).
    public init(_ text: String, level: Level = .medium) throws(Failure) {
        let segment = Segment(text)
        guard let blocks = Self.blocks[level] else { throw .unsupportedLevel }
        guard let version = (1...10).first(where: { segment.bitCount(version: $0) <= blocks[$0 - 1].dataCount * 8 })
        else {
            let capacity = blocks[9].dataCount - 3
            throw .tooLong(bytes: text.utf8.count, capacity: capacity)
        }
        let data = Self.dataCodewords(segment, version: version, level: level)
        let codewords = Self.interleave(data, blocks: blocks[version - 1])
        var matrix = Matrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.drawCodewords(codewords)
        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            var candidate = matrix
            candidate.apply(mask: mask)
            candidate.drawFormat(level: level, mask: mask)
            let penalty = candidate.penalty()
            if penalty < best.penalty { best = (mask, penalty) }
        }
        matrix.apply(mask: best.mask)
        matrix.drawFormat(level: level, mask: best.mask)
        self.modules = matrix.modules
        self.version = version
        self.level = level
        self.mask = best.mask
    }

    // MARK: - Encoding the text

    /// The text as one segment: alphanumeric when every character allows it, bytes otherwise.
    struct Segment {
        var alphanumeric: [Int]?
        var bytes: [UInt8]

        static let alphanumericSet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

        init(_ text: String) {
            bytes = Array(text.utf8)
            let values = bytes.map { byte in Self.alphanumericSet.firstIndex(of: byte) }
            alphanumeric = values.contains(nil) || bytes.isEmpty ? nil : values.compactMap { $0 }
        }

        /// Bits for the character count: it grows at version 10.
        func countBits(version: Int) -> Int {
            if alphanumeric != nil { return version < 10 ? 9 : 11 }
            return version < 10 ? 8 : 16
        }

        func bitCount(version: Int) -> Int {
            let payload: Int
            if let alphanumeric {
                payload = alphanumeric.count / 2 * 11 + alphanumeric.count % 2 * 6
            } else {
                payload = bytes.count * 8
            }
            return 4 + countBits(version: version) + payload
        }

        func write(to bits: inout BitBuffer, version: Int) {
            if let alphanumeric {
                bits.append(0b0010, count: 4)
                bits.append(alphanumeric.count, count: countBits(version: version))
                var index = 0
                while index + 1 < alphanumeric.count {
                    bits.append(alphanumeric[index] * 45 + alphanumeric[index + 1], count: 11)
                    index += 2
                }
                if index < alphanumeric.count { bits.append(alphanumeric[index], count: 6) }
            } else {
                bits.append(0b0100, count: 4)
                bits.append(bytes.count, count: countBits(version: version))
                for byte in bytes { bits.append(Int(byte), count: 8) }
            }
        }
    }

    struct BitBuffer {
        var bits: [Bool] = []

        mutating func append(_ value: Int, count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }

        var bytes: [UInt8] {
            stride(from: 0, to: bits.count, by: 8).map { start in
                bits[start..<min(start + 8, bits.count)].enumerated().reduce(UInt8(0)) { byte, bit in
                    bit.element ? byte | (0x80 >> UInt8(bit.offset)) : byte
                }
            }
        }
    }

    /// The data codewords: mode, count, data, terminator, padding to a byte, then the pad
    /// bytes 0xEC and 0x11 in turn until the version's data capacity is full.
    static func dataCodewords(_ segment: Segment, version: Int, level: Level) -> [UInt8] {
        let capacity = (blocks[level] ?? [])[version - 1].dataCount * 8
        var bits = BitBuffer()
        segment.write(to: &bits, version: version)
        bits.append(0, count: min(4, capacity - bits.bits.count))
        bits.append(0, count: (8 - bits.bits.count % 8) % 8)
        var bytes = bits.bytes
        var pad: UInt8 = 0xEC
        while bytes.count * 8 < capacity {
            bytes.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return bytes
    }

    // MARK: - Error correction

    /// One version's blocks at one level: `groups` of (block count, data codewords per block),
    /// each block followed by `ecPerBlock` error-correction codewords.
    struct Blocks: Sendable {
        var ecPerBlock: Int
        var groups: [(count: Int, data: Int)]

        var dataCount: Int { groups.reduce(0) { $0 + $1.count * $1.data } }
    }

    /// ISO/IEC 18004 table 9, versions 1–10, for the levels used here.
    static let blocks: [Level: [Blocks]] = [
        .medium: [
            Blocks(ecPerBlock: 10, groups: [(1, 16)]), Blocks(ecPerBlock: 16, groups: [(1, 28)]),
            Blocks(ecPerBlock: 26, groups: [(1, 44)]), Blocks(ecPerBlock: 18, groups: [(2, 32)]),
            Blocks(ecPerBlock: 24, groups: [(2, 43)]), Blocks(ecPerBlock: 16, groups: [(4, 27)]),
            Blocks(ecPerBlock: 18, groups: [(4, 31)]), Blocks(ecPerBlock: 22, groups: [(2, 38), (2, 39)]),
            Blocks(ecPerBlock: 22, groups: [(3, 36), (2, 37)]), Blocks(ecPerBlock: 26, groups: [(4, 43), (1, 44)]),
        ],
        .quartile: [
            Blocks(ecPerBlock: 13, groups: [(1, 13)]), Blocks(ecPerBlock: 22, groups: [(1, 22)]),
            Blocks(ecPerBlock: 18, groups: [(2, 17)]), Blocks(ecPerBlock: 26, groups: [(2, 24)]),
            Blocks(ecPerBlock: 18, groups: [(2, 15), (2, 16)]), Blocks(ecPerBlock: 24, groups: [(4, 19)]),
            Blocks(ecPerBlock: 18, groups: [(2, 14), (4, 15)]), Blocks(ecPerBlock: 22, groups: [(4, 18), (2, 19)]),
            Blocks(ecPerBlock: 20, groups: [(4, 16), (4, 17)]), Blocks(ecPerBlock: 24, groups: [(6, 19), (2, 20)]),
        ],
    ]

    /// Splits `data` into the version's blocks, computes each block's error correction, and
    /// interleaves: the data codewords column by column, then the error-correction codewords.
    static func interleave(_ data: [UInt8], blocks: Blocks) -> [UInt8] {
        var dataBlocks: [[UInt8]] = []
        var offset = 0
        for group in blocks.groups {
            for _ in 0..<group.count {
                dataBlocks.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let ecBlocks = dataBlocks.map { ReedSolomon.remainder($0, degree: blocks.ecPerBlock) }
        var result: [UInt8] = []
        let longest = dataBlocks.map(\.count).max() ?? 0
        for column in 0..<longest {
            for block in dataBlocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<blocks.ecPerBlock {
            for block in ecBlocks { result.append(block[column]) }
        }
        return result
    }

    /// Reed–Solomon over GF(256) with the primitive polynomial x⁸+x⁴+x³+x²+1 (0x11D).
    enum ReedSolomon {
        static let exp: [Int] = {
            var table = [Int](repeating: 0, count: 512)
            var value = 1
            for power in 0..<255 {
                table[power] = value
                value <<= 1
                if value & 0x100 != 0 { value ^= 0x11D }
            }
            for power in 255..<512 { table[power] = table[power - 255] }
            return table
        }()

        static let log: [Int] = {
            var table = [Int](repeating: 0, count: 256)
            for power in 0..<255 { table[exp[power]] = power }
            return table
        }()

        static func multiply(_ a: Int, _ b: Int) -> Int {
            a == 0 || b == 0 ? 0 : exp[log[a] + log[b]]
        }

        /// The generator (x − α⁰)(x − α¹)…(x − α^(degree−1)), highest power first, its
        /// leading 1 left out.
        static func generator(degree: Int) -> [Int] {
            var poly = [1]
            for root in 0..<degree {
                var next = [Int](repeating: 0, count: poly.count + 1)
                for (index, coefficient) in poly.enumerated() {
                    next[index] ^= coefficient
                    next[index + 1] ^= multiply(coefficient, exp[root])
                }
                poly = next
            }
            return Array(poly.dropFirst())
        }

        /// The error-correction codewords: the remainder of data·x^degree divided by the generator.
        static func remainder(_ data: [UInt8], degree: Int) -> [UInt8] {
            let generator = generator(degree: degree)
            var remainder = [Int](repeating: 0, count: degree)
            for byte in data {
                let factor = Int(byte) ^ remainder[0]
                remainder.removeFirst()
                remainder.append(0)
                for index in 0..<degree { remainder[index] ^= multiply(generator[index], factor) }
            }
            return remainder.map { UInt8($0) }
        }
    }

    // MARK: - The matrix

    /// Where each field of the format information goes, and its 15 bits:
    /// level and mask, a BCH(15,5) code with generator 0x537, masked with 0x5412.
    static func formatBits(level: Level, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// Versions 7 and up carry their number: 6 bits and a BCH(18,6) code with generator 0x1F25.
    static func versionBits(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder
    }

    /// The centres of the alignment patterns in each direction (annex E), versions 1–10.
    static let alignmentCentres: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    struct Matrix {
        let version: Int
        let size: Int
        var modules: [[Bool]]
        /// Modules that belong to patterns, format or version information: never data, never masked.
        var isFunction: [[Bool]]

        init(version: Int) {
            self.version = version
            size = version * 4 + 17
            modules = Array(repeating: Array(repeating: false, count: size), count: size)
            isFunction = modules
        }

        mutating func set(_ row: Int, _ column: Int, _ dark: Bool) {
            modules[row][column] = dark
            isFunction[row][column] = true
        }

        mutating func drawFunctionPatterns() {
            for index in 0..<size {
                set(6, index, index % 2 == 0)
                set(index, 6, index % 2 == 0)
            }
            drawFinder(row: 3, column: 3)
            drawFinder(row: 3, column: size - 4)
            drawFinder(row: size - 4, column: 3)
            let centres = QRCode.alignmentCentres[version - 1]
            for row in centres {
                for column in centres {
                    let nearFinder =
                        (row == 6 && column == 6) || (row == 6 && column == centres.last)
                        || (row == centres.last && column == 6)
                    if !nearFinder { drawAlignment(row: row, column: column) }
                }
            }
            // Reserve the format areas (drawn for real once the mask is chosen) and the dark module.
            drawFormat(level: .medium, mask: 0)
            if version >= 7 {
                let bits = QRCode.versionBits(version)
                for index in 0..<18 {
                    let dark = (bits >> index) & 1 == 1
                    let a = size - 11 + index % 3
                    let b = index / 3
                    set(b, a, dark)
                    set(a, b, dark)
                }
            }
        }

        /// A 7×7 finder centred on (row, column), with its light separator where it fits.
        mutating func drawFinder(row: Int, column: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let r = row + dy
                    let c = column + dx
                    guard (0..<size).contains(r), (0..<size).contains(c) else { continue }
                    let distance = max(abs(dx), abs(dy))
                    set(r, c, distance != 2 && distance != 4)
                }
            }
        }

        mutating func drawAlignment(row: Int, column: Int) {
            for dy in -2...2 {
                for dx in -2...2 { set(row + dy, column + dx, max(abs(dx), abs(dy)) != 1) }
            }
        }

        /// Both copies of the format information, and the dark module beside the lower copy.
        mutating func drawFormat(level: Level, mask: Int) {
            let bits = QRCode.formatBits(level: level, mask: mask)
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            // Around the top-left finder: bits 0–7 down column 8, bits 8–14 along row 8 (right to left).
            for index in 0...5 { set(index, 8, bit(index)) }
            set(7, 8, bit(6))
            set(8, 8, bit(7))
            set(8, 7, bit(8))
            for index in 9..<15 { set(8, 14 - index, bit(index)) }
            // Split between the other two finders.
            for index in 0..<8 { set(8, size - 1 - index, bit(index)) }
            for index in 8..<15 { set(size - 15 + index, 8, bit(index)) }
            set(size - 8, 8, true)
        }

        /// The codewords' bits, most significant first, in the two-column zigzag from the
        /// bottom right corner, skipping the vertical timing pattern's column. Remainder
        /// modules stay light.
        mutating func drawCodewords(_ codewords: [UInt8]) {
            var index = 0
            let total = codewords.count * 8
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for vertical in 0..<size {
                    let row = upward ? size - 1 - vertical : vertical
                    for offset in 0..<2 {
                        let column = right - offset
                        guard !isFunction[row][column], index < total else { continue }
                        modules[row][column] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                        index += 1
                    }
                }
                right -= 2
            }
        }

        static func masks(_ mask: Int, row i: Int, column j: Int) -> Bool {
            switch mask {
            case 0: (i + j) % 2 == 0
            case 1: i % 2 == 0
            case 2: j % 3 == 0
            case 3: (i + j) % 3 == 0
            case 4: (i / 2 + j / 3) % 2 == 0
            case 5: (i * j) % 2 + (i * j) % 3 == 0
            case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
            default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
            }
        }

        mutating func apply(mask: Int) {
            for row in 0..<size {
                for column in 0..<size where !isFunction[row][column] && Self.masks(mask, row: row, column: column) {
                    modules[row][column].toggle()
                }
            }
        }

        /// The standard's four penalty rules: runs of 5 or more in a row or column (3 + the
        /// excess), 2×2 blocks of one colour (3 each), finder-like 1:1:3:1:1 runs beside 4 light
        /// modules (40 each), and 10 for every 5 % the dark share strays from 50 %.
        func penalty() -> Int {
            var score = 0
            let columns = (0..<size).map { column in modules.map { $0[column] } }
            let finderLike: [[Bool]] = [
                [true, false, true, true, true, false, true, false, false, false, false],
                [false, false, false, false, true, false, true, true, true, false, true],
            ]
            for line in modules + columns {
                var run = 1
                for index in 1..<size {
                    if line[index] == line[index - 1] {
                        run += 1
                    } else {
                        if run >= 5 { score += run - 2 }
                        run = 1
                    }
                }
                if run >= 5 { score += run - 2 }
                for start in 0...(size - 11) {
                    let window = Array(line[start..<start + 11])
                    if finderLike.contains(window) { score += 40 }
                }
            }
            for row in 0..<(size - 1) {
                for column in 0..<(size - 1) {
                    let colour = modules[row][column]
                    if modules[row][column + 1] == colour && modules[row + 1][column] == colour
                        && modules[row + 1][column + 1] == colour
                    {
                        score += 3
                    }
                }
            }
            let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
            let total = size * size
            score += (abs(dark * 20 - total * 10) + total - 1) / total * 10 - 10
            return score
        }
    }
}

extension QRCode.Failure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .tooLong(let bytes, let capacity):
            "A label's QR code holds at most \(capacity) bytes; this text has \(bytes)."
        case .unsupportedLevel: "Only levels M and Q are drawn here."
        }
    }
}
