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

    @Test func titleOutweighsDescription() {
        let weights = SearchIndex.weightedTerms(title: "汉服", description: "裙 裙 裙 裙 裙", category: nil)
        #expect(weights["汉服"] == 10)
        #expect(weights["裙"] == 3)  // capped
        #expect(weights["裙裙"] == nil)  // separated by spaces
    }
}
