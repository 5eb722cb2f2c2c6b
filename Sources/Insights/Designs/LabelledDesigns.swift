import Foundation
import Imaging
import JishiKit
import Marketplace

/// A generated, labelled set for measuring the copy detector: product designs drawn as
/// photos (a product of one of four kinds on a light background, in its own proportions,
/// colours and pattern), copies of some of them made as copiers make them (cropped,
/// re-coloured, re-titled, or cropped and re-coloured at once, each saved again as a JPEG),
/// and unrelated products, half of them of the same kind and category. The photos go through
/// libjpeg-turbo both ways, as uploaded photos do.
public struct LabelledDesigns: Sendable {
    public enum CopyKind: String, Sendable, CaseIterable {
        case cropped, recoloured, retitled
        case croppedRecoloured = "cropped+recoloured"
    }

    public struct Item: Sendable {
        public var title: String
        public var description: String
        public var categoryID: UUID
        public var photo: Data
    }

    public struct Listing: Sendable {
        public var item: Item
        /// The design it copies, by index, and how; nil for an unrelated product.
        public var copyOf: Int?
        public var kind: CopyKind?
    }

    public var designs: [Item]
    public var listings: [Listing]

    /// `designs` designs, a copy of each kind of each, and `unrelated` unrelated products;
    /// photos `side` pixels square.
    public static func generate(
        designs count: Int, unrelated: Int, side: Int = 200, seed: UInt64 = 1
    ) throws -> LabelledDesigns {
        var random = SeededGenerator(seed: seed)
        var designs: [Item] = []
        var drawings: [Drawing] = []
        for index in 0..<count {
            let drawing = Drawing.random(kind: Kind.allCases[index % Kind.allCases.count], using: &random)
            drawings.append(drawing)
            designs.append(try drawing.item(side: side, quality: 92, using: &random))
        }
        var listings: [Listing] = []
        for (index, drawing) in drawings.enumerated() {
            for kind in CopyKind.allCases {
                var image = drawing.render(side: side)
                // A copier writes a title of their own and keeps the description's first
                // sentence, except for a copy that is only re-titled, whose description is theirs.
                var text = drawing.kind.retitled(drawing.description, keep: kind != .retitled, using: &random)
                switch kind {
                case .cropped:
                    image = crop(image, using: &random)
                case .recoloured:
                    image = recolour(image, using: &random)
                case .retitled:
                    image = image.recoloured { brighten($0, by: 12) }
                case .croppedRecoloured:
                    image = recolour(crop(image, using: &random), using: &random)
                    text = (drawing.title, drawing.description)
                }
                let photo = try image.jpeg(quality: Int.random(in: 70...85, using: &random))
                listings.append(
                    Listing(
                        item: Item(
                            title: text.0, description: text.1, categoryID: drawing.kind.categoryID, photo: photo),
                        copyOf: index, kind: kind))
            }
        }
        for index in 0..<unrelated {
            // Half of the same kinds as the designs, the rest too: every unrelated product is of
            // some design's kind, so its silhouette and words are near theirs.
            let drawing = Drawing.random(kind: Kind.allCases[index % Kind.allCases.count], using: &random)
            listings.append(
                Listing(item: try drawing.item(side: side, quality: 80, using: &random), copyOf: nil, kind: nil))
        }
        return LabelledDesigns(designs: designs, listings: listings)
    }

    /// The detector's precision and recall over every (design, listing) pair, by copy kind.
    public struct Score: Sendable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var pairs = 0
        public var recallByKind: [String: (found: Int, of: Int)] = [:]

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    /// One compared pair: whether the listing truly copies the design, how, and what the
    /// detector found.
    public struct Pair: Sendable {
        public var isCopy: Bool
        public var kind: CopyKind?
        public var evidence: CopyDetector.Evidence
    }

