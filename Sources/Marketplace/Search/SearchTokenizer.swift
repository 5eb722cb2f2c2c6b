import Foundation

/// Turns text into the normalised terms the search index stores and queries match on.
///
/// The same function tokenises catalogue text and the query, so matching is plain equality
/// on terms and runs identically on SQLite and PostgreSQL (no full-text extension needed).
/// - Text is NFKC-normalised (full-width `ＡＢＣ１` becomes `abc1`) and lower-cased.
/// - Chinese, Japanese and Korean characters give every character (unigram) and every pair of
///   neighbours (bigram): `汉服表演` → `汉 服 表 演 汉服 服表 表演`. A one-character query
///   (`裙`) matches the unigram; a two-character word (`汉服`) matches its bigram, with no
///   dictionary or pinyin.
/// - Runs of other letters and digits are words, with diacritics folded (`café` → `cafe`).
/// - Everything else separates terms.
/// Linear in the length of the text.
public enum SearchTokenizer {
    /// Longer words are cut to this many characters, so a term always fits its column.
    public static let maximumTermLength = 64

    /// The terms of `text`, in order of appearance, repeats included.
    public static func terms(_ text: String) -> [String] {
        let normalised = text.precomposedStringWithCompatibilityMapping.lowercased()
        var terms: [String] = []
        var word = String.UnicodeScalarView()
        var ideographs: [Unicode.Scalar] = []

        func flushWord() {
            guard !word.isEmpty else { return }
            let folded = String(word).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            terms.append(String(folded.prefix(maximumTermLength)))
            word = String.UnicodeScalarView()
        }
        func flushIdeographs() {
            guard !ideographs.isEmpty else { return }
            for scalar in ideographs { terms.append(String(scalar)) }
            for index in ideographs.indices.dropLast() {
                var pair = String.UnicodeScalarView()
                pair.append(ideographs[index])
                pair.append(ideographs[index + 1])
                terms.append(String(pair))
            }
            ideographs.removeAll(keepingCapacity: true)
        }

        for scalar in normalised.unicodeScalars {
            if isIdeographic(scalar) {
                flushWord()
                ideographs.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (!word.isEmpty && scalar.properties.generalCategory == .nonspacingMark)
            {
                flushIdeographs()
                word.append(scalar)
            } else {
                flushWord()
                flushIdeographs()
            }
        }
        flushWord()
        flushIdeographs()
        return terms
    }

    /// The distinct terms of `text`, in order of first appearance: what a query matches on.
    public static func distinctTerms(_ text: String) -> [String] {
        var seen = Set<String>()
        return terms(text).filter { seen.insert($0).inserted }
    }

    /// `terms` without the characters that one of its pairs holds: every text with the pair
    /// `汉服` has the characters `汉` and `服` too, in the same field (``terms(_:)`` gives each
    /// character of a run as well as each pair), so asking for `汉服` alone matches the same
    /// texts as asking for all three, and the engine reads one list instead of three.
    public static func withoutImpliedCharacters(_ terms: [String]) -> [String] {
        let implied = Set(
            terms.filter { $0.unicodeScalars.count == 2 && $0.unicodeScalars.allSatisfy(isIdeographic) }
                .flatMap { $0.unicodeScalars.map(String.init) })
        return terms.filter { !($0.unicodeScalars.count == 1 && implied.contains($0)) }
    }

    /// Han (CJK unified ideographs and their extensions), kana and hangul: scripts written
    /// without spaces between words, so they are indexed character by character.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF,  // hiragana, katakana
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xAC00...0xD7AF,  // hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0x20000...0x3134F:  // CJK extensions B–G
            return true
        default:
            return false
        }
    }
}
