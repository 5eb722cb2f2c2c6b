import Marketplace
import Testing

@Suite("Search tokeniser")
struct SearchTokenizerTests {
    @Test func chineseGivesUnigramsAndBigrams() {
        #expect(SearchTokenizer.terms("汉服表演") == ["汉", "服", "表", "演", "汉服", "服表", "表演"])
        #expect(SearchTokenizer.terms("裙") == ["裙"])
    }

    @Test func latinWordsAreLowerCasedAndFolded() {
        #expect(SearchTokenizer.terms("Solid-Wood TABLE, café") == ["solid", "wood", "table", "cafe"])
    }

    @Test func fullWidthFormsAreNormalised() {
        #expect(SearchTokenizer.terms("ＨＡＮＦＵ　１２３") == ["hanfu", "123"])
    }

    @Test func mixedScriptsSplitAtTheBoundary() {
        #expect(SearchTokenizer.terms("T恤XL码") == ["t", "恤", "xl", "码"])
        #expect(SearchTokenizer.terms("hanfu 汉服") == ["hanfu", "汉", "服", "汉服"])
    }

    @Test func punctuationAndSpaceSeparate() {
        #expect(SearchTokenizer.terms("红色，连衣裙！") == ["红", "色", "红色", "连", "衣", "裙", "连衣", "衣裙"])
        #expect(SearchTokenizer.terms(" !!! ").isEmpty)
    }

    /// A pair's characters are left out of what the engine is asked: every text with the pair
    /// has them. A character outside every pair stays, as do words and lone characters.
    @Test func aPairImpliesItsCharacters() {
        let drop = SearchTokenizer.withoutImpliedCharacters
        #expect(drop(SearchTokenizer.distinctTerms("汉服")) == ["汉服"])
        #expect(drop(SearchTokenizer.distinctTerms("连衣裙")) == ["连衣", "衣裙"])
        #expect(drop(SearchTokenizer.distinctTerms("hanfu 汉服")) == ["hanfu", "汉服"])
        #expect(drop(SearchTokenizer.distinctTerms("裙 汉服")) == ["裙", "汉服"])
        #expect(drop(SearchTokenizer.distinctTerms("T恤 a")) == ["t", "恤", "a"])
        #expect(drop(["ab", "a", "b"]) == ["ab", "a", "b"])
        // Every text holding the kept terms holds the dropped ones, field by field.
        for text in ["红色连衣裙", "汉服 hanfu", "儿童演出服装", "裙"] {
            let terms = Set(SearchTokenizer.distinctTerms(text))
            for query in ["连衣裙", "演出服", "汉服", "红色 裙"] {
                let asked = Set(SearchTokenizer.distinctTerms(query))
                #expect(
                    asked.isSubset(of: terms) == Set(drop(Array(asked))).isSubset(of: terms), "\(text) \(query)")
            }
        }
    }

    @Test func distinctTermsKeepFirstOrder() {
        #expect(SearchTokenizer.distinctTerms("dress Dress 裙裙") == ["dress", "裙", "裙裙"])
    }

    @Test func overlongWordsAreCut() {
        let word = String(repeating: "a", count: 200)
        #expect(SearchTokenizer.terms(word) == [String(repeating: "a", count: SearchTokenizer.maximumTermLength)])
    }

    @Test func titleAndBodyTermsAreKeptApart() {
        let terms = SearchIndex.terms(
            title: "汉服", description: "裙 裙 裙 裙 裙",
            category: Category(code: "c", name: "服装", nameEn: "Clothes", commissionBasisPoints: 0))
        #expect(terms.title == ["汉", "服", "汉服"])
        #expect(terms.body == ["裙", "服", "装", "服装", "clothes"])  // each once; 裙裙 never (spaces)
    }

    /// PostgreSQL gets the terms verbatim, quoted, with the title's weighted A and the body's B.
    @Test func vectorLiteralQuotesEveryTerm() {
        #expect(
            SearchIndex.vectorLiteral(title: ["汉服", "it's"], body: ["汉服", "a\\b"])
                == "'汉服':1A,3B 'it''s':2A 'a\\\\b':4B")
    }
}
