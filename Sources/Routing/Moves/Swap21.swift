/// Exchanges `u` and its successor with `v` ((2, 1)-exchange, Osman 1993; Vidal 2022's move 5).
/// O(1) between routes; O(distance between u and v) within a route when time windows or
/// pickups make the order matter.
enum Swap21: NodeMove {
    static func delta(_ u: Int, _ v: Int, in search: LocalSearch) -> Int? {
        search.exchangeDelta(u, 2, v, 1)
    }

    static func apply(_ u: Int, _ v: Int, to search: inout LocalSearch) {
        search.applyExchange(u, 2, v, 1)
    }
}
