import Dispatch

/// A task executor on threads of their own, for background work: tasks started with it as
/// their preference (`Task(executorPreference: BackgroundThreads.shared)`), and the tasks they
/// start in groups, run here instead of on the global executor, which in `jishi serve` is the
/// event loops that read and write every connection. A background job that computes for
/// seconds (a catalogue import's check, a design scan) then delays no request.
public final class BackgroundThreads: TaskExecutor, @unchecked Sendable {
    /// The process's background threads (libdispatch's, at utility priority).
    public static let shared = BackgroundThreads(label: "jishi.background")

    private let queue: DispatchQueue
    private let key = DispatchSpecificKey<Bool>()

    public init(label: String) {
        queue = DispatchQueue(label: label, qos: .utility, attributes: .concurrent)
        queue.setSpecific(key: key, value: true)
    }

    /// Whether the calling code runs on these threads.
    public var isCurrent: Bool { DispatchQueue.getSpecific(key: key) == true }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
