import Crypto
import Foundation
import JishiKit

/// The signature on a provider's webhook callback: header `Jishi-Signature: t=<unix
/// seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. Signing the time with the body lets
/// a receiver refuse an old message replayed later, and the event id (recorded once) refuses
/// a replay within the tolerance.
public enum WebhookSignature {
    public static let header = "Jishi-Signature"

    public static func sign(_ body: some DataProtocol, secret: String, at time: Date) -> String {
        let timestamp = Int64(time.timeIntervalSince1970.rounded(.down))
        return "t=\(timestamp),v1=\(digest(body, timestamp: timestamp, secret: secret))"
    }

    public enum Failure: Error, Equatable {
        case missing, malformed, tooOld, mismatch
    }

    /// Checks `header` against the body; throws why it is not acceptable.
    public static func verify(
        _ header: String?, body: some DataProtocol, secret: String, now: Date, tolerance: TimeInterval
    ) throws(Failure) {
        guard let header, !header.isEmpty else { throw .missing }
        var timestamp: Int64?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw .malformed }
            switch pair[0] {
            case "t": timestamp = Int64(pair[1])
            case "v1": signatures.append(pair[1].lowercased())
            default: continue
            }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformed }
        guard abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { throw .tooOld }
        let expected = digest(body, timestamp: timestamp, secret: secret)
        // Compare in constant time, so the signature cannot be guessed byte by byte.
        let matches = signatures.contains { constantTimeEqual($0, expected) }
        guard matches else { throw .mismatch }
    }

    private static func digest(_ body: some DataProtocol, timestamp: Int64, secret: String) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return code.hexadecimal
    }
}
