/// Exchanges `u` and its successor with `v` and its successor ((2, 2)-exchange, Osman 1993; Vidal 2022's move 6).
/// O(1) between routes; O(distance between u and v) within a route when time windows or
/// pickups make the order matter.
enum Swap22: NodeMove {
    static func delta(_ u: Int, _ v: Int, in search: LocalSearch) -> Int? {
        search.exchangeDelta(u, 2, v, 2)
    }

    static func apply(_ u: Int, _ v: Int, to search: inout LocalSearch) {
        search.applyExchange(u, 2, v, 2)
    }
}