    /// Every (design, listing) pair through `detector`.
    public func pairs(with detector: CopyDetector) throws -> [Pair] {
        let shop = UUID()
        // How many of the set's texts have each term: the rarity weights' document frequency.
        var frequency: [String: Int] = [:]
        for item in designs + listings.map(\.item) {
            for term in CopyDetector.terms(title: item.title, description: item.description) {
                frequency[term, default: 0] += 1
            }
        }
        let documents = designs.count + listings.count
        let filed = try designs.map { item in
            CopyDetector.Design(
                id: UUID(), shopID: shop, categoryID: item.categoryID,
                photos: [PerceptualHash.variants(of: try RasterImage.decode(item.photo))],
                terms: CopyDetector.weighted(
                    CopyDetector.terms(title: item.title, description: item.description), documents: documents,
                    frequency: { frequency[$0] ?? 0 }))
        }
        let listed = try listings.map { listing in
            CopyDetector.Listing(
                id: UUID(), shopID: UUID(), categoryID: listing.item.categoryID,
                photos: [PerceptualHash.hash(try RasterImage.decode(listing.item.photo))],
                terms: CopyDetector.terms(title: listing.item.title, description: listing.item.description))
        }
        var pairs: [Pair] = []
        pairs.reserveCapacity(filed.count * listed.count)
        for (d, design) in filed.enumerated() {
            for (l, listing) in listed.enumerated() {
                let truth = listings[l].copyOf == d
                pairs.append(
                    Pair(
                        isCopy: truth, kind: truth ? listings[l].kind : nil,
                        evidence: detector.compare(design, listing)))
            }
        }
        return pairs
    }

    /// The textbook baseline on the same set: whole-photo pHash (64 bits, brightness only), a copy
    /// when at most `threshold` bits differ, and no text.
    public func baselineScore(threshold: Int = 10) throws -> Score {
        let filed = try designs.map { PerceptualHash.classic(try RasterImage.decode($0.photo)) }
        let listed = try listings.map { PerceptualHash.classic(try RasterImage.decode($0.item.photo)) }
        var pairs: [Pair] = []
        for (d, design) in filed.enumerated() {
            for (l, listing) in listed.enumerated() {
                let truth = listings[l].copyOf == d
                let distance = (design ^ listing).nonzeroBitCount
                pairs.append(
                    Pair(
                        isCopy: truth, kind: truth ? listings[l].kind : nil,
                        evidence: CopyDetector.Evidence(
                            imageDistance: distance, luminanceDistance: distance, shapeDistance: nil,
                            textSimilarity: 0, sameCategory: designs[d].categoryID == listings[l].item.categoryID,
                            likelyCopy: distance <= threshold)))
            }
        }
        return Self.score(pairs)
    }

    public static func score(_ pairs: [Pair]) -> Score {
        var score = Score()
        for pair in pairs {
            let flagged = pair.evidence.likelyCopy
            score.pairs += 1
            switch (pair.isCopy, flagged) {
            case (true, true): score.truePositives += 1
            case (false, true): score.falsePositives += 1
            case (true, false): score.falseNegatives += 1
            case (false, false): break
            }
            if pair.isCopy, let kind = pair.kind?.rawValue {
                let previous = score.recallByKind[kind] ?? (0, 0)
                score.recallByKind[kind] = (previous.found + (flagged ? 1 : 0), previous.of + 1)
            }
        }
        return score
    }

    // MARK: Drawing

    enum Kind: CaseIterable {
        case dress, bag, chair, jar

        var categoryID: UUID {
            switch self {
            case .dress: CategoryTaxonomy.id(for: "costumes")
            case .bag: CategoryTaxonomy.id(for: "handicrafts")
            case .chair: CategoryTaxonomy.id(for: "furniture")
            case .jar: CategoryTaxonomy.id(for: "food")
            }
        }

