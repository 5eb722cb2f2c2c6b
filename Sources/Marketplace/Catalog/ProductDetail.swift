import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// A product with everything its page shows.
public struct ProductDetail: Sendable {
    public var product: Product
    public var variants: [Variant]
    public var photos: [ProductPhoto]
    public var attributes: [ProductAttribute]
}
