import Foundation
import JishiKit
import Testing

@Suite("Money")
struct MoneyTests {
    @Test func formatsMinorUnits() {
        #expect(Money.yuan(12, fen: 30).formatted == "¥12.30")
        #expect(Money(minorUnits: 5).formatted == "¥0.05")
        #expect(Money(minorUnits: -1999).formatted == "-¥19.99")
    }

    @Test func arithmeticRefusesOverflow() {
        #expect(Money.yuan(1).adding(.yuan(2)) == .yuan(3))
        #expect(Money(minorUnits: .max).adding(Money(minorUnits: 1)) == nil)
        #expect(Money.yuan(3).multiplied(by: 4) == .yuan(12))
        #expect(Money(minorUnits: .max / 2).multiplied(by: 3) == nil)
    }

    @Test func encodesAsIntegers() throws {
        let json = String(decoding: try JSONEncoder().encode(Money.yuan(1, fen: 5)), as: UTF8.self)
        #expect(json.contains("105") && json.contains("CNY"))
    }
}

@Suite("Geography maths")
struct GeoPointTests {
    @Test func distanceMatchesKnownFigures() {
        // One degree of latitude is about 111.2 km.
        let a = GeoPoint(latitude: 34, longitude: 115)
        let b = GeoPoint(latitude: 35, longitude: 115)
        #expect(abs(a.distance(to: b) - 111_195) < 100)
        #expect(a.distance(to: a) == 0)
    }

    @Test func offsetMovesByTheGivenMetres() {
        let centre = GeoPoint(latitude: 34.8, longitude: 115.5)
        let moved = centre.offset(northMetres: 3_000, eastMetres: 4_000)
        #expect(abs(centre.distance(to: moved) - 5_000) < 10)
    }
}

@Suite("Languages and localisation")
struct LocalizationTests {
    @Test func everyKeyIsInBothLanguages() {
        let missing = Localization.missingKeys()
        #expect(missing.isEmpty, "missing: \(missing)")
        #expect(Localization.allKeys.count > 400)
    }

    /// Each area declares its own keys: none gives a string for another's.
    @Test func everyKeyBelongsToOneArea() {
        #expect(Localization.keysInSeveralAreas().isEmpty, "\(Localization.keysInSeveralAreas())")
    }

    @Test func languagesParseFromTags() {
        #expect(Language(tag: "zh-CN") == .zhHans)
        #expect(Language(tag: "en-GB") == .en)
        #expect(Language(tag: "fr") == nil)
        #expect(Language.preferred(acceptLanguage: "fr-FR,en;q=0.8,zh;q=0.5") == .en)
        #expect(Language.preferred(acceptLanguage: nil) == nil)
    }

    @Test func argumentsAreFilledIn() {
        #expect(Localization.string(.appName, .zhHans) == "集市")
        #expect(Localization.string(.appName, .en) == "Jishi")
    }
}

@Suite("Problems")
struct ProblemTests {
    @Test func typesAreUniqueAndStable() {
        let uris = ProblemType.allCases.map(\.uri)
        #expect(Set(uris).count == uris.count)
        #expect(ProblemType.validation.uri == "https://jishi.dev/problems/validation")
        #expect(Problem.validation("username", "too short").status == 400)
    }

    @Test func pagingClampsItsLimits() {
        #expect(PageRequest(limit: 0).limit == 1)
        #expect(PageRequest(limit: 10_000).limit == PageRequest.maximumLimit)
        #expect(PageRequest(offset: -5).offset == 0)
        #expect(Page(items: [1, 2], total: 5, request: PageRequest(limit: 2)).hasMore)
    }

    @Test func bytesAreWrittenAsTwoHexDigitsEach() {
        #expect([UInt8]().hexadecimal == "")
        #expect([0x00, 0x0F, 0xAB, 0xFF].hexadecimal == "000fabff")
    }

    @Test func seededGeneratorIsDeterministic() {
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 7)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }
}

@Suite("Text rule")
struct TextRuleTests {
    @Test(arguments: [
        "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}",
        "\u{200E}", "\u{2028}", "\u{2029}", "\u{FEFF}",
    ])
    func refusesControlsOverridesAndSeparators(character: String) {
        #expect(TextRule.forbiddenScalar(in: "a\(character)b") != nil)
        #expect(TextRule.forbiddenScalar(in: "a\(character)b", multiline: true) != nil)
        #expect(throws: Problem.self) { try TextRule.check("a\(character)b", field: "title") }
    }

    @Test func keepsOrdinaryTextEmojiAndLinesWhereAllowed() throws {
        for text in ["汉服 马面裙", "👨‍👩‍👧 family", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "O'Brien & <b>", "ﷺ", "می‌خواهم"] {
            #expect(TextRule.forbiddenScalar(in: text) == nil, "\(text)")
        }
        #expect(TextRule.forbiddenScalar(in: "一\n二\t三\r\n") != nil)
        #expect(TextRule.forbiddenScalar(in: "一\n二\t三\r\n", multiline: true) == nil)
        #expect(try TextRule.require("  标题  ", field: "title", length: 1...10) == "标题")
        do {
            try TextRule.check("abc\u{202E}gpj.exe", field: "title")
            Issue.record("an override passed")
        } catch let problem as Problem {
            #expect(problem.field == "title" && problem.detail?.contains("U+202E") == true)
        }
    }

    @Test func pageRequestsCannotOverflow() {
        let page = PageRequest(limit: .max, offset: .max)
        #expect(page.limit == PageRequest.maximumLimit && page.offset == PageRequest.maximumOffset)
        #expect(page.rows.count == PageRequest.maximumLimit)
        #expect(PageRequest(limit: .min, offset: .min).rows == 0..<1)
    }
}

@Suite("Random ids")
struct RandomUUIDTests {
    /// Version 4, variant 10, and no two alike among ten thousand (a fixed byte or a repeated
    /// half would show).
    @Test func randomIdsAreVersionFourAndDistinct() {
        let ids = (0..<10_000).map { _ in UUID.random() }
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids.map { $0.uuidString.prefix(8) }).count > 9_900)
        #expect(Set(ids.map { $0.uuidString.suffix(12) }).count > 9_900)
        for id in ids {
            let text = Array(id.uuidString)
            #expect(text[14] == "4")
            #expect("89AB".contains(text[19]))
        }
    }
}
