/// Load data of a consecutive part of a route, for simultaneous pickup and delivery.
///
/// `delivery` is what the part delivers (loaded at the depot), `pickup` what it collects,
/// `maxLoad` the largest load on board while serving it counting only its own goods.
/// Concatenation is O(1) (Vidal et al. 2014, "A unified solution framework for
/// multi-attribute vehicle routing problems"); for a CVRP `maxLoad == delivery`.
@usableFromInline
struct LoadSegment: Sendable, Equatable {
    @usableFromInline var delivery: Int
    @usableFromInline var pickup: Int
    @usableFromInline var maxLoad: Int

    @inlinable init(delivery: Int, pickup: Int, maxLoad: Int) {
        self.delivery = delivery
        self.pickup = pickup
        self.maxLoad = maxLoad
    }

    @inlinable init(delivery: Int, pickup: Int) {
        self.init(delivery: delivery, pickup: pickup, maxLoad: max(delivery, pickup))
    }

    static let empty = LoadSegment(delivery: 0, pickup: 0, maxLoad: 0)

    /// `self` followed by `other`: goods `other` delivers ride through `self`, goods `self`
    /// picks up ride through `other`.
    @inlinable @inline(__always)
    func followed(by other: LoadSegment) -> LoadSegment {
        LoadSegment(
            delivery: delivery &+ other.delivery, pickup: pickup &+ other.pickup,
            maxLoad: max(maxLoad &+ other.delivery, pickup &+ other.maxLoad))
    }
}
