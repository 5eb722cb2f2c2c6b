import Foundation

extension SitePath {
    /// The day's plan for a dispatcher or admin (`?date=YYYY-MM-DD`), and planning it.
    static let dispatch = SitePath("/dispatch", page: true)
    /// Publishing the day's draft.
    static let dispatchPublish = SitePath("/dispatch/publish", page: false)
    /// Locking or unlocking a run.
    static let dispatchLock = SitePath("/dispatch/runs/:run/lock", page: false)
    /// Moving a stop.
    static let dispatchMove = SitePath("/dispatch/move", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let dispatchPaths: [SitePath] = [.dispatch, .dispatchPublish, .dispatchLock, .dispatchMove]
}
