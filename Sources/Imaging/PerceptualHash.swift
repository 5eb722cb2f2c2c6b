import Foundation

/// Two 255-bit perceptual hashes of a photo (the DCT hash of Zauner's pHash, 2010, on the
/// 16 × 16 lowest frequencies): one of its brightness and one of its shape, how far each pixel's
/// colour is from the background's, both of the product's box in the photo. Near copies
/// (re-encoded, rescaled, brightened, cropped in the background) keep most bits of both; a
/// re-coloured copy changes the brightness hash but keeps the shape's, because the product
/// still stands out from the same background.
public struct ImageHash: Hashable, Sendable, CustomStringConvertible {
    public static let words = 4
    public static let bits = 255

    public var luminance: [UInt64]
    public var shape: [UInt64]

    public init(luminance: [UInt64], shape: [UInt64]) {
        precondition(luminance.count == Self.words && shape.count == Self.words)
        self.luminance = luminance
        self.shape = shape
    }

    static func differing(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var count = 0
        for i in 0..<words { count += (a[i] ^ b[i]).nonzeroBitCount }
        return count
    }

    /// How many of the brightness hashes' bits differ.
    public func luminanceDistance(to other: ImageHash) -> Int { Self.differing(luminance, other.luminance) }
    /// How many of the shape hashes' bits differ.
    public func shapeDistance(to other: ImageHash) -> Int { Self.differing(shape, other.shape) }

    /// A plain or blank photo: no structure to compare, so it matches nothing.
    public var isFlat: Bool { luminance.allSatisfy { $0 == 0 } || shape.allSatisfy { $0 == 0 } }

    /// 129 characters: the two hashes in hexadecimal, `luminance:shape`.
    public var description: String {
        luminance.map(Self.hex).joined() + ":" + shape.map(Self.hex).joined()
    }

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 16 * Self.words }) else { return nil }
        func words(_ hex: String) -> [UInt64]? {
            var result: [UInt64] = []
            var start = hex.startIndex
            while start < hex.endIndex {
                let end = hex.index(start, offsetBy: 16)
                guard let word = UInt64(hex[start..<end], radix: 16) else { return nil }
                result.append(word)
                start = end
            }
            return result
        }
        guard let luminance = words(String(parts[0])), let shape = words(String(parts[1])) else { return nil }
        self.init(luminance: luminance, shape: shape)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

public enum PerceptualHash {
    /// The side of the square the photo is shrunk to before its cosine transform.
    static let side = 32
    /// How many of the lowest frequencies, per direction, make the hash.
    static let frequencies = 16
    /// The share of each side the cropped variants keep.
    public static let cropShare = 0.85

    /// The textbook pHash, the benchmark's baseline: 63 bits of the 8 × 8 lowest frequencies of
    /// the whole photo's brightness, with no search for the product and no shape hash.
    public static func classic(_ image: RasterImage) -> UInt64 {
        let small = image.resized(width: side, height: side)
        var brightness = [Double](repeating: 0, count: side * side)
        for i in 0..<(side * side) {
            brightness[i] =
                0.299 * Double(small.rgb[i * 3]) + 0.587 * Double(small.rgb[i * 3 + 1]) + 0.114
                * Double(small.rgb[i * 3 + 2])
        }
        return bits(of: brightness, frequencies: 8)[0]
    }

    /// The hashes of the product in `image`: the box around what stands out from the background
    /// (so that a copy cropped or padded only in its background hashes the same), or the whole
    /// photo when nothing does.
    public static func hash(_ image: RasterImage) -> ImageHash {
        let box = productBox(image)
        let product =
            box.map { image.cropped(x: $0.x, y: $0.y, width: $0.width, height: $0.height) } ?? image
        let background = backgroundColour(image.resized(width: side, height: side))
        let small = product.resized(width: side, height: side)
        var brightness = [Double](repeating: 0, count: side * side)
        var shape = [Double](repeating: 0, count: side * side)
        for i in 0..<(side * side) {
            let r = Double(small.rgb[i * 3])
            let g = Double(small.rgb[i * 3 + 1])
            let b = Double(small.rgb[i * 3 + 2])
            brightness[i] = 0.299 * r + 0.587 * g + 0.114 * b
            let dr = r - background.0
            let dg = g - background.1
            let db = b - background.2
            shape[i] = (dr * dr + dg * dg + db * db).squareRoot()
        }
        return ImageHash(luminance: bits(of: brightness), shape: bits(of: shape))
    }

    /// How far from the background colour a pixel must be to count as the product.
    static let foregroundDistance = 48.0

