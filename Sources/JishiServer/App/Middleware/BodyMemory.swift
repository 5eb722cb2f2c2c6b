import JishiKit
import Synchronization

/// Memory for the request bodies held whole while they arrive, where their limit is above the
/// API's: the import page's catalogue with its photos (up to 64 MiB), a design's photos, the
/// statistics files, and API bodies sent in chunks to an operation with a larger limit. Each
/// takes its length from this budget, or its limit when it does not say, before a byte of it is
/// read, and gives it back with its answer. One that does not fit beside those arriving is
/// answered `503` with `Retry-After`, so that many large uploads at once, signed in or not,
/// cannot take the server's memory (`JISHI_UPLOAD_MEMORY_MB`).
final class BodyMemory: Sendable {
    /// The bytes all bodies held at once may have.
    let capacity: Int
    private let reserved = Mutex(0)

    init(capacity: Int) { self.capacity = capacity }

    /// The bytes taken now.
    var taken: Int { reserved.withLock { $0 } }

    /// Runs `body` with `bytes` of the budget taken; a `503` problem when they are not free.
    /// Nothing is taken for 0 bytes.
    func holding<T>(_ bytes: Int, _ body: () async throws -> T) async throws -> T {
        guard bytes > 0 else { return try await body() }
        let taken = reserved.withLock { reserved in
            guard reserved + bytes <= capacity else { return false }
            reserved += bytes
            return true
        }
        guard taken else {
            var problem = Problem(
                type: .unavailable, detail: "Too many large uploads are arriving at once; send this one again shortly.")
            problem.retryAfter = 5
            throw problem
        }
        defer { reserved.withLock { $0 -= bytes } }
        return try await body()
    }
}