        /// Words a title of this kind is made of.
        var words: [String] {
            switch self {
            case .dress: ["汉服", "襦裙", "古风", "刺绣", "明制", "马面裙", "齐胸", "女装", "演出服", "新款", "仙气", "舞台"]
            case .bag: ["手工", "编织", "草编", "包包", "斜挎", "竹编", "手提", "复古", "民族风", "刺绣", "收纳", "礼品"]
            case .chair: ["实木", "椅子", "餐椅", "靠背", "榆木", "藤编", "中式", "茶几", "凳子", "家用", "老榆木", "新中式"]
            case .jar: ["土蜂蜜", "手工", "辣椒酱", "农家", "腌菜", "罐装", "特产", "柴火", "无添加", "香菇", "酱料", "礼盒"]
            }
        }

        func title(using random: inout SeededGenerator) -> String {
            words.shuffled(using: &random).prefix(4).joined(separator: " ")
        }

        func description(using random: inout SeededGenerator) -> String {
            let picks = words.shuffled(using: &random)
            let places = ["丁庄村", "石井村", "大营镇", "后李村", "张店村", "杨庄村"].shuffled(using: &random)
            let size = Int.random(in: 20...180, using: &random)
            return
                "\(places[0])\(picks[0])\(picks[1])，\(picks[2])工艺，尺寸\(size)厘米。"
                + "\(picks[3])\(picks[4])，\(places[1])发货，支持\(picks[5])定制。"
        }

        /// A copier's own title for a copied product, and the original's description with
        /// only its first sentence kept (`keep`) or none of it.
        func retitled(_ description: String, keep: Bool, using random: inout SeededGenerator) -> (String, String) {
            let fresh = self.description(using: &random)
            guard keep else { return (title(using: &random), fresh) }
            let first = description.split(separator: "。").first.map(String.init) ?? description
            let rest = fresh.split(separator: "。").dropFirst().joined(separator: "。")
            return (title(using: &random), first + "。" + rest + "。")
        }
    }

    struct Shape {
        enum Form {
            case rectangle
            case ellipse
            case trapezoid(topShare: Double)
        }
        enum Pattern {
            case solid
            case stripes(period: Double)
            case dots(period: Double)
        }

        var form: Form
        var x0: Double, y0: Double, x1: Double, y1: Double
        var colour: RasterImage.RGB
        var second: RasterImage.RGB
        var pattern: Pattern

        func contains(_ x: Double, _ y: Double) -> Bool {
            guard x >= x0, x <= x1, y >= y0, y <= y1 else { return false }
            switch form {
            case .rectangle:
                return true
            case .ellipse:
                let cx = (x0 + x1) / 2
                let cy = (y0 + y1) / 2
                let rx = (x1 - x0) / 2
                let ry = (y1 - y0) / 2
                return pow((x - cx) / rx, 2) + pow((y - cy) / ry, 2) <= 1
            case .trapezoid(let topShare):
                let t = (y - y0) / max(y1 - y0, 1e-9)
                let half = (x1 - x0) / 2 * (topShare + (1 - topShare) * t)
                return abs(x - (x0 + x1) / 2) <= half
            }
        }

        func colour(at x: Double, _ y: Double) -> RasterImage.RGB {
            switch pattern {
            case .solid:
                return colour
            case .stripes(let period):
                return Int(floor((x + y) / period)) % 2 == 0 ? colour : second
            case .dots(let period):
                let dx = x.truncatingRemainder(dividingBy: period) - period / 2
                let dy = y.truncatingRemainder(dividingBy: period) - period / 2
                return dx * dx + dy * dy < period * period / 9 ? second : colour
            }
        }
    }

    struct Drawing {
        var kind: Kind
        var background: RasterImage.RGB
        /// In a unit square, painted in order.
        var shapes: [Shape]
        var title: String
        var description: String

