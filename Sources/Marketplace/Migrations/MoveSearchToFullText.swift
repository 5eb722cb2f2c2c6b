import FluentKit
import SQLKit

/// Moves product search onto the databases' full-text engines (``SearchIndex``): creates
/// `search_documents` with an index for every filter and sort, the engine's side (an FTS5
/// table and its vocabulary on SQLite; a `tsvector` column under GIN on PostgreSQL), drops the
/// hand-made `search_terms` (`AddSearchRank` indexes the catalogue).
public struct MoveSearchToFullText: AsyncMigration {
    public init() {}

    static let indexes: [(String, [String])] = [
        ("search_documents_price_idx", ["min_price", "product_id"]),
        ("search_documents_sold_idx", ["sold", "product_id"]),
        ("search_documents_rated_idx", ["rated", "product_id"]),
        ("search_documents_created_idx", ["created", "product_id"]),
        ("search_documents_category_created_idx", ["category_id", "created", "product_id"]),
        ("search_documents_category_price_idx", ["category_id", "min_price", "product_id"]),
        ("search_documents_category_sold_idx", ["category_id", "sold", "product_id"]),
        ("search_documents_village_idx", ["village_id", "created", "product_id"]),
        ("search_documents_town_idx", ["town_id", "created", "product_id"]),
        ("search_documents_shop_idx", ["shop_id"]),
    ]

    public func prepare(on database: any Database) async throws {
        try await database.schema(SearchIndex.table)
            .field("doc", .int64, .identifier(auto: true))
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("shop_id", .uuid, .required)
            .field("category_id", .uuid, .required)
            .field("village_id", .uuid)
            .field("town_id", .uuid)
            .field("title", .string, .required)
            .field("min_price", .int64, .required)
            .field("sold", .int64, .required)
            .field("rated", .int64, .required)
            .field("created", .int64, .required)
            .unique(on: "product_id")
            .create()
        let sql = try SearchIndex.sqlDatabase(database)
        for (name, columns) in Self.indexes {
            var index = sql.create(index: name).on(SearchIndex.table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
        if SearchIndex.isSQLite(sql) {
            // Contentless (the documents table has the text's owner; FTS5 keeps only its index),
            // deletable by rowid, one column's detail (column filters, no phrases: every term is
            // one token).
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE \(ident: SearchIndex.fullText) USING fts5(title, body, content='', \
                contentless_delete=1, detail=column, tokenize='ascii')
                """
            ).run()
            try await sql.raw(
                "CREATE VIRTUAL TABLE \(ident: SearchIndex.vocabulary) USING fts5vocab(\(ident: SearchIndex.fullText), 'row')"
            ).run()
        } else {
            try await sql.raw("ALTER TABLE \(ident: SearchIndex.table) ADD COLUMN tsv tsvector").run()
            try await sql.raw(
                "CREATE INDEX search_documents_tsv_idx ON \(ident: SearchIndex.table) USING GIN (tsv)"
            ).run()
        }
        try await database.schema("search_terms").delete()
        // The catalogue is indexed by `AddSearchRank`, which follows: today's index writes a
        // column that does not exist yet at this step.
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        if SearchIndex.isSQLite(sql) {
            try await sql.raw("DROP TABLE IF EXISTS \(ident: SearchIndex.vocabulary)").run()
            try await sql.raw("DROP TABLE IF EXISTS \(ident: SearchIndex.fullText)").run()
        }
        try await database.schema(SearchIndex.table).delete()
        // The old table comes back empty and unused: no code reads it any more.
        try await CreateSearchTerms.createTable(on: database)
    }
}
