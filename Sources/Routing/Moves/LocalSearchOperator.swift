/// A local-search operator on a pair of nodes, as data: for each client `u` and each of its
/// granular neighbours `v`, the search tries the operators of its list in the list's order
/// and applies the first improving one. Each is implemented by a ``NodeMove``.
public enum NodeOperator: String, CaseIterable, Sendable, Hashable {
    /// Moves `u` after `v` (``Relocate``).
    case relocate
    /// Moves `u` and its successor after `v` (``OrOpt``).
    case orOpt = "or-opt"
    /// Exchanges `u` and `v` (``Swap``).
    case swap
    /// Exchanges `u` and its successor with `v` (``Swap21``).
    case swap21 = "swap(2,1)"
    /// Exchanges `u` and its successor with `v` and its successor (``Swap22``).
    case swap22 = "swap(2,2)"
    /// Reverses the path between `u` and `v` of one route (``TwoOpt``).
    case twoOpt = "2-opt"
    /// Exchanges the tails after `u` and `v` of two routes (``TwoOptStar``).
    case twoOptStar = "2-opt*"

    /// The order of Vidal 2022 and of the regression costs: relocate, Or-opt, swap,
    /// (2, 1) and (2, 2) swaps, 2-opt, 2-opt*.
    public static let standard: [NodeOperator] = allCases

    public var name: String { rawValue }

    /// Whether the operator can ever change a solution of `problem` as the search tries it:
    /// a swap needs two clients; Or-opt a third to move its pair behind; 2-opt a route of
    /// three (it never reverses from the depot); a (2, 1) swap three clients and a (2, 2)
    /// swap four; 2-opt* two vehicles. The search leaves out operators that cannot, which
    /// changes no result.
    public func supports(_ problem: ProblemData) -> Bool {
        switch self {
        case .relocate: return problem.clientCount >= 1
        case .swap: return problem.clientCount >= 2
        case .orOpt, .twoOpt, .swap21: return problem.clientCount >= 3
        case .swap22: return problem.clientCount >= 4
        case .twoOptStar: return problem.fleetSize >= 2
        }
    }

    /// Which pairs the operator applies to: `true` for pairs within one route only (2-opt),
    /// `false` for pairs in two routes only (2-opt*), `nil` for both. The search asks this
    /// before it prices a pair, which keeps the hot loop free of calls that would only
    /// answer `nil`.
    var withinOneRoute: Bool? {
        switch self {
        case .twoOpt: return true
        case .twoOptStar: return false
        case .relocate, .orOpt, .swap, .swap21, .swap22: return nil
        }
    }

    /// Whether the search also tries the operator with `v`'s route start depot in place of
    /// `v` when `v` is first in its route (inserting or splicing at a route's start).
    var triesRouteStart: Bool {
        switch self {
        case .relocate, .orOpt, .twoOptStar: return true
        case .swap, .swap21, .swap22, .twoOpt: return false
        }
    }
}

/// A local-search operator between two whole routes, as data: after each round of node
/// operators the search tries the operators of its list, in order, on every pair of
/// changed routes whose polar sectors overlap. Each is implemented by a ``RouteMove``.
public enum RouteOperator: String, CaseIterable, Sendable, Hashable {
    /// Exchanges a client of each route, each inserted at its best place in the other
    /// (``SwapStar``).
    case swapStar = "SWAP*"

    public static let standard: [RouteOperator] = allCases

    public var name: String { rawValue }

    /// Whether the operator can ever change a solution of `problem`: SWAP* needs two
    /// clients and two vehicles.
    public func supports(_ problem: ProblemData) -> Bool {
        switch self {
        case .swapStar: return problem.clientCount >= 2 && problem.fleetSize >= 2
        }
    }
}

extension LocalSearch {
    /// The change in penalised cost of `move` on `(u, v)`, or `nil` when it does not apply.
    @inline(__always)
    func delta(_ move: NodeOperator, _ u: Int, _ v: Int) -> Int? {
        switch move {
        case .relocate: return Relocate.delta(u, v, in: self)
        case .orOpt: return OrOpt.delta(u, v, in: self)
        case .swap: return Swap.delta(u, v, in: self)
        case .swap21: return Swap21.delta(u, v, in: self)
        case .swap22: return Swap22.delta(u, v, in: self)
        case .twoOpt: return TwoOpt.delta(u, v, in: self)
        case .twoOptStar: return TwoOptStar.delta(u, v, in: self)
        }
    }

    /// Performs `move` on `(u, v)`.
    mutating func apply(_ move: NodeOperator, _ u: Int, _ v: Int) {
        switch move {
        case .relocate: Relocate.apply(u, v, to: &self)
        case .orOpt: OrOpt.apply(u, v, to: &self)
        case .swap: Swap.apply(u, v, to: &self)
        case .swap21: Swap21.apply(u, v, to: &self)
        case .swap22: Swap22.apply(u, v, to: &self)
        case .twoOpt: TwoOpt.apply(u, v, to: &self)
        case .twoOptStar: TwoOptStar.apply(u, v, to: &self)
        }
    }

    /// Finds and applies `move`'s best improving instance between routes `a` and `b`.
    @inline(__always)
    mutating func improve(_ move: RouteOperator, _ a: Int, _ b: Int) -> Bool {
        switch move {
        case .swapStar: return SwapStar.improve(a, b, in: &self)
        }
    }
}
