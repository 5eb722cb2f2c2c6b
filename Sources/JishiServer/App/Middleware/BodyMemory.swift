import JishiKit
import NIOConcurrencyHelpers

/// Memory for the request bodies held whole while they arrive, where their limit is above the
/// API's: the import page's catalogue with its photos (up to 64 MiB), a design's photos, the
/// statistics files, and API bodies sent in chunks to an operation with a larger limit. Each
/// takes its length from this budget, or its limit when it does not say, before a byte of it is
/// read (keeping only its length once it is read whole, where the API reads it), and gives it
/// back with its answer; an address holds one such body at a time. One that does not fit beside
/// those arriving, or comes from an address already sending one, is answered `503` with
/// `Retry-After`, so that many large uploads at once, signed in or not, cannot take the server's
/// memory (`JISHI_UPLOAD_MEMORY_MB`). The budget counts the bodies' bytes; parsing
/// a form copies its parts, so the process needs more than the budget while it does.
final class BodyMemory: Sendable {
    /// The bytes all bodies held at once may have.
    let capacity: Int
    private let state = NIOLockedValueBox<(reserved: Int, senders: Set<String>)>((0, []))

    init(capacity: Int) { self.capacity = capacity }

    /// The bytes taken now.
    var taken: Int { state.withLockedValue { $0.reserved } }

    /// What a body holds of the budget while it is being read and answered.
    final class Lease: Sendable {
        private let memory: BodyMemory
        private let held: NIOLockedValueBox<Int>

        fileprivate init(memory: BodyMemory, bytes: Int) {
            self.memory = memory
            self.held = NIOLockedValueBox(bytes)
        }

        /// Keeps only `bytes` (a body taken at its limit, once read whole, needs only its
        /// length) and gives the rest back; never takes more.
        func keep(_ bytes: Int) {
            let freed = held.withLockedValue { held in
                let freed = max(0, held - max(0, bytes))
                held -= freed
                return freed
            }
            if freed > 0 { memory.state.withLockedValue { $0.reserved -= freed } }
        }

        fileprivate func end(sender: String) {
            let rest = held.withLockedValue { held in
                defer { held = 0 }
                return held
            }
            memory.state.withLockedValue { state in
                state.reserved -= rest
                state.senders.remove(sender)
            }
        }
    }

    /// Runs `body` with `bytes` of the budget taken for a body from `sender` (its address); a
    /// `503` problem when they are not free or the sender is sending another. Nothing is taken
    /// for 0 bytes (and the lease is nil).
    func holding<T>(_ bytes: Int, from sender: String, _ body: (Lease?) async throws -> T) async throws -> T {
        guard bytes > 0 else { return try await body(nil) }
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
        let lease = Lease(memory: self, bytes: bytes)
        defer { lease.end(sender: sender) }
        return try await body(lease)
    }
}
