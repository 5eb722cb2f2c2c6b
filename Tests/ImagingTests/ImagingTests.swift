import Foundation
import Imaging
import Testing

@Suite("Imaging: photos decoded by libjpeg-turbo and libpng, and their perceptual hashes")
struct ImagingTests {
    /// A product on a light background: a dark disc and a coloured bar, placed by `shift`.
    static func picture(side: Int = 120, shift: Int = 0, bar: RasterImage.RGB = .init(200, 40, 40)) -> RasterImage {
        RasterImage(width: side, height: side) { x, y in
            let dx = x - side / 2 - shift
            let dy = y - side / 3
            if dx * dx + dy * dy < (side / 5) * (side / 5) { return .init(30, 30, 60) }
            if y > side * 2 / 3, y < side * 5 / 6, x > side / 5 { return bar }
            return .init(240, 240, 235)
        }
    }

    @Test func pngKeepsEveryPixelAndJPEGKeepsThePicture() throws {
        let image = Self.picture()
        let png = try image.png()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try RasterImage.decode(png) == image)
        let jpeg = try image.jpeg(quality: 90)
        #expect(jpeg.starts(with: [0xFF, 0xD8, 0xFF]))
        let decoded = try RasterImage.decode(jpeg)
        #expect(decoded.width == image.width && decoded.height == image.height)
        // Lossy, but close: the mean error per channel stays small.
        let error = zip(decoded.rgb, image.rgb).map { abs(Int($0) - Int($1)) }.reduce(0, +) / image.rgb.count
        #expect(error < 6)
    }

    @Test func bytesThatAreNoImageAreRefusedByTheCodecsNotByACrash() throws {
        #expect(throws: ImageError.unknownFormat) { try RasterImage.decode(Data("GIF89a".utf8)) }
        let jpeg = try Self.picture().jpeg()
        // A JPEG's signature with nothing behind it, and a PNG's with a broken header.
        #expect(throws: ImageError.self) { try RasterImage.decode(jpeg.prefix(20)) }
        var png = try Self.picture().png()
        png.replaceSubrange(16..<24, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: ImageError.self) { try RasterImage.decode(png) }
    }

    @Test func aPhotoClaimingTooManyPixelsIsRefusedBeforeItsPixelsAreMade() throws {
        let png = try Self.picture(side: 200).png()
        #expect(throws: ImageError.tooLarge(width: 200, height: 200)) {
            try RasterImage.decode(png, maximumPixels: 39_999)
        }
        #expect(throws: ImageError.tooLarge(width: 200, height: 200)) {
            try RasterImage.decode(try Self.picture(side: 200).jpeg(), maximumPixels: 39_999)
        }
    }

    @Test func nearCopiesHashNearAndOtherPicturesFar() throws {
        let original = PerceptualHash.hash(Self.picture())
        let resaved = PerceptualHash.hash(try RasterImage.decode(try Self.picture(side: 160).jpeg(quality: 60)))
        let recoloured = PerceptualHash.hash(Self.picture(bar: .init(40, 60, 200)))
        let other = PerceptualHash.hash(
            RasterImage(width: 120, height: 120) { x, y in
                (x / 20 + y / 30) % 2 == 0 ? .init(20, 120, 20) : .init(240, 240, 235)
            })
        #expect(original.luminanceDistance(to: resaved) <= 32)
        #expect(original.shapeDistance(to: recoloured) <= 24)
        #expect(original.luminanceDistance(to: other) >= 80)
        #expect(original.shapeDistance(to: other) >= 80)
        // A cropped copy is near one of the crops the registry keeps.
        let cropped = Self.picture().cropped(x: 0, y: 0, width: 102, height: 102)
        let nearest = PerceptualHash.variants(of: Self.picture()).map {
            $0.shapeDistance(to: PerceptualHash.hash(cropped))
        }
        #expect(nearest.min()! <= 24)
    }

    @Test func aHashReadsBackFromItsText() throws {
        let hash = PerceptualHash.hash(Self.picture())
        #expect(ImageHash(hash.description) == hash)
        #expect(hash.description.count == 129)
        #expect(ImageHash("zz:00") == nil)
        let flat = PerceptualHash.hash(RasterImage(width: 50, height: 50) { _, _ in .init(9, 9, 9) })
        #expect(flat.isFlat)
    }
}
