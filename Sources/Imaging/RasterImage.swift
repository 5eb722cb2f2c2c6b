import CImageCodecs
import Foundation

/// An image as 8-bit RGB pixels, row by row: what a JPEG or PNG photo decodes to.
public struct RasterImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height × 3` bytes: red, green and blue of each pixel, rows top to bottom.
    public var rgb: [UInt8]

    public init(width: Int, height: Int, rgb: [UInt8]) {
        precondition(width > 0 && height > 0 && rgb.count == width * height * 3, "pixels do not fill the image")
        self.width = width
        self.height = height
        self.rgb = rgb
    }

    /// An image whose every pixel `colour(x, y)` paints.
    public init(width: Int, height: Int, colour: (Int, Int) -> RGB) {
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let c = colour(x, y)
                let i = (y * width + x) * 3
                bytes[i] = c.r
                bytes[i + 1] = c.g
                bytes[i + 2] = c.b
            }
        }
        self.init(width: width, height: height, rgb: bytes)
    }

    public struct RGB: Hashable, Sendable {
        public var r: UInt8
        public var g: UInt8
        public var b: UInt8

        public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
            self.r = r
            self.g = g
            self.b = b
        }
    }

    public func pixel(_ x: Int, _ y: Int) -> RGB {
        let i = (y * width + x) * 3
        return RGB(rgb[i], rgb[i + 1], rgb[i + 2])
    }

    /// The rectangle `x..<x+width`, `y..<y+height` of the image, clamped to it.
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> RasterImage {
        let left = min(max(0, x), width - 1)
        let top = min(max(0, y), height - 1)
        let w = max(1, min(w, width - left))
        let h = max(1, min(h, height - top))
        var bytes = [UInt8]()
        bytes.reserveCapacity(w * h * 3)
        for row in top..<(top + h) {
            let start = (row * width + left) * 3
            bytes.append(contentsOf: rgb[start..<(start + w * 3)])
        }
        return RasterImage(width: w, height: h, rgb: bytes)
    }

    /// Every pixel's colour passed through `transform`.
    public func recoloured(_ transform: (RGB) -> RGB) -> RasterImage {
        var bytes = rgb
        for i in stride(from: 0, to: bytes.count, by: 3) {
            let c = transform(RGB(bytes[i], bytes[i + 1], bytes[i + 2]))
            bytes[i] = c.r
            bytes[i + 1] = c.g
            bytes[i + 2] = c.b
        }
        return RasterImage(width: width, height: height, rgb: bytes)
    }

    /// The image scaled to `width × height` by averaging the source pixels each target pixel
    /// covers (a box filter: no aliasing when shrinking, which is all a hash needs).
    public func resized(width w: Int, height h: Int) -> RasterImage {
        var bytes = [UInt8](repeating: 0, count: w * h * 3)
        for ty in 0..<h {
            let y0 = ty * height / h
            let y1 = max(y0 + 1, (ty + 1) * height / h)
            for tx in 0..<w {
                let x0 = tx * width / w
                let x1 = max(x0 + 1, (tx + 1) * width / w)
                var sum = (0, 0, 0)
                for y in y0..<y1 {
                    for x in x0..<x1 {
                        let i = (y * width + x) * 3
                        sum.0 += Int(rgb[i])
                        sum.1 += Int(rgb[i + 1])
                        sum.2 += Int(rgb[i + 2])
                    }
                }
                let n = (y1 - y0) * (x1 - x0)
                let o = (ty * w + tx) * 3
                bytes[o] = UInt8(sum.0 / n)
                bytes[o + 1] = UInt8(sum.1 / n)
                bytes[o + 2] = UInt8(sum.2 / n)
            }
        }
        return RasterImage(width: w, height: h, rgb: bytes)
    }
}

/// Why bytes did not decode (or pixels did not encode).
public enum ImageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither a JPEG nor a PNG by its first bytes.
    case unknownFormat
    /// More pixels than a photo decoded here may have.
    case tooLarge(width: Int, height: Int)
    /// The codec refused the bytes; its own words.
    case corrupt(String)

    public var description: String {
        switch self {
        case .unknownFormat: "not a JPEG or PNG image"
        case .tooLarge(let width, let height): "\(width) × \(height) pixels is more than a photo may have"
        case .corrupt(let reason): "the image does not decode: \(reason)"
        }
    }
}

extension RasterImage {
    /// The most pixels a photo may decode to (a 6,000 × 4,000 camera picture): a small file can
    /// claim a huge size, and the decoded pixels are what take memory.
    public static let maximumPixels = 24_000_000

    /// Decodes a JPEG (libjpeg-turbo) or PNG (libpng) to RGB. A PNG's transparency is laid on
    /// white, as a product photo's background.
    public static func decode(_ data: Data, maximumPixels: Int = RasterImage.maximumPixels) throws -> RasterImage {
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return try decodeJPEG(data, maximumPixels: maximumPixels) }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return try decodePNG(data, maximumPixels: maximumPixels)
        }
        throw ImageError.unknownFormat
    }

    private static func decodeJPEG(_ data: Data, maximumPixels: Int) throws -> RasterImage {
        guard let handle = tjInitDecompress() else { throw ImageError.corrupt("libjpeg-turbo did not start") }
        defer { tjDestroy(handle) }
        return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> RasterImage in
            let source = raw.bindMemory(to: UInt8.self)
            var width: Int32 = 0
            var height: Int32 = 0
            var subsampling: Int32 = 0
            var colourspace: Int32 = 0
            guard
                tjDecompressHeader3(
                    handle, source.baseAddress, UInt(source.count), &width, &height, &subsampling, &colourspace) == 0
            else { throw ImageError.corrupt(String(cString: tjGetErrorStr2(handle))) }
            guard width > 0, height > 0 else { throw ImageError.corrupt("no pixels") }
            guard Int(width) * Int(height) <= maximumPixels else {
                throw ImageError.tooLarge(width: Int(width), height: Int(height))
            }
            var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * 3)
            let status = pixels.withUnsafeMutableBufferPointer { target in
                tjDecompress2(
                    handle, source.baseAddress, UInt(source.count), target.baseAddress, width, 0, height,
                    Int32(TJPF_RGB.rawValue), 0)
            }
            // A warning (a truncated file, say) still leaves usable pixels; an error does not.
            if status != 0, tjGetErrorCode(handle) == Int32(TJERR_FATAL.rawValue) {
                throw ImageError.corrupt(String(cString: tjGetErrorStr2(handle)))
            }
            return RasterImage(width: Int(width), height: Int(height), rgb: pixels)
        }
    }

    private static func decodePNG(_ data: Data, maximumPixels: Int) throws -> RasterImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> RasterImage in
            guard png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count) != 0 else {
                throw ImageError.corrupt(pngMessage(&image))
            }
            let width = Int(image.width)
            let height = Int(image.height)
            guard width > 0, height > 0 else { throw ImageError.corrupt("no pixels") }
            guard width * height <= maximumPixels else { throw ImageError.tooLarge(width: width, height: height) }
            image.format = UInt32(PNG_FORMAT_FLAG_COLOR)
            var white = png_color(red: 255, green: 255, blue: 255)
            var pixels = [UInt8](repeating: 0, count: width * height * 3)
            let status = pixels.withUnsafeMutableBytes { target in
                png_image_finish_read(&image, &white, target.baseAddress, Int32(width * 3), nil)
            }
            guard status != 0 else { throw ImageError.corrupt(pngMessage(&image)) }
            return RasterImage(width: width, height: height, rgb: pixels)
        }
    }

    private static func pngMessage(_ image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The image as a baseline JPEG (4:2:0, as cameras write them).
    public func jpeg(quality: Int = 85) throws -> Data {
        guard let handle = tjInitCompress() else { throw ImageError.corrupt("libjpeg-turbo did not start") }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        let status = rgb.withUnsafeBufferPointer { source in
            tjCompress2(
                handle, source.baseAddress, Int32(width), 0, Int32(height), Int32(TJPF_RGB.rawValue), &output,
                &size, Int32(TJSAMP_420.rawValue), Int32(min(max(quality, 1), 100)), 0)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else { throw ImageError.corrupt(String(cString: tjGetErrorStr2(handle))) }
        return Data(bytes: output, count: Int(size))
    }

    /// The image as a PNG.
    public func png() throws -> Data {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR)
        defer { png_image_free(&image) }
        var size = 0
        let stride = Int32(width * 3)
        let sized = rgb.withUnsafeBytes { source in
            png_image_write_to_memory(&image, nil, &size, 0, source.baseAddress, stride, nil)
        }
        guard sized != 0, size > 0 else { throw ImageError.corrupt(Self.pngMessage(&image)) }
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { target in
            rgb.withUnsafeBytes { source in
                png_image_write_to_memory(&image, target.baseAddress, &size, 0, source.baseAddress, stride, nil)
            }
        }
        guard written != 0 else { throw ImageError.corrupt(Self.pngMessage(&image)) }
        return Data(output.prefix(size))
    }
}
