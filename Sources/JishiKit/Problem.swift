/// An RFC 9457 problem: what every failed request answers, as `application/problem+json`.
///
/// `type` is stable per kind of failure (clients switch on it); `title` is the same for every
/// instance of that type; `detail` explains this occurrence; `field` names the offending input.
public struct Problem: Error, Hashable, Sendable, Codable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    public var field: String?
    public var instance: String?
    /// Seconds until a retry may succeed; also sent as `Retry-After`.
    public var retryAfter: Int?

    public init(
        type: ProblemType, status: Int? = nil, detail: String? = nil, field: String? = nil,
        instance: String? = nil
    ) {
        self.type = type.uri
        self.title = type.title
        self.status = status ?? type.status
        self.detail = detail
        self.field = field
        self.instance = instance
    }

    public static let mediaType = "application/problem+json"
}

/// The catalogue of failure kinds. The URI is stable; never reuse or rename one.
public enum ProblemType: String, Sendable, CaseIterable {
    case invalidJSON = "invalid-json"
    case validation = "validation"
    case missingField = "missing-field"
    case payloadTooLarge = "payload-too-large"
    case unsupportedMediaType = "unsupported-media-type"
    case notAcceptable = "not-acceptable"
    case unauthenticated = "unauthenticated"
    case invalidCredentials = "invalid-credentials"
    case tokenExpired = "token-expired"
    case forbidden = "forbidden"
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    case conflict = "conflict"
    case usernameTaken = "username-taken"
    case insufficientStock = "insufficient-stock"
    case invalidTransition = "invalid-transition"
    case idempotencyKeyReused = "idempotency-key-reused"
    case paymentDeclined = "payment-declined"
    case rateLimited = "rate-limited"
    case csrf = "csrf-token-invalid"
    case unavailable = "service-unavailable"
    case internalError = "internal-error"

    public var uri: String { "https://jishi.dev/problems/\(rawValue)" }

    public var status: Int {
        switch self {
        case .invalidJSON, .validation, .missingField: 400
        case .unauthenticated, .invalidCredentials, .tokenExpired: 401
        case .forbidden, .csrf: 403
        case .notFound: 404
        case .methodNotAllowed: 405
        case .conflict, .usernameTaken, .insufficientStock, .invalidTransition, .idempotencyKeyReused: 409
        case .paymentDeclined: 402
        case .payloadTooLarge: 413
        case .unsupportedMediaType: 415
        case .notAcceptable: 406
        case .rateLimited: 429
        case .internalError: 500
        case .unavailable: 503
        }
    }

    public var title: String {
        switch self {
        case .invalidJSON: "The request body is not valid JSON"
        case .validation: "A field has an invalid value"
        case .missingField: "A required field is missing"
        case .payloadTooLarge: "The request body is too large"
        case .unsupportedMediaType: "The request body has an unsupported content type"
        case .notAcceptable: "No representation matches the Accept header"
        case .unauthenticated: "Authentication is required"
        case .invalidCredentials: "The username or password is wrong"
        case .tokenExpired: "The access token has expired or was revoked"
        case .forbidden: "This account may not do that"
        case .notFound: "No such resource"
        case .methodNotAllowed: "The method is not allowed on this resource"
        case .conflict: "The request conflicts with the current state"
        case .usernameTaken: "The username is already taken"
        case .insufficientStock: "Not enough stock for some items; nothing was reserved"
        case .invalidTransition: "The order cannot move to that state from its current one"
        case .idempotencyKeyReused: "This Idempotency-Key was used for a different request"
        case .paymentDeclined: "The payment was declined"
        case .rateLimited: "Too many attempts; wait and try again"
        case .csrf: "The form has expired; reload the page and try again"
        case .unavailable: "The service is temporarily unavailable"
        case .internalError: "Something went wrong on our side"
        }
    }
}

extension Problem {
    public static func validation(_ field: String, _ detail: String) -> Problem {
        Problem(type: .validation, detail: detail, field: field)
    }

    public static func notFound(_ what: String, field: String? = nil) -> Problem {
        Problem(type: .notFound, detail: "\(what) was not found.", field: field)
    }

    public static func forbidden(_ detail: String) -> Problem {
        Problem(type: .forbidden, detail: detail)
    }
}
