/// Moves `u` and its successor, in order, to just after `v` (Or 1976's Or-opt with segment length 2; (2, 0)-exchange).
/// O(1) between routes; O(distance between u and v) within a route when time windows or
/// pickups make the order matter.
enum OrOpt: NodeMove {
    static func delta(_ u: Int, _ v: Int, in search: LocalSearch) -> Int? {
        search.exchangeDelta(u, 2, v, 0)
    }

    static func apply(_ u: Int, _ v: Int, to search: inout LocalSearch) {
        search.applyExchange(u, 2, v, 0)
    }
}
