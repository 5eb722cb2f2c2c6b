import Foundation
import Imaging
import Marketplace

/// Whether a listing looks like a copy of a filed design, from the perceptual hashes of their
/// photos and the search tokenizer's terms of their titles and descriptions. Pure: the
/// registry feeds it what the database holds, and the benchmark a generated labelled set.
///
/// A listing is a likely copy when its nearest photo is within `strongImage` bits (of 255) of
/// one of the design's (a re-titled copy); or within `weakImage` bits and it repeats at least
/// `weakText` of the design's text (a re-coloured or cropped copy under a similar title); or, in
/// the same category, when it repeats at least `strongText` of the text (a copy of the words with
/// other photos). Text is weighed by rarity, so the words every listing of a kind uses count
/// for little.
public struct CopyDetector: Sendable {
    public var strongImage = 30
    public var weakImage = 50
    public var weakText = 0.5
    public var strongText = 0.75

    public init() {}

    /// A filed design as the detector sees it.
    public struct Design: Sendable {
        public var id: UUID
        public var shopID: UUID
        public var categoryID: UUID
        /// Per photo, the hashes of it whole and cropped.
        public var photos: [[ImageHash]]
        /// The design's terms, each weighted by how rare it is among the listings.
        public var terms: [String: Double]

        public init(id: UUID, shopID: UUID, categoryID: UUID, photos: [[ImageHash]], terms: [String: Double]) {
            self.id = id
            self.shopID = shopID
            self.categoryID = categoryID
            self.photos = photos
            self.terms = terms
        }
    }

    /// A listing as the detector sees it.
    public struct Listing: Sendable {
        public var id: UUID
        public var shopID: UUID
        public var categoryID: UUID
        public var photos: [ImageHash]
        public var terms: Set<String>

        public init(id: UUID, shopID: UUID, categoryID: UUID, photos: [ImageHash], terms: Set<String>) {
            self.id = id
            self.shopID = shopID
            self.categoryID = categoryID
            self.photos = photos
            self.terms = terms
        }
    }

    public struct Evidence: Hashable, Sendable {
        /// Bits (of 64) between the nearest pair of photos; nil when either side has none.
        public var imageDistance: Int?
        /// The nearest pair by the brightness hash alone, and by the shape hash alone.
        public var luminanceDistance: Int?
        public var shapeDistance: Int?
        /// The share of the design's text, weighted by rarity, that the listing repeats, 0–1.
        public var textSimilarity: Double
        public var sameCategory: Bool
        public var likelyCopy: Bool
    }

    /// The terms texts are compared by: the tokenizer's words and Chinese character pairs. Single
    /// characters are left out: any two Chinese texts share many.
    public static func terms(title: String, description: String) -> Set<String> {
        Set(
            SearchTokenizer.terms(title + "\n" + description).filter { term in
                term.unicodeScalars.count > 1 || !(term.unicodeScalars.first?.properties.isIdeographic ?? false)
            })
    }

    /// The distance of two photos from their two hashes' distances: the shape's, unless the
    /// brightness hashes are nearer still.
    static func imageDistance(luminance: Int, shape: Int) -> Int { min(luminance, shape) }

    /// `terms` weighted by their inverse document frequency, `log((n + 100) / (f + 1))` for a
    /// term `f` of `n` listings have: the words every listing of a kind uses weigh little. The
    /// hundred documents that no term is in keep the weights even while the catalogue is small.
    public static func weighted(_ terms: Set<String>, documents n: Int, frequency: (String) -> Int) -> [String: Double]
    {
        Dictionary(
            uniqueKeysWithValues: terms.map { term in
                (term, max(0, log(Double(n + 100) / Double(frequency(term) + 1))))
            })
    }

    public func compare(_ design: Design, _ listing: Listing) -> Evidence {
        var nearest: Int?
        var luminance: Int?
        var shape: Int?
        for filed in design.photos {
            for variant in filed where !variant.isFlat {
                for photo in listing.photos where !photo.isFlat {
                    let l = variant.luminanceDistance(to: photo)
                    let s = variant.shapeDistance(to: photo)
                    let distance = Self.imageDistance(luminance: l, shape: s)
                    if distance < nearest ?? Int.max { nearest = distance }
                    if l < luminance ?? Int.max { luminance = l }
                    if s < shape ?? Int.max { shape = s }
                }
            }
        }
        var shared = 0.0
        var whole = 0.0
        for (term, weight) in design.terms {
            whole += weight
            if listing.terms.contains(term) { shared += weight }
        }
        let text = whole > 0 ? shared / whole : 0
        let sameCategory = design.categoryID == listing.categoryID
        var likely = false
        if let nearest {
            likely = nearest <= strongImage || (nearest <= weakImage && text >= weakText)
        }
        if sameCategory && text >= strongText { likely = true }
        return Evidence(
            imageDistance: nearest, luminanceDistance: luminance, shapeDistance: shape, textSimilarity: text,
            sameCategory: sameCategory, likelyCopy: likely)
    }
}
