/// How long (in characters, after trimming) the marketplace's free-text fields may be: the
/// services refuse what falls outside, and the forms explain the same limits from here.
public enum FieldLimits {
    public static let shopName = 1...60
    public static let shopDescription = 0...2000
    public static let brandName = 1...60
    public static let licenceNumber = 6...40
    public static let productTitle = 1...120
    public static let productDescription = 0...5000
    public static let sku = 1...64
    public static let variantName = 0...60
    public static let attributeName = 1...30
    public static let attributeValue = 1...200
    /// A refund's, a suspension's or a supply order's reason.
    public static let reason = 1...500
    public static let deliveryName = 1...64
    public static let deliveryPhone = 5...20
    public static let deliveryAddress = 1...200
    /// The key that makes a checkout, a payment or a bulk order act once.
    public static let idempotencyKey = 8...128
}