        static func random(kind: Kind, using random: inout SeededGenerator) -> Drawing {
            func unit(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
            func colour() -> RasterImage.RGB {
                RasterImage.RGB(
                    UInt8.random(in: 20...220, using: &random), UInt8.random(in: 20...220, using: &random),
                    UInt8.random(in: 20...220, using: &random))
            }
            func pattern() -> Shape.Pattern {
                switch Int.random(in: 0...2, using: &random) {
                case 0: .solid
                case 1: .stripes(period: unit(0.03...0.09))
                default: .dots(period: unit(0.05...0.12))
                }
            }
            let main = colour()
            let accent = colour()
            let cx = unit(0.42...0.58)
            var shapes: [Shape] = []
            switch kind {
            case .dress:
                let top = unit(0.08...0.2)
                let waist = unit(0.35...0.5)
                let width = unit(0.18...0.3)
                shapes.append(
                    Shape(
                        form: .rectangle, x0: cx - width / 2, y0: top, x1: cx + width / 2, y1: waist, colour: main,
                        second: accent, pattern: pattern()))
                let hem = unit(0.3...0.45)
                shapes.append(
                    Shape(
                        form: .trapezoid(topShare: width / (2 * hem)), x0: cx - hem, y0: waist, x1: cx + hem,
                        y1: unit(0.85...0.95), colour: accent, second: main, pattern: pattern()))
            case .bag:
                let top = unit(0.35...0.5)
                let width = unit(0.25...0.38)
                shapes.append(
                    Shape(
                        form: .ellipse, x0: cx - width * 0.7, y0: top - unit(0.2...0.3), x1: cx + width * 0.7,
                        y1: top + 0.1, colour: accent, second: main, pattern: .solid))
                shapes.append(
                    Shape(
                        form: .ellipse, x0: cx - width * 0.55, y0: top - unit(0.15...0.22), x1: cx + width * 0.55,
                        y1: top + 0.1, colour: RasterImage.RGB(250, 250, 250), second: main, pattern: .solid))
                shapes.append(
                    Shape(
                        form: .rectangle, x0: cx - width, y0: top, x1: cx + width, y1: unit(0.8...0.92),
                        colour: main, second: accent, pattern: pattern()))
            case .chair:
                let seat = unit(0.5...0.62)
                let width = unit(0.22...0.32)
                shapes.append(
                    Shape(
                        form: .rectangle, x0: cx - width, y0: unit(0.08...0.2), x1: cx - width + unit(0.06...0.1),
                        y1: 0.92, colour: main, second: accent, pattern: .solid))
                shapes.append(
                    Shape(
                        form: .rectangle, x0: cx - width, y0: seat, x1: cx + width, y1: seat + unit(0.05...0.09),
                        colour: accent, second: main, pattern: pattern()))
                shapes.append(
                    Shape(
                        form: .rectangle, x0: cx + width - 0.07, y0: seat, x1: cx + width, y1: 0.92, colour: main,
                        second: accent, pattern: .solid))
                shapes.append(
                    Shape(
                        form: .rectangle, x0: cx - width, y0: unit(0.15...0.25), x1: cx - width + 0.3,
                        y1: unit(0.3...0.4), colour: accent, second: main, pattern: pattern()))
            case .jar:
                let width = unit(0.2...0.3)
                let neck = unit(0.15...0.25)
                shapes.append(
                    Shape(
                        form: .rectangle, x0: cx - width * 0.6, y0: neck - 0.08, x1: cx + width * 0.6, y1: neck,
                        colour: accent, second: main, pattern: .solid))
                shapes.append(
                    Shape(
                        form: .ellipse, x0: cx - width, y0: neck, x1: cx + width, y1: unit(0.85...0.95), colour: main,
                        second: accent, pattern: pattern()))
                shapes.append(
                    Shape(
                        form: .rectangle, x0: cx - width * 0.7, y0: unit(0.45...0.55), x1: cx + width * 0.7,
                        y1: unit(0.65...0.75), colour: colour(), second: accent, pattern: pattern()))
            }
            // A few decorations of its own: the details that tell one design of a kind from another.
            for _ in 0..<Int.random(in: 2...4, using: &random) {
                let x = unit(0.25...0.7)
                let y = unit(0.2...0.75)
                let size = unit(0.05...0.14)
                shapes.append(
                    Shape(
                        form: Bool.random(using: &random) ? .ellipse : .rectangle, x0: x, y0: y, x1: x + size,
                        y1: y + size, colour: colour(), second: accent, pattern: .solid))
            }
            let shade = UInt8.random(in: 228...252, using: &random)
            return Drawing(
                kind: kind,
                background: RasterImage.RGB(
                    shade, shade &- UInt8.random(in: 0...6, using: &random),
                    shade &- UInt8.random(in: 0...10, using: &random)),
                shapes: shapes, title: kind.title(using: &random), description: kind.description(using: &random))
        }

        func render(side: Int) -> RasterImage {
            // The product fills the middle 70 % of the photo, with a margin of background.
            RasterImage(width: side, height: side) { px, py in
                let x = ((Double(px) + 0.5) / Double(side) - 0.15) / 0.7
                let y = ((Double(py) + 0.5) / Double(side) - 0.15) / 0.7
                var colour = background
                for shape in shapes where shape.contains(x, y) { colour = shape.colour(at: x, y) }
                return colour
            }
        }

        func item(side: Int, quality: Int, using random: inout SeededGenerator) throws -> Item {
            Item(
                title: title, description: description, categoryID: kind.categoryID,
                photo: try render(side: side).jpeg(quality: quality))
        }
    }

