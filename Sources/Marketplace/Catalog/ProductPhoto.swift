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
    public var fileName: String { id.map(format.fileName(of:)) ?? "." + format.fileExtension }
}