    /// The rectangle, in `image`'s pixels, around the pixels far from the background colour,
    /// found on a thumbnail of at most 128 pixels a side: the rows and columns with at least two
    /// such pixels (a lone speck of JPEG noise does not widen it). Nil when there are none, or
    /// when they fill the photo.
    static func productBox(_ image: RasterImage) -> (x: Int, y: Int, width: Int, height: Int)? {
        let n = min(128, max(image.width, image.height))
        let thumbnail = image.resized(width: n, height: n)
        let background = backgroundColour(thumbnail)
        var rows = [Int](repeating: 0, count: n)
        var columns = [Int](repeating: 0, count: n)
        for y in 0..<n {
            for x in 0..<n {
                let c = thumbnail.pixel(x, y)
                let dr = Double(c.r) - background.0
                let dg = Double(c.g) - background.1
                let db = Double(c.b) - background.2
                guard (dr * dr + dg * dg + db * db).squareRoot() > foregroundDistance else { continue }
                rows[y] += 1
                columns[x] += 1
            }
        }
        guard let top = rows.firstIndex(where: { $0 >= 2 }), let bottom = rows.lastIndex(where: { $0 >= 2 }),
            let left = columns.firstIndex(where: { $0 >= 2 }), let right = columns.lastIndex(where: { $0 >= 2 }),
            right - left < n - 1 || bottom - top < n - 1
        else { return nil }
        let x0 = left * image.width / n
        let y0 = top * image.height / n
        let x1 = min(image.width, (right + 1) * image.width / n)
        let y1 = min(image.height, (bottom + 1) * image.height / n)
        guard x1 - x0 >= 4, y1 - y0 >= 4 else { return nil }
        return (x0, y0, x1 - x0, y1 - y0)
    }

    /// The hashes of `image` whole and of five crops keeping `cropShare` of each side (the
    /// centre and the four corners): a filed design keeps all six, so that a copy cropped from
    /// any side is still near one of them.
    public static func variants(of image: RasterImage) -> [ImageHash] {
        let w = max(1, Int((Double(image.width) * cropShare).rounded()))
        let h = max(1, Int((Double(image.height) * cropShare).rounded()))
        let corners = [
            ((image.width - w) / 2, (image.height - h) / 2), (0, 0), (image.width - w, 0), (0, image.height - h),
            (image.width - w, image.height - h),
        ]
        return [hash(image)] + corners.map { hash(image.cropped(x: $0.0, y: $0.1, width: w, height: h)) }
    }

    /// The per-channel median of the outermost ring of pixels.
    static func backgroundColour(_ image: RasterImage) -> (Double, Double, Double) {
        var ring: [RasterImage.RGB] = []
        for x in 0..<image.width {
            ring.append(image.pixel(x, 0))
            ring.append(image.pixel(x, image.height - 1))
        }
        for y in 1..<max(1, image.height - 1) {
            ring.append(image.pixel(0, y))
            ring.append(image.pixel(image.width - 1, y))
        }
        func median(_ values: [UInt8]) -> Double { Double(values.sorted()[values.count / 2]) }
        return (median(ring.map(\.r)), median(ring.map(\.g)), median(ring.map(\.b)))
    }

    /// The 16 × 16 lowest frequencies of the two-dimensional DCT-II of a `side × side` signal,
    /// one bit each: set where the coefficient is above the median of the 255 that are not the
    /// mean. A flat signal gives all zeros.
    static func bits(of signal: [Double], frequencies k: Int = frequencies) -> [UInt64] {
        let n = side
        // Rows first: for each row y and frequency u, sum over x.
        var rows = [Double](repeating: 0, count: n * k)
        for y in 0..<n {
            for u in 0..<k {
                var sum = 0.0
                for x in 0..<n { sum += signal[y * n + x] * cosines[u * n + x] }
                rows[y * k + u] = sum
            }
        }
        var coefficients = [Double](repeating: 0, count: k * k)
        for v in 0..<k {
            for u in 0..<k {
                var sum = 0.0
                for y in 0..<n { sum += rows[y * k + u] * cosines[v * n + y] }
                coefficients[v * k + u] = sum
            }
        }
        let ac = Array(coefficients.dropFirst())
        var words = [UInt64](repeating: 0, count: (k * k + 63) / 64)
        guard ac.contains(where: { abs($0) > 1e-6 }) else { return words }
        let median = ac.sorted()[ac.count / 2]
        for (index, value) in ac.enumerated() where value > median {
            words[index / 64] |= 1 << UInt64(index % 64)
        }
        return words
    }

    /// `cos((2x + 1) u π / 2n)` for the low frequencies u and every sample x.
    private static let cosines: [Double] = {
        var table = [Double](repeating: 0, count: frequencies * side)
        for u in 0..<frequencies {
            for x in 0..<side {
                table[u * side + x] = cos(Double(2 * x + 1) * Double(u) * Double.pi / Double(2 * side))
            }
        }
        return table
    }()
}
