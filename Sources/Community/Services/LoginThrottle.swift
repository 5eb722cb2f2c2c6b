import Foundation

/// Limits failed logins per account and per address over a sliding window.
///
/// It lives in memory, per server process: a county runs one or a few processes, and each
/// one on its own already caps guessing at `limit` tries a window per process.
public actor LoginThrottle {
    public let accountLimit: Int
    public let addressLimit: Int
    public let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(accountLimit: Int = 5, addressLimit: Int = 20, window: TimeInterval = 15 * 60) {
        self.accountLimit = accountLimit
        self.addressLimit = addressLimit
        self.window = window
    }

    /// Seconds to wait before trying again, or `nil` when a try is allowed now.
    public func retryAfter(username: String, address: String, now: Date) -> Int? {
        let waits = [
            wait(key: "u:" + username.lowercased(), limit: accountLimit, now: now),
            wait(key: "a:" + address, limit: addressLimit, now: now),
        ].compactMap { $0 }
        return waits.max()
    }

    public func recordFailure(username: String, address: String, now: Date) {
        for key in ["u:" + username.lowercased(), "a:" + address] {
            failures[key, default: []].append(now)
        }
    }

    public func recordSuccess(username: String) {
        failures["u:" + username.lowercased()] = nil
    }

    private func wait(key: String, limit: Int, now: Date) -> Int? {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }
}
