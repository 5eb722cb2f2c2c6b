import Foundation

/// Small, distinct product photos for the demo market, drawn by the seed: a pattern (stripes,
/// checks, rings, dots, diagonals) in colours of the product's category, chosen from a hash of
/// its key, so every product looks different and every run draws the same pictures.
///
/// Written as PNG by hand: an indexed-colour image (one byte a pixel, a palette of four
/// colours) in zlib's stored blocks. Foundation has no PNG or zlib encoder on Linux, the
/// packages this project builds from offer none short of adding a ZIP library, and the format
/// needs only two checksums; the pictures are a few kilobytes each without compression.
enum DemoPhotos {
    static let size = 96

    /// The PNG for the product named `key` of `category`.
    static func png(key: String, category: String) -> Data {
        let hash = key.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        let palette = palettes[category] ?? palettes["other"]!
        let pattern = Int(hash % 5)
        let period = 8 + Int((hash >> 3) % 4) * 4
        let shift = Int((hash >> 7) % 3)
        var pixels = [UInt8]()
        pixels.reserveCapacity((size + 1) * size)
        let centre = size / 2
        for y in 0..<size {
            pixels.append(0)  // filter: none
            for x in 0..<size {
                let index: Int
                switch pattern {
                case 0: index = (y / period) % 2 == 0 ? 1 : 2
                case 1: index = ((x / period) + (y / period)) % 2 == 0 ? 1 : 3
                case 2:
                    let dx = x - centre
                    let dy = y - centre
                    index = Int(Double(dx * dx + dy * dy).squareRoot()) / period % 3 + 1
                case 3:
                    let dx = x % (period * 2) - period
                    let dy = y % (period * 2) - period
                    index = dx * dx + dy * dy < period * period / 2 ? 2 : 1
                default: index = ((x + y) / period) % 3 + 1
                }
                pixels.append(UInt8((index + shift - 1) % 3 + 1))
            }
        }
        // A frame in the darkest colour, so the pictures read as tiles.
        for y in 0..<size {
            for x in 0..<size where x < 3 || y < 3 || x >= size - 3 || y >= size - 3 {
                pixels[y * (size + 1) + 1 + x] = 0
            }
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(size))
        header.appendBigEndian(UInt32(size))
        header.append(contentsOf: [8, 3, 0, 0, 0])  // 8 bits, indexed colour, deflate, no filter, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("PLTE", Data(palette.flatMap { [$0.0, $0.1, $0.2] }))
        png.appendChunk("IDAT", zlibStored(pixels))
        png.appendChunk("IEND", Data())
        return png
    }

    /// Four colours a category: a frame, then three for the pattern.
    private static let palettes: [String: [(UInt8, UInt8, UInt8)]] = [
        "costumes": [(0x6E, 0x14, 0x10), (0xC8, 0x32, 0x28), (0xF2, 0xC1, 0x4E), (0xF7, 0xE8, 0xD0)],
        "farm": [(0x2F, 0x4A, 0x1C), (0x7C, 0xA9, 0x3E), (0xE8, 0xD6, 0x6B), (0xA8, 0x5C, 0x32)],
        "food": [(0x5A, 0x2E, 0x12), (0xD9, 0x8B, 0x3A), (0xF5, 0xDE, 0xB3), (0x8C, 0x3B, 0x1F)],
        "furniture": [(0x3B, 0x24, 0x14), (0x9C, 0x6B, 0x3F), (0xD8, 0xB4, 0x86), (0x5E, 0x3C, 0x22)],
        "other": [(0x22, 0x33, 0x55), (0x4F, 0x7C, 0xAC), (0xC0, 0xD6, 0xDF), (0xE8, 0xA8, 0x7C)],
    ]

    /// `bytes` as a zlib stream of stored (uncompressed) deflate blocks.
    static func zlibStored(_ bytes: [UInt8]) -> Data {
        var out = Data([0x78, 0x01])
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let last: UInt8 = offset + length == bytes.count ? 1 : 0
            out.append(last)
            out.append(UInt8(length & 0xFF))
            out.append(UInt8(length >> 8))
            out.append(UInt8(~length & 0xFF))
            out.append(UInt8((~length >> 8) & 0xFF))
            out.append(contentsOf: bytes[offset..<(offset + length)])
            offset += length
        } while offset < bytes.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        out.appendBigEndian(b << 16 | a)
        return out
    }

    /// The CRC-32 (ISO-HDLC) every PNG chunk ends with.
    static func crc32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}

extension Data {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [
            UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF),
        ])
    }

    fileprivate mutating func appendChunk(_ type: String, _ body: Data) {
        appendBigEndian(UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        appendBigEndian(DemoPhotos.crc32(typed))
    }
}
