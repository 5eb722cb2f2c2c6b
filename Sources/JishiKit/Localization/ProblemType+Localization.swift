extension ProblemType {
    /// The localised title the error page shows for this kind of failure.
    public var titleKey: L10nKey {
        switch self {
        case .invalidJSON: .problemInvalidJSON
        case .validation: .problemValidation
        case .missingField: .problemMissingField
        case .payloadTooLarge: .problemPayloadTooLarge
        case .unsupportedMediaType: .problemUnsupportedMediaType
        case .notAcceptable: .problemNotAcceptable
        case .unauthenticated: .problemUnauthenticated
        case .invalidCredentials: .problemInvalidCredentials
        case .tokenExpired: .problemTokenExpired
        case .forbidden: .problemForbidden
        case .notFound: .problemNotFound
        case .methodNotAllowed: .problemMethodNotAllowed
        case .conflict: .problemConflict
        case .usernameTaken: .problemUsernameTaken
        case .insufficientStock: .problemInsufficientStock
        case .invalidTransition: .problemInvalidTransition
        case .idempotencyKeyReused: .problemIdempotencyKeyReused
        case .paymentDeclined: .problemPaymentDeclined
        case .rateLimited: .problemRateLimited
        case .csrf: .problemCSRF
        case .unavailable: .problemUnavailable
        case .internalError: .problemInternalError
        }
    }

    /// The type whose URI is `uri`, as a `Problem` carries it.
    public init?(uri: String) {
        let prefix = "https://jishi.dev/problems/"
        guard uri.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(uri.dropFirst(prefix.count)))
    }
}
