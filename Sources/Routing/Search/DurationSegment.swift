/// Time data of a consecutive part of a route, for time windows with time-warp penalties.
///
/// `duration` is the least time from the start of the first service to the end of the last
/// (travel, service, waiting), `timeWarp` the total lateness that must be "warped" back,
/// `earliestStart`/`latestStart` the window in which the part can start with that duration
/// and time warp. Concatenation is O(1) (Vidal et al. 2013, "A hybrid genetic algorithm
/// with adaptive diversity management for a large class of vehicle routing problems with
/// time-windows", section 4; the same formulas as PyVRP's DurationSegment).
@usableFromInline
struct DurationSegment: Sendable, Equatable {
    @usableFromInline var duration: Int
    @usableFromInline var timeWarp: Int
    @usableFromInline var earliestStart: Int
    @usableFromInline var latestStart: Int

    @inlinable init(duration: Int, timeWarp: Int, earliestStart: Int, latestStart: Int) {
        self.duration = duration
        self.timeWarp = timeWarp
        self.earliestStart = earliestStart
        self.latestStart = latestStart
    }

    /// A single visit: service time `service` starting within `[earliest, latest]`.
    @inlinable init(service: Int, earliest: Int, latest: Int) {
        self.init(duration: service, timeWarp: 0, earliestStart: earliest, latestStart: latest)
    }

    /// `self` followed by `other`, with travel time `travel` between them.
    @inlinable @inline(__always)
    func followed(by other: DurationSegment, travel: Int) -> DurationSegment {
        let delta = duration &- timeWarp &+ travel
        let wait = max(other.earliestStart &- delta &- latestStart, 0)
        let warp = max(earliestStart &+ delta &- other.latestStart, 0)
        return DurationSegment(
            duration: duration &+ other.duration &+ travel &+ wait,
            timeWarp: timeWarp &+ other.timeWarp &+ warp,
            earliestStart: max(other.earliestStart &- delta, earliestStart) &- wait,
            latestStart: min(other.latestStart &- delta, latestStart) &+ warp)
    }
}
