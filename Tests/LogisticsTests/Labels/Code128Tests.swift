import Testing

@testable import Logistics

/// Code 128 against the standard's table and symbols worked out by hand.
@Suite("Logistics: Code 128")
struct Code128Tests {
    @Test func theTableHas107DistinctPatternsOf11ModulesAndAStopOf13() {
        #expect(Code128.patterns.count == 107)
        #expect(Set(Code128.patterns).count == 107)
        for pattern in Code128.patterns.dropLast() { #expect(pattern.count == 6 && pattern.reduce(0, +) == 11) }
        #expect(Code128.patterns[106] == [2, 3, 3, 1, 1, 1, 2])
        #expect(Code128.patterns[Code128.startB] == [2, 1, 1, 2, 1, 4])
        #expect(Code128.patterns[Code128.startC] == [2, 1, 1, 2, 3, 2])
    }

    /// "ZT7317990001": Start B (104), Z = 90−32 = 58, T = 84−32 = 52, then the 10 digits at the
    /// end go to code set C: Code C (99), 73, 17, 99, 00, 01.
    /// Check: 104 + 1·58 + 2·52 + 3·99 + 4·73 + 5·17 + 6·99 + 7·0 + 8·1
    ///      = 104 + 58 + 104 + 297 + 292 + 85 + 594 + 0 + 8 = 1542; 1542 mod 103 = 1542 − 1442 = 100.
    @Test func lettersThenDigitsSwitchToCodeSetCWithTheRightCheck() throws {
        let code = try Code128("ZT7317990001")
        #expect(code.values == [104, 58, 52, 99, 73, 17, 99, 0, 1, 100, 106])
        // 10 symbols of 11 modules and the 13-module stop.
        #expect(code.moduleCount == 123)
        #expect(Array(code.widths.prefix(6)) == [2, 1, 1, 2, 1, 4])
        #expect(Array(code.widths.suffix(7)) == [2, 3, 3, 1, 1, 1, 2])
        // The check symbol 100's pattern sits just before the stop.
        #expect(Array(code.widths.dropLast(7).suffix(6)) == [1, 1, 4, 1, 3, 1])
    }

    /// "PJJ123C": a run of 3 digits stays in B. 104 + 1·48 + 2·42 + 3·42 + 4·17 + 5·18 + 6·19 + 7·35
    /// = 104 + 48 + 84 + 126 + 68 + 90 + 114 + 245 = 879; 879 mod 103 = 879 − 824 = 55.
    @Test func aShortDigitRunStaysInCodeSetB() throws {
        #expect(try Code128("PJJ123C").values == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106])
    }

    /// "73179900012345" (14 digits): Start C (105), 73, 17, 99, 00, 01, 23, 45.
    /// 105 + 73 + 2·17 + 3·99 + 4·0 + 5·1 + 6·23 + 7·45 = 105 + 73 + 34 + 297 + 0 + 5 + 138 + 315 = 967;
    /// 967 mod 103 = 967 − 927 = 40.
    /// "12345": Start C, 12, 34, Code B (100), "5" (21). 105 + 12 + 68 + 300 + 84 = 569; 569 − 515 = 54.
    @Test func digitsStartInCodeSetCAndAnOddDigitEndsInB() throws {
        #expect(try Code128("73179900012345").values == [105, 73, 17, 99, 0, 1, 23, 45, 40, 106])
        #expect(try Code128("12345").values == [105, 12, 34, 100, 21, 54, 106])
        #expect(try Code128("42").values == [105, 42, (105 + 42) % 103, 106])
    }

    /// "yt2026abc0042": lowercase in B; the 4-digit run in the middle stays in B (switching would
    /// cost as much), the 4 at the end go to C. Values 89, 84, 18, 16, 18, 22, 65, 66, 67, 99, 0, 42.
    /// 104 + 89 + 168 + 54 + 64 + 90 + 132 + 455 + 528 + 603 + 990 + 0 + 504 = 3781; 3781 − 3708 = 73.
    @Test func lowercaseAndAMiddleRunOfFourStayInB() throws {
        #expect(
            try Code128("yt2026abc0042").values == [104, 89, 84, 18, 16, 18, 22, 65, 66, 67, 99, 0, 42, 73, 106])
        // A middle run of 6 pays for the switch there and back: A, Code C, 12 34 56, Code B, B.
        #expect(try Code128("A123456B").values.dropLast(2) == [104, 33, 99, 12, 34, 56, 100, 34])
        // An odd middle run keeps its last digit in B.
        #expect(try Code128("A1234567B").values.dropLast(2) == [104, 33, 99, 12, 34, 56, 100, 23, 34])
    }

    @Test func textOutsidePrintableASCIIIsRefusedByName() {
        #expect(throws: Code128.Failure.notPrintableASCII(character: "单", offset: 2)) { try Code128("ZT单号") }
        #expect(throws: Code128.Failure.notPrintableASCII(character: "\t", offset: 1)) { try Code128("A\tB") }
        #expect(throws: Code128.Failure.empty) { try Code128("") }
        #expect(
            Code128.Failure.notPrintableASCII(character: "单", offset: 2).description
                == "Code 128 holds printable ASCII only; \"单\" at position 3 is not.")
    }
}
