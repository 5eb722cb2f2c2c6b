import CSV
import Foundation

/// A CSV file a person sends in (a manifest, the division list, a platform's shops and sales):
/// UTF-8 text with a header row, read with CSV.swift (its reader walks Unicode scalars: 1.9 s
/// for a province's million-row month of sales, where SwiftCSV's walk of characters took 4.4 s).
/// Every import checks its rows whole first and names each bad line and column in one
/// `Refused`, so a bad file writes nothing.
public enum CSVFile {
    /// One thing wrong with the file, where it is.
    public struct LineError: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: String?
        public var message: String

        public init(line: Int, column: String?, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String {
            "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + message
        }
    }

    /// The file was refused; nothing was written.
    public struct Refused: Error, Sendable, CustomStringConvertible {
        public var errors: [LineError]

        public init(errors: [LineError]) {
            self.errors = errors
        }

        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    /// A row, by column name (the header's names, trimmed and lower-cased), with where it is: its
    /// line in a file, its index in a JSON array.
    public struct Row: Sendable, Hashable {
        public var line: Int
        /// Each column's position in `cells`: one dictionary shared by every row of a file.
        private var columns: [String: Int]
        private var cells: [String]

        public init(line: Int, values: [String: String]) {
            self.line = line
            self.columns = Dictionary(uniqueKeysWithValues: values.keys.enumerated().map { ($1, $0) })
            self.cells = Array(values.values)
        }

        init(line: Int, columns: [String: Int], cells: [String]) {
            self.line = line
            self.columns = columns
            self.cells = cells
        }

        /// The cell of `column`, trimmed; empty when the row has none.
        public subscript(_ column: String) -> String {
            guard let index = columns[column], index < cells.count else { return "" }
            let cell = cells[index]
            // Most cells have no space at either end: no need to make a new string (a province's
            // import reads tens of millions of cells).
            guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last,
                CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
            else { return cell }
            return cell.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The rows of `data` (blank rows skipped; a byte-order mark allowed), or `Refused` when it
    /// is not UTF-8 text or its header lacks one of `required`.
    public static func rows(_ data: Data, required: [String]) throws -> [Row] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Name the first line that is not UTF-8 (a GBK export, say).
            var line = 1
            for piece in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(validating: piece, as: UTF8.self) == nil { break }
                line += 1
            }
            throw Refused(errors: [
                LineError(line: line, column: nil, message: "The file is not UTF-8 text: save it as CSV UTF-8.")
            ])
        }
        // An empty file has no header row: it lacks every column.
        let reader = try? CSVReader(string: text, hasHeaderRow: true)
        let header = (reader?.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = required.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw Refused(
                errors: missing.map { LineError(line: 1, column: $0, message: "The header lacks this column.") })
        }
        // The first of a repeated column name counts.
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        var rows: [Row] = []
        var line = 1
        while let cells = reader?.next() {
            line += 1
            guard cells.contains(where: { !isBlank($0) }) else { continue }
            rows.append(Row(line: line, columns: columns, cells: cells))
        }
        if let error = reader?.error {
            throw Refused(errors: [LineError(line: line, column: nil, message: "The file is not CSV: \(error).")])
        }
        return rows
    }

    /// Whether a cell holds only spaces (without making a trimmed copy of each).
    static func isBlank(_ cell: String) -> Bool {
        cell.unicodeScalars.allSatisfy { CharacterSet.whitespaces.contains($0) }
    }

    /// A text cell for a file Jishi writes: quoted when it holds a comma, quote or line break;
    /// a leading `=`, `+`, `-` or `@` is preceded by `'` so that a spreadsheet never runs it as a
    /// formula.
    public static func cell(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Rows as CSV text: the header, then each row's cells as given (already `cell`-quoted where
    /// they are text), UTF-8 with CRLF line ends as RFC 4180 says.
    public static func text(header: String, rows: [[String]]) -> String {
        ([header] + rows.map { $0.joined(separator: ",") }).joined(separator: "\r\n") + "\r\n"
    }
}
