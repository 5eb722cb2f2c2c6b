/// A consecutive part of a route under evaluation: its end locations and the distance,
/// load and time data needed to price it. Concatenating two parts is O(1), which is what
/// makes every move evaluation O(1) (Vidal et al. 2014).
@usableFromInline
struct RouteSegment: Sendable {
    @usableFromInline var first: Int
    @usableFromInline var last: Int
    @usableFromInline var distance: Int
    @usableFromInline var load: LoadSegment
    @usableFromInline var time: DurationSegment

    @inlinable init(first: Int, last: Int, distance: Int, load: LoadSegment, time: DurationSegment) {
        self.first = first
        self.last = last
        self.distance = distance
        self.load = load
        self.time = time
    }
}
