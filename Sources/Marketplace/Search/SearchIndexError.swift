/// Search needs a SQL database (SQLite or PostgreSQL through SQLKit).
public enum SearchIndexError: Error, Sendable {
    case notSQL
}
