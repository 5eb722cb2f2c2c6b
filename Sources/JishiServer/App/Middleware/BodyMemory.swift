import JishiKit
import NIOConcurrencyHelpers

/// Memory for the request bodies held whole while they arrive, where their limit is above the
/// API's: the import page's catalogue with its photos (up to 64 MiB), a design's photos, the
/// statistics files, and API bodies sent in chunks to an operation with a larger limit. Each
/// takes its length from this budget, or its limit when it does not say, before a byte of it is
/// read, and gives it back with its answer; an address holds one such body at a time. One that
/// does not fit beside those arriving, or comes from an address already sending one, is answered
/// `503` with `Retry-After`, so that many large uploads at once, signed in or not, cannot take
/// the server's memory (`JISHI_UPLOAD_MEMORY_MB`). The budget counts the bodies' bytes; parsing
/// a form copies its parts, so the process needs more than the budget while it does.
final class BodyMemory: Sendable {
    /// The bytes all bodies held at once may have.
    let capacity: Int
    private let state = NIOLockedValueBox<(reserved: Int, senders: Set<String>)>((0, []))

    init(capacity: Int) { self.capacity = capacity }

    /// The bytes taken now.
    var taken: Int { state.withLockedValue { $0.reserved } }

    /// Runs `body` with `bytes` of the budget taken for a body from `sender` (its address); a
    /// `503` problem when they are not free or the sender is sending another. Nothing is taken
    /// for 0 bytes.
    func holding<T>(_ bytes: Int, from sender: String, _ body: () async throws -> T) async throws -> T {
        guard bytes > 0 else { return try await body() }
        let taken = state.withLockedValue { state in
            guard state.reserved + bytes <= capacity, !state.senders.contains(sender) else { return false }
            state.reserved += bytes
            state.senders.insert(sender)
            return true
        }
        guard taken else {
            var problem = Problem(
                type: .unavailable, detail: "Too many large uploads are arriving at once; send this one again shortly.")
            problem.retryAfter = 5
            throw problem
        }
        defer {
            state.withLockedValue { state in
                state.reserved -= bytes
                state.senders.remove(sender)
            }
        }
        return try await body()
    }
}
