extension L10nKey {
    public static let fieldUsername = L10nKey("form.username")
    public static let fieldUsernameHint = L10nKey("form.username.hint")
    public static let fieldDisplayName = L10nKey("form.display-name")
    public static let fieldDisplayNameHint = L10nKey("form.display-name.hint")
    public static let fieldPassword = L10nKey("form.password")
    public static let fieldPasswordHint = L10nKey("form.password.hint")
    public static let fieldRole = L10nKey("form.role")
    public static let roleBuyer = L10nKey("form.role.buyer")
    public static let roleSeller = L10nKey("form.role.seller")
    public static let formErrorSummary = L10nKey("form.error-summary")
    public static let errorRequired = L10nKey("form.error.required")
    public static let errorUsernameLength = L10nKey("form.error.username-length")
    public static let errorUsernameCharacters = L10nKey("form.error.username-characters")
    public static let errorUsernameTaken = L10nKey("form.error.username-taken")
    public static let errorPasswordLength = L10nKey("form.error.password-length")
    public static let errorDisplayNameLength = L10nKey("form.error.display-name-length")
    public static let errorRoleInvalid = L10nKey("form.error.role-invalid")
    public static let errorFieldInvalid = L10nKey("form.error.field-invalid")
    public static let errorWrongCredentials = L10nKey("form.error.wrong-credentials")
    public static let errorRateLimited = L10nKey("form.error.rate-limited")
    public static let fieldQuantity = L10nKey("form.quantity")
    public static let fieldRecipient = L10nKey("form.recipient")
    public static let fieldPhone = L10nKey("form.phone")
    public static let fieldPhoneHint = L10nKey("form.phone.hint")
    public static let fieldVillage = L10nKey("form.village")
    public static let fieldVillageHint = L10nKey("form.village.hint")
    public static let fieldAddress = L10nKey("form.address")
    public static let fieldAddressHint = L10nKey("form.address.hint")
    public static let fieldPaymentMethod = L10nKey("form.payment-method")
    public static let fieldRefundAmount = L10nKey("form.refund-amount")
    public static let fieldRefundReason = L10nKey("form.refund-reason")
    public static let fieldRefundReturn = L10nKey("form.refund-return")
    public static let fieldShopName = L10nKey("form.shop-name")
    public static let fieldShopDescription = L10nKey("form.shop-description")
    public static let fieldShopVillage = L10nKey("form.shop-village")
    public static let fieldShopKind = L10nKey("form.shop-kind")
    public static let fieldShopKindHint = L10nKey("form.shop-kind.hint")
    public static let fieldBrandName = L10nKey("form.brand-name")
    public static let fieldLicenceNumber = L10nKey("form.licence-number")
    public static let fieldLicenceHint = L10nKey("form.licence-number.hint")
    public static let fieldProductTitle = L10nKey("form.product-title")
    public static let fieldProductDescription = L10nKey("form.product-description")
    public static let fieldProductDescriptionHint = L10nKey("form.product-description.hint")
    public static let fieldCategory = L10nKey("form.category")
    public static let fieldAttributes = L10nKey("form.attributes")
    public static let fieldAttributesHint = L10nKey("form.attributes.hint")
    public static let fieldAttributeName = L10nKey("form.attribute-name")
    public static let fieldAttributeValue = L10nKey("form.attribute-value")
    public static let fieldSKU = L10nKey("form.sku")
    public static let fieldSKUHint = L10nKey("form.sku.hint")
    public static let fieldVariantName = L10nKey("form.variant-name")
    public static let fieldVariantNameHint = L10nKey("form.variant-name.hint")
    public static let fieldPrice = L10nKey("form.price")
    public static let fieldStock = L10nKey("form.stock")
    public static let fieldStockOnShelf = L10nKey("form.stock-on-shelf")
    public static let fieldStockHint = L10nKey("form.stock.hint")
    public static let fieldListed = L10nKey("form.listed")
    public static let fieldPhoto = L10nKey("form.photo")
    public static let fieldPhotoHint = L10nKey("form.photo.hint")
    public static let fieldFromDay = L10nKey("form.from-day")
    public static let fieldToDay = L10nKey("form.to-day")
    public static let errorTooLong = L10nKey("form.error.too-long")
    public static let errorChooseOne = L10nKey("form.error.choose-one")
    public static let errorChooseVariant = L10nKey("form.error.choose-variant")
    public static let errorQuantity = L10nKey("form.error.quantity")
    public static let errorPrice = L10nKey("form.error.price")
    public static let errorPriceRange = L10nKey("form.error.price-range")
    public static let errorStock = L10nKey("form.error.stock")
    public static let errorPhone = L10nKey("form.error.phone")
    public static let errorCashNeedsVillage = L10nKey("form.error.cash-needs-village")
    public static let errorLicence = L10nKey("form.error.licence")
    public static let errorAttributeTwice = L10nKey("form.error.attribute-twice")
    public static let errorSKUTwice = L10nKey("form.error.sku-twice")
    public static let errorSKUTaken = L10nKey("form.error.sku-taken")
    public static let errorOneVariant = L10nKey("form.error.one-variant")
    public static let errorTooManyVariants = L10nKey("form.error.too-many-variants")
    public static let errorStockChanged = L10nKey("form.error.stock-changed")
    public static let errorPhotoTooLarge = L10nKey("form.error.photo-too-large")
    public static let errorPhotoNotImage = L10nKey("form.error.photo-not-image")
    public static let errorPhotoMissing = L10nKey("form.error.photo-missing")
    public static let errorTooManyPhotos = L10nKey("form.error.too-many-photos")
    public static let errorDate = L10nKey("form.error.date")
    public static let errorDateOrder = L10nKey("form.error.date-order")
    public static let errorPeriodTooLong = L10nKey("form.error.period-too-long")
    public static let errorStars = L10nKey("form.error.stars")
}

