import Foundation

/// Limits login attempts per account and per address over a sliding window.
///
/// An attempt counts as a failure from the moment it starts, before the slow password check,
/// so a burst of parallel guesses cannot slip past the limit; a success takes its own count
/// back and clears the account's failures.
///
/// It lives in memory, per server process: a county runs one or a few processes, and each
/// one on its own already caps guessing at `limit` tries a window.
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

    /// Starts an attempt: seconds to wait when over a limit (nothing is recorded then), or
    /// `nil` when the attempt may go ahead (it is recorded as a failure until `succeeded`).
    public func begin(username: String, address: String, now: Date) -> Int? {
        let keys = Self.keys(username: username, address: address)
        let waits = [
            wait(key: keys.account, limit: accountLimit, now: now),
            wait(key: keys.address, limit: addressLimit, now: now),
        ].compactMap { $0 }
        if let longest = waits.max() { return longest }
        failures[keys.account, default: []].append(now)
        failures[keys.address, default: []].append(now)
        return nil
    }

    /// The attempt begun at `now` succeeded.
    public func succeeded(username: String, address: String, now: Date) {
        let keys = Self.keys(username: username, address: address)
        failures[keys.account] = nil
        if var times = failures[keys.address], let index = times.lastIndex(of: now) {
            times.remove(at: index)
            failures[keys.address] = times.isEmpty ? nil : times
        }
    }

    private static func keys(username: String, address: String) -> (account: String, address: String) {
        ("u:" + String(username.lowercased().prefix(64)), "a:" + String(address.prefix(64)))
    }

    private func wait(key: String, limit: Int, now: Date) -> Int? {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }
}