    /// A crop keeping 82–92 % of each side from a random corner offset, scaled back up as a
    /// seller's photo tool does.
    static func crop(_ image: RasterImage, using random: inout SeededGenerator) -> RasterImage {
        let w = Int(Double(image.width) * Double.random(in: 0.82...0.92, using: &random))
        let h = Int(Double(image.height) * Double.random(in: 0.82...0.92, using: &random))
        let x = Int.random(in: 0...(image.width - w), using: &random)
        let y = Int.random(in: 0...(image.height - h), using: &random)
        return image.cropped(x: x, y: y, width: w, height: h).resized(width: image.width, height: image.height)
    }

    /// The product in other colours: every hue turned by 60–300 degrees (a near-white background
    /// has almost no hue, so it stays), and the whole a little lighter or darker.
    static func recolour(_ image: RasterImage, using random: inout SeededGenerator) -> RasterImage {
        let turn = Double.random(in: 60...300, using: &random)
        let light = Int.random(in: -20...20, using: &random)
        return image.recoloured { brighten(rotateHue($0, by: turn), by: light) }
    }

    static func brighten(_ c: RasterImage.RGB, by amount: Int) -> RasterImage.RGB {
        func shift(_ v: UInt8) -> UInt8 { UInt8(min(255, max(0, Int(v) + amount))) }
        return RasterImage.RGB(shift(c.r), shift(c.g), shift(c.b))
    }

    static func rotateHue(_ c: RasterImage.RGB, by degrees: Double) -> RasterImage.RGB {
        let r = Double(c.r) / 255
        let g = Double(c.g) / 255
        let b = Double(c.b) / 255
        let high = max(r, g, b)
        let low = min(r, g, b)
        let chroma = high - low
        guard chroma > 1e-9 else { return c }
        var hue: Double
        if high == r {
            hue = ((g - b) / chroma).truncatingRemainder(dividingBy: 6)
        } else if high == g {
            hue = (b - r) / chroma + 2
        } else {
            hue = (r - g) / chroma + 4
        }
        hue = (hue * 60 + degrees).truncatingRemainder(dividingBy: 360)
        if hue < 0 { hue += 360 }
        let h = hue / 60
        let x = chroma * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r1, g1, b1): (Double, Double, Double) =
            switch Int(h) {
            case 0: (chroma, x, 0)
            case 1: (x, chroma, 0)
            case 2: (0, chroma, x)
            case 3: (0, x, chroma)
            case 4: (x, 0, chroma)
            default: (chroma, 0, x)
            }
        let m = low
        func byte(_ v: Double) -> UInt8 { UInt8(min(255, max(0, ((v + m) * 255).rounded()))) }
        return RasterImage.RGB(byte(r1), byte(g1), byte(b1))
    }
}