extension Localization {
    /// Form fields, hints and messages every form shares.
    static let forms = Area(
        en: [
            .fieldUsername: "Username",
            .fieldUsernameHint: "3–32 characters: letters a–z, digits, dot, underscore or hyphen.",
            .fieldDisplayName: "Your name",
            .fieldDisplayNameHint: "The name others see, such as “Dingzhuang Wang Xiuying”.",
            .fieldPassword: "Password",
            .fieldPasswordHint: "At least 8 characters.",
            .fieldRole: "I want to",
            .roleBuyer: "Buy things (buyer)",
            .roleSeller: "Open a shop and sell (seller)",
            .formErrorSummary: "Please correct the marked fields.",
            .errorRequired: "Fill this in.",
            .errorUsernameLength: "A username has {0} to {1} characters.",
            .errorUsernameCharacters: "Use only letters a–z, digits, dot, underscore and hyphen.",
            .errorUsernameTaken: "That username is taken; choose another.",
            .errorPasswordLength: "A password has {0} to {1} characters.",
            .errorDisplayNameLength: "A name has {0} to {1} characters.",
            .errorRoleInvalid: "Choose buyer or seller.",
            .errorFieldInvalid: "This value is not valid.",
            .errorWrongCredentials: "The username or password is wrong.",
            .errorRateLimited: "Too many attempts; wait a few minutes and try again.",
            .fieldQuantity: "Quantity",
            .fieldRecipient: "Recipient's name",
            .fieldPhone: "Phone",
            .fieldPhoneHint: "The courier calls this number.",
            .fieldVillage: "Village",
            .fieldVillageHint: "Parcels to a village of the county go to its service station.",
            .fieldAddress: "Address",
            .fieldAddressHint: "Street and number, or the household in the village.",
            .fieldPaymentMethod: "Payment",
            .fieldRefundAmount: "Amount to refund (yuan)",
            .fieldRefundReason: "Why?",
            .fieldRefundReturn: "I will send the goods back",
            .fieldShopName: "Shop name",
            .fieldShopDescription: "About the shop (optional)",
            .fieldShopVillage: "Village of the shop",
            .fieldShopKind: "Kind of shop",
            .fieldShopKindHint: "An enterprise shop gives its brand and business licence number.",
            .fieldBrandName: "Brand (enterprise shops)",
            .fieldLicenceNumber: "Business licence number (enterprise shops)",
            .fieldLicenceHint: "6 to 40 characters, as on the licence.",
            .fieldProductTitle: "Product title",
            .fieldProductDescription: "Description",
            .fieldProductDescriptionHint: "What it is made of, sizes, how it is sent. Buyers search these words too.",
            .fieldCategory: "Category",
            .fieldAttributes: "Attributes (optional)",
            .fieldAttributesHint: "Such as “Fabric: cotton” or “Harvest: June”.",
            .fieldAttributeName: "Name",
            .fieldAttributeValue: "Value",
            .fieldSKU: "Stock code (optional)",
            .fieldSKUHint: "Your own code for this kind. Leave it empty and Jishi numbers it.",
            .fieldVariantName: "Variant",
            .fieldVariantNameHint: "Such as “red, size M” (optional).",
            .fieldPrice: "Price (yuan)",
            .fieldStock: "Stock",
            .fieldStockOnShelf: "Stock on the shelf",
            .fieldStockHint: "Count what you have and enter it; sales lower it by themselves.",
            .fieldListed: "On sale (shown in search)",
            .fieldPhoto: "Add a photo",
            .fieldPhotoHint: "A photo, such as one from your phone's camera, of at most {0} KB.",
            .fieldFromDay: "From (day)",
            .fieldToDay: "To (day, included)",
            .errorTooLong: "At most {0} characters.",
            .errorChooseOne: "Choose one.",
            .errorChooseVariant: "Choose a variant.",
            .errorQuantity: "A whole number from {0} to {1}.",
            .errorPrice: "A price in yuan, such as 45, 45.5 or 45元.",
            .errorPriceRange: "The highest price is below the lowest.",
            .errorStock: "A whole number from 0 to {0}.",
            .errorPhone: "5 to 20 digits; spaces, + and - are fine.",
            .errorCashNeedsVillage: "Cash is paid at a village station: choose the village.",
            .errorLicence: "6 to 40 characters.",
            .errorAttributeTwice: "This name is already used above.",
            .errorSKUTwice: "Each variant needs its own item code.",
            .errorSKUTaken: "The product already has this item code.",
            .errorOneVariant: "Give at least one variant with its price and stock.",
            .errorTooManyVariants: "A product has at most 50 variants.",
            .errorStockChanged:
                "The stock changed while you counted: it was {0}, it is {1} now (a sale?). Check the shelf and save again.",
            .errorPhotoTooLarge: "The photo is too large: at most {0} KB.",
            .errorPhotoNotImage: "This file is not a photo. Choose one from your phone's photos (JPEG or PNG).",
            .errorPhotoMissing: "Choose a photo first.",
            .errorTooManyPhotos: "This product already has as many photos as it may.",
            .errorDate: "A day such as 2026-11-23.",
            .errorDateOrder: "The last day is before the first.",
            .errorPeriodTooLong: "At most {0} days at a time.",
            .errorStars: "Choose from 1 to 5 stars.",
        ],
        zhHans: [
            .fieldUsername: "用户名",
            .fieldUsernameHint: "3–32 个字符：英文字母、数字、点、下划线或短横线。",
            .fieldDisplayName: "名字",
            .fieldDisplayNameHint: "别人看到的名字，例如“丁庄 王秀英”。",
            .fieldPassword: "密码",
            .fieldPasswordHint: "至少 8 个字符。",
            .fieldRole: "我想",
            .roleBuyer: "买东西（买家）",
            .roleSeller: "开店卖货（卖家）",
            .formErrorSummary: "请改正下面标出的问题。",
            .errorRequired: "请填写这一项。",
            .errorUsernameLength: "用户名要有 {0} 到 {1} 个字符。",
            .errorUsernameCharacters: "用户名只能用英文字母、数字、点、下划线和短横线。",
            .errorUsernameTaken: "这个用户名已经有人用了，请换一个。",
            .errorPasswordLength: "密码要有 {0} 到 {1} 个字符。",
            .errorDisplayNameLength: "名字要有 {0} 到 {1} 个字符。",
            .errorRoleInvalid: "请选择买家或卖家。",
            .errorFieldInvalid: "这一项填写有误。",
            .errorWrongCredentials: "用户名或密码不对。",
            .errorRateLimited: "尝试次数太多，请过几分钟再试。",
            .fieldQuantity: "数量",
            .fieldRecipient: "收货人",
            .fieldPhone: "手机号",
            .fieldPhoneHint: "快递员会打这个电话。",
            .fieldVillage: "村",
            .fieldVillageHint: "送到本县各村的包裹由村服务站代收。",
            .fieldAddress: "详细地址",
            .fieldAddressHint: "街道门牌，或村里哪一户。",
            .fieldPaymentMethod: "付款方式",
            .fieldRefundAmount: "退款金额（元）",
            .fieldRefundReason: "原因",
            .fieldRefundReturn: "我会把货退回",
            .fieldShopName: "店铺名称",
            .fieldShopDescription: "店铺介绍（可不填）",
            .fieldShopVillage: "店铺所在村",
            .fieldShopKind: "店铺类型",
            .fieldShopKindHint: "企业店需要填写品牌和营业执照号。",
            .fieldBrandName: "品牌（企业店填写）",
            .fieldLicenceNumber: "营业执照号（企业店填写）",
            .fieldLicenceHint: "6–40 个字符，和执照上一致。",
            .fieldProductTitle: "商品标题",
            .fieldProductDescription: "商品描述",
            .fieldProductDescriptionHint: "材料、尺码、怎么发货。买家也会搜到这些字。",
            .fieldCategory: "类目",
            .fieldAttributes: "商品属性（可不填）",
            .fieldAttributesHint: "例如“面料：棉”“采摘：六月”。",
            .fieldAttributeName: "属性名",
            .fieldAttributeValue: "属性值",
            .fieldSKU: "货号（选填）",
            .fieldSKUHint: "自己给这一款定的编号；不填会自动编号。",
            .fieldVariantName: "规格",
            .fieldVariantNameHint: "例如“红色 M 码”（可不填）。",
            .fieldPrice: "价格（元）",
            .fieldStock: "库存",
            .fieldStockOnShelf: "现有库存",
            .fieldStockHint: "数一数现有多少件再填；卖出后会自动减少。",
            .fieldListed: "在售（能被搜到）",
            .fieldPhoto: "添加照片",
            .fieldPhotoHint: "选一张照片（手机拍的就行），不超过 {0} KB。",
            .fieldFromDay: "开始日期",
            .fieldToDay: "结束日期（含当天）",
            .errorTooLong: "最多 {0} 个字。",
            .errorChooseOne: "请选择一项。",
            .errorChooseVariant: "请选择规格。",
            .errorQuantity: "请填 {0} 到 {1} 之间的整数。",
            .errorPrice: "请填价格，例如 45、45.5 或 45元。",
            .errorPriceRange: "最高价低于最低价了。",
            .errorStock: "请填 0 到 {0} 之间的整数。",
            .errorPhone: "请填 5–20 位数字，可以有空格、+ 和 -。",
            .errorCashNeedsVillage: "现金要到村服务站付，请选择村。",
            .errorLicence: "请填 6–40 个字符。",
            .errorAttributeTwice: "上面已经有这个属性名了。",
            .errorSKUTwice: "每个规格的货号要不同。",
            .errorSKUTaken: "这个商品已经有这个货号了。",
            .errorOneVariant: "至少填一个规格，包括价格和库存。",
            .errorTooManyVariants: "一个商品最多 50 个规格。",
            .errorStockChanged: "你清点时库存变了：原来是 {0}，现在是 {1}（可能有人买了）。请再核对一遍后保存。",
            .errorPhotoTooLarge: "照片太大了，最大 {0} KB。",
            .errorPhotoNotImage: "这个文件不是照片，请从手机相册里选一张。",
            .errorPhotoMissing: "请先选择照片。",
            .errorTooManyPhotos: "这个商品的照片已经到上限了。",
            .errorDate: "请填日期，例如 2026-11-23。",
            .errorDateOrder: "结束日期早于开始日期。",
            .errorPeriodTooLong: "一次最多 {0} 天。",
            .errorStars: "请选择 1 到 5 星。",
        ])
}
