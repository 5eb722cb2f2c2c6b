import FluentKit
import Foundation
import JishiKit

/// A photo of a product. The bytes live in a ``PhotoStore`` under the photo's id, which
/// never changes, so a photo can be cached for ever.
public final class ProductPhoto: Model, @unchecked Sendable {
    public static let schema = "product_photos"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "product_id") public var product: Product
    @Field(key: "position") public var position: Int
    @Field(key: "format") public var format: PhotoFormat
    @Field(key: "byte_count") public var byteCount: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(id: UUID, productID: UUID, position: Int, format: PhotoFormat, byteCount: Int, at time: Date) {
        self.id = id
        self.$product.id = productID
        self.position = position
        self.format = format
        self.byteCount = byteCount
        self.createdAt = time
    }

    /// The photo's file name in the store and in its URL.
    public var fileName: String { (id?.uuidString.lowercased() ?? "") + "." + format.fileExtension }
}

/// The photo formats accepted: what cheap phones' cameras and screenshots produce.
public enum PhotoFormat: String, Codable, Sendable, CaseIterable {
    case jpeg, png

    public var contentType: String { "image/\(rawValue)" }
    public var fileExtension: String { self == .jpeg ? "jpg" : "png" }

    /// The format the bytes really are, by their signature; `nil` for anything else.
    public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> PhotoFormat? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// The format a `Content-Type` names, ignoring parameters and case.
    public init?(contentType: String) {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch type {
        case "image/jpeg", "image/jpg": self = .jpeg
        case "image/png": self = .png
        default: return nil
        }
    }

    /// The format of a file name such as `…​.jpg`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        default: return nil
        }
    }
}

/// The checks every uploaded photo passes: a JPEG or PNG content type, at most `limit`
/// bytes, and bytes that really are what the type says.
enum PhotoCheck {
    static func format(of bytes: Data, declaredType: String?, limit: Int) throws -> PhotoFormat {
        guard let declaredType, let declared = PhotoFormat(contentType: declaredType) else {
            throw Problem(type: .unsupportedMediaType, detail: "Send the photo as image/jpeg or image/png.")
        }
        guard bytes.count <= limit else {
            throw Problem(
                type: .payloadTooLarge, detail: "A photo may be at most \(limit / 1024) KiB.", field: "photo")
        }
        guard !bytes.isEmpty, PhotoFormat.sniff(bytes) == declared else {
            throw Problem.validation("photo", "The file is not a \(declared.rawValue.uppercased()) image.")
        }
        return declared
    }
}
