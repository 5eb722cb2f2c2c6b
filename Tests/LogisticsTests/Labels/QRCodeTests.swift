import Testing

@testable import Logistics

/// QR codes against the standard's worked examples and tables; the browser tests decode them.
@Suite("Logistics: QR code")
struct QRCodeTests {
    /// ISO/IEC 18004 annex C's format information: level M is 00, Q is 11; each row is the
    /// 15 bits after the BCH code and the 0x5412 mask, for masks 0 to 7.
    @Test func formatInformationMatchesTheStandardsTable() {
        let medium = [
            "101010000010010", "101000100100101", "101111001111100", "101101101001011",
            "100010111111001", "100000011001110", "100111110010111", "100101010100000",
        ]
        let quartile = [
            "011010101011111", "011000001101000", "011111100110001", "011101000000110",
            "010010010110100", "010000110000011", "010111011011010", "010101111101101",
        ]
        for mask in 0..<8 {
            #expect(QRCode.formatBits(level: .medium, mask: mask) == Int(medium[mask], radix: 2))
            #expect(QRCode.formatBits(level: .quartile, mask: mask) == Int(quartile[mask], radix: 2))
        }
        // Version 7's information (annex D): 000111 110010010100.
        #expect(QRCode.versionBits(7) == 0x07C94)
    }

    /// ISO/IEC 18004 annex I: "01234567" as 1-M; its 16 data codewords give these 10.
    @Test func reedSolomonMatchesTheStandardsExample() {
        let data: [UInt8] = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
        ]
        #expect(
            QRCode.ReedSolomon.remainder(data, degree: 10) == [
                0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55,
            ])
    }

    /// Thonky's tutorial example, "HELLO WORLD" as 1-Q: alphanumeric mode, then padding, then
    /// Reed–Solomon.
    @Test func helloWorldAtLevelQGivesThePublishedCodewords() throws {
        let data = QRCode.dataCodewords(QRCode.Segment("HELLO WORLD"), version: 1, level: .quartile)
        #expect(data == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236])
        #expect(
            QRCode.ReedSolomon.remainder(data, degree: 13) == [
                168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16,
            ])
        let code = try QRCode("HELLO WORLD", level: .quartile)
        #expect(code.version == 1 && code.size == 21)
    }

    /// Level M byte capacities: version 1 holds 14 bytes, 2 holds 26, 9 holds 180 and 10 holds
    /// 213 (its count field is 16 bits); alphanumeric version 1 holds 20 characters.
    @Test(arguments: [
        (14, 1), (15, 2), (26, 2), (27, 3), (180, 9), (181, 10), (213, 10),
    ])
    func theSmallestVersionThatHoldsTheTextIsChosen(length: Int, version: Int) throws {
        let code = try QRCode(String(repeating: "a", count: length))
        #expect(code.version == version)
        #expect(code.size == version * 4 + 17 && code.modules.allSatisfy { $0.count == code.size })
    }

    @Test func alphanumericTextIsPackedTighterAndTooLongATextIsRefused() throws {
        #expect(try QRCode(String(repeating: "A", count: 20)).version == 1)
        #expect(try QRCode(String(repeating: "A", count: 21)).version == 2)
        #expect(try QRCode("ZT7317990001").version == 1)
        #expect(throws: QRCode.Failure.tooLong(bytes: 214, capacity: 213)) {
            try QRCode(String(repeating: "a", count: 214))
        }
    }

    /// The patterns are where the standard puts them, and both copies of the format information
    /// name the level and the mask chosen; version 7 and up carry their version in two places.
    @Test(arguments: ["ZT7317990001", "yt2026abc0042", String(repeating: "jishi-", count: 18)])
    func patternsFormatAndVersionInformationAreInPlace(text: String) throws {
        let code = try QRCode(text)
        let m = code.modules
        let n = code.size
        for (row, column) in [(0, 0), (0, n - 7), (n - 7, 0)] {
            for dy in 0..<7 {
                for dx in 0..<7 {
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    #expect(m[row + dy][column + dx] == (ring != 2))
                }
            }
        }
        for index in 8..<(n - 8) {
            #expect(m[6][index] == (index % 2 == 0) && m[index][6] == (index % 2 == 0))
        }
        #expect(m[n - 8][8])
        func bits(_ positions: [(Int, Int)]) -> Int {
            positions.enumerated().reduce(0) { $0 | (m[$1.element.0][$1.element.1] ? 1 << $1.offset : 0) }
        }
        let first = bits((0...5).map { ($0, 8) } + [(7, 8), (8, 8), (8, 7)] + (9..<15).map { (8, 14 - $0) })
        let second = bits((0..<8).map { (8, n - 1 - $0) } + (8..<15).map { (n - 15 + $0, 8) })
        #expect(first == QRCode.formatBits(level: .medium, mask: code.mask))
        #expect(second == first)
        if code.version >= 7 {
            #expect(code.version == 7)
            let version = bits((0..<18).map { ($0 / 3, n - 11 + $0 % 3) })
            let mirrored = bits((0..<18).map { (n - 11 + $0 % 3, $0 / 3) })
            #expect(version == 0x07C94 && mirrored == version)
        }
    }

    /// The mask is the one with the lowest penalty: no other mask scores lower.
    @Test func theChosenMaskHasTheLowestPenalty() throws {
        let code = try QRCode("ZT7317990001")
        var base = QRCode.Matrix(version: code.version)
        base.drawFunctionPatterns()
        let segment = QRCode.Segment("ZT7317990001")
        let data = QRCode.dataCodewords(segment, version: code.version, level: .medium)
        base.drawCodewords(QRCode.interleave(data, blocks: QRCode.blocks[.medium]![code.version - 1]))
        let penalties = (0..<8).map { mask in
            var candidate = base
            candidate.apply(mask: mask)
            candidate.drawFormat(level: .medium, mask: mask)
            return candidate.penalty()
        }
        #expect(penalties[code.mask] == penalties.min())
        var chosen = base
        chosen.apply(mask: code.mask)
        chosen.drawFormat(level: .medium, mask: code.mask)
        #expect(chosen.modules == code.modules)
    }
}
