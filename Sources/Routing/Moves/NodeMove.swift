/// A local-search move on a pair of nodes `(u, v)` taken from the granular neighbourhood
/// (`v` is one of `u`'s closest clients, or a depot node standing for a route's start).
///
/// `delta` prices the move in O(1) from cached route segments (O(segment) only where the
/// order of a moved part must be re-walked) and returns the change in penalised cost, or
/// `nil` when the move does not apply to these nodes. `apply` performs it. The search
/// reaches each through its ``NodeOperator`` in the operator list.
protocol NodeMove {
    static func delta(_ u: Int, _ v: Int, in search: LocalSearch) -> Int?
    static func apply(_ u: Int, _ v: Int, to search: inout LocalSearch)
}

/// A move between two whole routes (e.g. SWAP*): finds and applies its best improving
/// instance for routes `a` and `b`, returning whether it changed anything. The search
/// reaches each through its ``RouteOperator``.
protocol RouteMove {
    static func improve(_ a: Int, _ b: Int, in search: inout LocalSearch) -> Bool
}
