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
