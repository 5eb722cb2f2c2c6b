import Foundation
import JishiKit

/// A shop's catalogue as CSV, the format ``CatalogImport`` reads and ``CatalogExport`` writes:
/// UTF-8 with a header row, one row per variant, columns in any order (others ignored).
///
/// | column | what |
/// | --- | --- |
/// | `product_ref` | groups the rows of one product; an export writes the product's id, which an import takes as that product |
/// | `sku` | the variant's stock code (1–64 characters): an import updates the variant of that code |
/// | `title` | the product's title (1–120) |
/// | `description` | the product's description (0–5000; line breaks allowed) — optional |
/// | `category` | a category's code (`costumes`, `farm` …) |
/// | `variant_name` | what a buyer calls the variant ("红色 L", 0–60) — optional |
/// | `price_minor` | the price in fen, 1–100000000 |
/// | `stock` | on the shelf, 0–1000000 |
/// | `weight_grams` | 0–1000000 — optional |
/// | `photos` | the product's photos: file names in the ZIP beside the CSV, or the names an export wrote for photos the product has, separated by `|` — optional |
/// | `listed` | `true` or `false` — optional (a new product is listed) |
///
/// A product's own columns (`title`, `description`, `category`, `photos`, `listed`) are read from
/// its first row; its other rows repeat them or leave them empty. An optional column missing from
/// the header leaves that field as it is.
public enum CatalogFile {
    public static let requiredColumns = ["product_ref", "sku", "title", "category", "price_minor", "stock"]
    public static let optionalColumns = ["description", "variant_name", "weight_grams", "photos", "listed"]
    /// The columns in the order an export writes them.
    public static let columns = [
        "product_ref", "sku", "title", "description", "category", "variant_name", "price_minor", "stock",
        "weight_grams", "photos", "listed",
    ]
    public static var header: String { columns.joined(separator: ",") }

    /// How the photo names of one cell are separated (never in a file name a phone makes).
    public static let photoSeparator: Character = "|"
    public static let productRefLength = 1...64

    /// The header's column names (trimmed, lower-cased), read from the first line alone.
    public static func headerColumns(_ data: Data) -> [String] {
        var first = data.prefix { $0 != 0x0A }
        if first.starts(with: [0xEF, 0xBB, 0xBF]) { first = first.dropFirst(3) }
        guard let line = String(data: Data(first), encoding: .utf8) else { return [] }
        // A column name holds no comma, so quotes are all there is to take off.
        return line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(["\""])).lowercased()
        }
    }

    /// A text cell as written: without the `'` that `CSVFile.cell` (an export) puts before a
    /// leading `=`, `+`, `-` or `@`.
    public static func text(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, "=+-@".contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    /// The photo names of a cell, in order, without empty ones.
    public static func photoNames(_ cell: String) -> [String] {
        cell.split(separator: photoSeparator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A `listed` cell: `true`/`false` (also `yes`/`no`, `1`/`0`, 是/否); `nil` when it is none of them.
    public static func listed(_ cell: String) -> Bool? {
        switch cell.lowercased() {
        case "true", "yes", "1", "是": true
        case "false", "no", "0", "否": false
        default: nil
        }
    }

    /// One variant's row as an export writes it.
    static func row(
        productRef: String, sku: String, title: String, description: String, category: String, variantName: String,
        priceMinor: Int64, stock: Int, weightGrams: Int, photos: [String], listed: Bool
    ) -> String {
        [
            CSVFile.cell(productRef), CSVFile.cell(sku), CSVFile.cell(title), CSVFile.cell(description),
            CSVFile.cell(category), CSVFile.cell(variantName), String(priceMinor), String(stock), String(weightGrams),
            CSVFile.cell(photos.joined(separator: String(photoSeparator))), listed ? "true" : "false",
        ].joined(separator: ",")
    }
}
