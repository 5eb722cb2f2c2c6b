extension L10nKey {
    public static let productUnlisted = L10nKey("product.unlisted")
    public static let productUnlistedTag = L10nKey("product.unlisted-tag")
    public static let productEditLink = L10nKey("product.edit-link")
    public static let productPhotoAlt = L10nKey("product.photo-alt")
    public static let productChooseVariant = L10nKey("product.choose-variant")
    public static let productAddToCart = L10nKey("product.add-to-cart")
    public static let productBuyNow = L10nKey("product.buy-now")
    public static let productLogInToBuy = L10nKey("product.log-in-to-buy")
    public static let productNotForSale = L10nKey("product.not-for-sale")
    public static let productDescription = L10nKey("product.description")
    public static let productAttributes = L10nKey("product.attributes")
    public static let newProductTitle = L10nKey("new-product.title")
    public static let newProductVariant = L10nKey("new-product.variant")
    public static let newProductVariantOptional = L10nKey("new-product.variant-optional")
    public static let newProductPhotos = L10nKey("new-product.photos")
    /// {0} how many, {1} KB each.
    public static let newProductPhotosHint = L10nKey("new-product.photos.hint")
    /// {0} how many.
    public static let newProductTooManyPhotos = L10nKey("new-product.too-many-photos")
    public static let newProductSubmit = L10nKey("new-product.submit")
    public static let newProductShopClosed = L10nKey("new-product.shop-closed")
    public static let editProductTitle = L10nKey("edit-product.title")
    public static let editProductView = L10nKey("edit-product.view")
    public static let editProductText = L10nKey("edit-product.text")
    public static let editProductSave = L10nKey("edit-product.save")
    public static let editProductVariants = L10nKey("edit-product.variants")
    public static let editProductSavePrice = L10nKey("edit-product.save-price")
    public static let editProductSaveStock = L10nKey("edit-product.save-stock")
    public static let editProductAddVariant = L10nKey("edit-product.add-variant")
    public static let editProductPhotos = L10nKey("edit-product.photos")
    public static let editProductRemovePhoto = L10nKey("edit-product.remove-photo")
    public static let editProductUpload = L10nKey("edit-product.upload")
}

extension Localization {
    /// The product page and product editing.
    static let catalog = Area(
        en: [
            .productUnlisted: "This product is not on sale; only its shop sees it.",
            .productUnlistedTag: "Not on sale",
            .productEditLink: "Edit this product",
            .productPhotoAlt: "{0}, photo {1}",
            .productChooseVariant: "Choose",
            .productAddToCart: "Add to cart",
            .productBuyNow: "Buy now",
            .productLogInToBuy: "Log in to buy",
            .productNotForSale: "Not available at the moment.",
            .productDescription: "Description",
            .productAttributes: "Details",
            .newProductTitle: "List a product",
            .newProductVariant: "Variant {0}",
            .newProductVariantOptional: "Optional: leave empty if there is only one.",
            .newProductPhotos: "Photos (optional)",
            .newProductPhotosHint: "Up to {0} photos from your phone, each at most {1} KB. You can add more later.",
            .newProductTooManyPhotos: "Choose at most {0} photos here; add more on the product's page afterwards.",
            .newProductSubmit: "List the product",
            .newProductShopClosed: "The shop is not open, so it cannot list products.",
            .editProductTitle: "Edit product",
            .editProductView: "See it as buyers do",
            .editProductText: "Title, description, category",
            .editProductSave: "Save",
            .editProductVariants: "Variants, prices and stock",
            .editProductSavePrice: "Save name and price",
            .editProductSaveStock: "Save stock",
            .editProductAddVariant: "Add a variant",
            .editProductPhotos: "Photos",
            .editProductRemovePhoto: "Remove",
            .editProductUpload: "Upload the photo",
        ],
        zhHans: [
            .productUnlisted: "这件商品未上架，只有本店能看到。",
            .productUnlistedTag: "未上架",
            .productEditLink: "编辑这件商品",
            .productPhotoAlt: "{0}，第 {1} 张照片",
            .productChooseVariant: "选择规格",
            .productAddToCart: "加入购物车",
            .productBuyNow: "立即购买",
            .productLogInToBuy: "登录后购买",
            .productNotForSale: "暂时买不到。",
            .productDescription: "商品描述",
            .productAttributes: "商品属性",
            .newProductTitle: "上架新商品",
            .newProductVariant: "规格 {0}",
            .newProductVariantOptional: "可不填：只有一种就留空。",
            .newProductPhotos: "照片（可不选）",
            .newProductPhotosHint: "从手机相册或相机选，最多 {0} 张，每张不超过 {1} KB。以后还能再加。",
            .newProductTooManyPhotos: "这里最多选 {0} 张，其余的上架后在商品页里再加。",
            .newProductSubmit: "上架",
            .newProductShopClosed: "店铺没有营业，不能上架商品。",
            .editProductTitle: "编辑商品",
            .editProductView: "看看买家看到的样子",
            .editProductText: "标题、描述、类目",
            .editProductSave: "保存",
            .editProductVariants: "规格、价格和库存",
            .editProductSavePrice: "保存规格和价格",
            .editProductSaveStock: "保存库存",
            .editProductAddVariant: "添加规格",
            .editProductPhotos: "照片",
            .editProductRemovePhoto: "删除",
            .editProductUpload: "上传照片",
        ])
}
