import Foundation

/// The categories the field studies' villages sell in, with default commission rates.
public enum CategoryTaxonomy {
    /// (code, 中文, English, commission in basis points)
    static let entries: [(String, String, String, Int)] = [
        ("costumes", "演出服与汉服", "Performance costumes and hanfu", 500),
        ("clothing", "服装", "Clothing", 500),
        ("furniture", "家具", "Furniture", 400),
        ("farm", "农产品", "Farm products", 200),
        ("handicrafts", "手工艺品", "Handicrafts", 300),
        ("auto-parts", "汽车配件", "Auto parts", 400),
        ("toys", "玩具", "Toys", 500),
        ("home", "家居日用", "Home goods", 500),
        ("food", "地方食品", "Local food", 300),
    ]

    /// Fresh rows with ids derived from the codes, so every database has the same ids.
    public static var all: [Category] {
        entries.map { code, name, nameEn, bps in
            Category(id: id(for: code), code: code, name: name, nameEn: nameEn, commissionBasisPoints: bps)
        }
    }

    /// A stable id per category code (a name-based UUID).
    public static func id(for code: String) -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for (index, byte) in ("jishi.category." + code).utf8.enumerated() {
            bytes[index % 16] = bytes[index % 16] &* 31 &+ byte
        }
        return UUID(derivedFrom: bytes)
    }
}
