/// Exchanges clients `u` and `v` (the classic swap; (1, 1)-exchange).
/// O(1) between routes; O(distance between u and v) within a route when time windows or
/// pickups make the order matter.
enum Swap: NodeMove {
    static func delta(_ u: Int, _ v: Int, in search: LocalSearch) -> Int? {
        search.exchangeDelta(u, 1, v, 1)
    }

    static func apply(_ u: Int, _ v: Int, to search: inout LocalSearch) {
        search.applyExchange(u, 1, v, 1)
    }
}
