import Community
import JishiKit
import Vapor

/// A submitted form's fields by name, read only once its CSRF token checks out. The
/// marketplace forms have rows of fields (`variant-0-sku` …), which a fixed struct cannot name.
struct FormValues: Sendable {
    var fields: [String: String]

    init(_ fields: [String: String] = [:]) { self.fields = fields }

    /// The verified fields of a POSTed form (URL-encoded or multipart).
    static func verified(_ request: Request, session: WebSession) throws -> FormValues {
        FormValues(try VerifiedForm.decode([String: String].self, from: request, session: session))
    }

    /// The verified fields and photos of a multipart form: text fields by name, and the files
    /// sent as `photos[]` (an empty file input left out).
    static func verifiedWithPhotos(_ request: Request, session: WebSession) throws -> (FormValues, [File]) {
        let fields = try VerifiedForm.decode(TextFields.self, from: request, session: session).fields
        let files = (try? request.content.decode(PhotoFiles.self))?.photos ?? []
        return (FormValues(fields), files.filter { $0.data.readableBytes > 0 })
    }

    private struct PhotoFiles: Content {
        var photos: [File]?
    }

    /// Every field whose value is text; files and arrays are skipped, not a decoding failure.
    private struct TextFields: Content {
        var fields: [String: String] = [:]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            for key in container.allKeys {
                if let value = try? container.decode(String.self, forKey: key) { fields[key.stringValue] = value }
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in fields { try container.encode(value, forKey: AnyKey(stringValue: key)) }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// What every form post starts with: the session, its signed-in account, and the form once
    /// its CSRF token checks out.
    static func signedIn(_ request: Request) async throws -> (WebSession, Principal, FormValues) {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        return (session, principal, try verified(request, session: session))
    }

    /// The field as sent, or "" when absent.
    subscript(_ name: String) -> String { fields[name] ?? "" }

    /// The field without surrounding spaces and line breaks.
    func trimmed(_ name: String) -> String { self[name].trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Whether a checkbox (or any field) was sent with a value.
    func isChecked(_ name: String) -> Bool { !(fields[name] ?? "").isEmpty }
}

/// Reading numbers people type: whole counts and amounts in yuan.
enum FormInput {
    /// A whole number such as "12" or "１２" (digits only, at most 9 of them).
    static func count(_ text: String) -> Int? {
        let digits = halfWidth(text).trimmingCharacters(in: .whitespaces)
        guard (1...9).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            return nil
        }
        return Int(digits)
    }

    /// A weight in kilograms as typed ("2", "2.5", "2.5kg", "2.5 公斤", "０．８") in grams;
    /// `nil` for anything else, including more than three decimals.
    static func grams(_ text: String) -> Int? {
        var text = halfWidth(text).trimmingCharacters(in: .whitespaces).lowercased()
        for unit in ["公斤", "千克", "kg"] where text.hasSuffix(unit) {
            text.removeLast(unit.count)
            text = text.trimmingCharacters(in: .whitespaces)
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...6).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }),
            let kilograms = Int(whole)
        else { return nil }
        var grams = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...3).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return nil
            }
            grams = Int(fraction + String(repeating: "0", count: 3 - fraction.count)) ?? 0
        }
        return kilograms * 1_000 + grams
    }

    /// An amount in yuan as a villager types it ("45", "45.5", "45.00", "45元", "45 块", "¥45",
    /// "４５．５") in fen; `nil` for anything else, including more than two decimals.
    static func yuan(_ text: String) -> Int64? {
        var text = halfWidth(text).trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("¥") || text.hasPrefix("￥") { text.removeFirst() }
        for unit in ["元", "块"] where text.hasSuffix(unit) {
            text.removeLast()
            text = text.trimmingCharacters(in: .whitespaces)
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...9).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var fen: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return nil
            }
            fen = Int64(fraction.count == 1 ? fraction + "0" : fraction) ?? 0
        }
        return (Int64(whole) ?? 0) * 100 + fen
    }

    /// Full-width digits and points (what a Chinese keyboard may give) as their ASCII forms.
    static func halfWidth(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar.value {
                    case 0xFF10...0xFF19: Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? scalar
                    case 0xFF0E, 0x3002: "."
                    case 0x3000: " "
                    default: scalar
                    }
                }))
    }

    /// Fen written as yuan for a form field: "12.50".
    static func yuanText(_ minorUnits: Int64) -> String {
        String(Money(minorUnits: minorUnits).formatted.drop { $0 == "¥" })
    }

    /// A fresh random key for a form that must not act twice (checkout, payment).
    static func idempotencyKey(_ dependencies: Dependencies) -> String {
        dependencies.randomBytes(24).base64URLEncoded
    }

    /// Whether `key` has the shape `idempotencyKey` makes.
    static func isIdempotencyKey(_ key: String) -> Bool {
        key.utf8.count == 32
            && key.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_"
            }
    }
}
