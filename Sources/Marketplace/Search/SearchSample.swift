import SQLKit

extension SearchIndex {
    /// A fixed sixteenth of the search rows: a text query's facet counts are estimated from it
    /// past ``defaultFloor`` sampled matches (``SearchFacets/estimated``), and PostgreSQL judges
    /// from it whether a query has many matches (``SearchService/Plan/walks(on:)``). A row is in
    /// it when Fibonacci hashing of its `doc` number (the rank key's low bits; ``condition(_:)``)
    /// falls in the lowest sixteenth. `doc` numbers are given out in turn, so the sample is a
    /// sixteenth of the rows spread over every shop, category and town, and the same rule on both
    /// databases. Hashing, rather than every sixteenth number, keeps a catalogue written in a
    /// repeating pattern (four sizes as four products, say) from being sampled on one step of it.
    ///
    /// Exact counts visit every match: at a million products, the 111,000 matches of `汉服` took
    /// 100 ms on SQLite (the engine's rowids joined to their rows) and 90–130 ms on PostgreSQL
    /// (their 31,000 heap pages). A sixteenth of them takes about 20 ms and 12–15 ms. SQLite
    /// tests the engine's rowid before it joins the row; PostgreSQL reads the sample from a
    /// partial GIN index of its own (``AddSearchFacetSample``).
    public enum Sample {
        /// One sampled row in this many: the counts of the sample are multiplied by it.
        public static let every = 16
        /// Sampled matches from which facet counts are estimated: about 16,000 matches and more.
        /// Below, counting every match costs under 20 ms.
        public static let defaultFloor = 1_000
        /// PostgreSQL's partial GIN index of the sampled rows' terms.
        static let indexName = "search_documents_tsv_sample_idx"

        /// ` AND …` keeping the sampled rows, on `column` (the rank key, or FTS5's rowid, which is
        /// the rank key): the low 16 bits of `doc` times 40503 (2¹⁶ over the golden ratio), modulo
        /// 2¹⁶, in its lowest sixteenth. The rank key is the popularity times 2⁴⁰ plus `doc`, so its
        /// low bits are `doc`'s. Written out, not bound: PostgreSQL uses the partial index only for
        /// a condition it can see is the index's.
        static func condition(_ column: String) -> SQLQueryString {
            " AND \(unsafeRaw: predicate(column))"
        }

        static func predicate(_ column: String) -> String {
            "((\(column) % 65536) * 40503) % 65536 < \(65_536 / every)"
        }
    }
}
