extension L10nKey {
    public static let problemInvalidJSON = L10nKey("problem.invalid-json")
    public static let problemValidation = L10nKey("problem.validation")
    public static let problemMissingField = L10nKey("problem.missing-field")
    public static let problemPayloadTooLarge = L10nKey("problem.payload-too-large")
    public static let problemUnsupportedMediaType = L10nKey("problem.unsupported-media-type")
    public static let problemNotAcceptable = L10nKey("problem.not-acceptable")
    public static let problemUnauthenticated = L10nKey("problem.unauthenticated")
    public static let problemInvalidCredentials = L10nKey("problem.invalid-credentials")
    public static let problemTokenExpired = L10nKey("problem.token-expired")
    public static let problemForbidden = L10nKey("problem.forbidden")
    public static let problemNotFound = L10nKey("problem.not-found")
    public static let problemMethodNotAllowed = L10nKey("problem.method-not-allowed")
    public static let problemConflict = L10nKey("problem.conflict")
    public static let problemUsernameTaken = L10nKey("problem.username-taken")
    public static let problemInsufficientStock = L10nKey("problem.insufficient-stock")
    public static let problemInvalidTransition = L10nKey("problem.invalid-transition")
    public static let problemIdempotencyKeyReused = L10nKey("problem.idempotency-key-reused")
    public static let problemPaymentDeclined = L10nKey("problem.payment-declined")
    public static let problemRateLimited = L10nKey("problem.rate-limited")
    public static let problemCSRF = L10nKey("problem.csrf-token-invalid")
    public static let problemUnavailable = L10nKey("problem.service-unavailable")
    public static let problemInternalError = L10nKey("problem.internal-error")
}

extension Localization {
    /// The titles of problem types, as the error page shows them.
    static let problems = Area(
        en: [
            .problemInvalidJSON: "The request body is not valid JSON.",
            .problemValidation: "A field has an invalid value.",
            .problemMissingField: "A required field is missing.",
            .problemPayloadTooLarge: "What was sent is too large.",
            .problemUnsupportedMediaType: "What was sent has an unsupported format.",
            .problemNotAcceptable: "This address cannot answer in the format asked for.",
            .problemUnauthenticated: "Please log in first.",
            .problemInvalidCredentials: "The username or password is wrong.",
            .problemTokenExpired: "Your session has expired; please log in again.",
            .problemForbidden: "This account may not do that.",
            .problemNotFound: "There is no page at this address.",
            .problemMethodNotAllowed: "This address does not accept that kind of request.",
            .problemConflict: "That conflicts with the data as it is now.",
            .problemUsernameTaken: "That username is taken.",
            .problemInsufficientStock: "There is not enough stock for some items; nothing was reserved.",
            .problemInvalidTransition: "The order cannot move to that state from where it is now.",
            .problemIdempotencyKeyReused: "This request key was already used for a different request.",
            .problemPaymentDeclined: "The payment was declined.",
            .problemRateLimited: "Too many attempts; wait and try again.",
            .problemCSRF: "The form has expired; reload the page and try again.",
            .problemUnavailable: "The service is unavailable for a moment; try again soon.",
            .problemInternalError: "Something went wrong on our side; we will look into it.",
        ],
        zhHans: [
            .problemInvalidJSON: "请求内容不是有效的 JSON。",
            .problemValidation: "有一项填写有误。",
            .problemMissingField: "缺少必填的一项。",
            .problemPayloadTooLarge: "提交的内容太大了。",
            .problemUnsupportedMediaType: "提交的内容格式不支持。",
            .problemNotAcceptable: "无法以所要求的格式回复。",
            .problemUnauthenticated: "请先登录。",
            .problemInvalidCredentials: "用户名或密码不对。",
            .problemTokenExpired: "登录已过期，请重新登录。",
            .problemForbidden: "这个账号不能做这件事。",
            .problemNotFound: "找不到这个页面。",
            .problemMethodNotAllowed: "这个地址不支持这种操作。",
            .problemConflict: "操作和现有数据冲突。",
            .problemUsernameTaken: "这个用户名已经有人用了。",
            .problemInsufficientStock: "有的商品库存不够，这次什么都没有保留。",
            .problemInvalidTransition: "订单现在的状态不能这样改。",
            .problemIdempotencyKeyReused: "这个请求编号已经用于另一个请求。",
            .problemPaymentDeclined: "付款没有成功。",
            .problemRateLimited: "尝试次数太多，请稍后再试。",
            .problemCSRF: "表单已过期，请刷新页面后重试。",
            .problemUnavailable: "服务暂时不可用，请稍后再试。",
            .problemInternalError: "系统出了问题，我们会尽快处理。",
        ])
}
