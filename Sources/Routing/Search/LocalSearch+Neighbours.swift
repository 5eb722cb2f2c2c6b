extension LocalSearch {
    /// Granular neighbourhood (Toth & Vigo 2003; Vidal 2022): for each client, the `count`
    /// clients closest by a proximity that adds, with time windows, weighted waiting and
    /// lateness incurred going from one to the other (weights 0.2 and 1 as in PyVRP).
    /// Returned as a flat list with start offsets (CSR). O(n² log n) once per problem.
    static func granularNeighbours(problem: ProblemData, count: Int) -> (start: [Int], list: [Int]) {
        let n = problem.clientCount
        let k = max(0, min(count, n - 1))
        var start = [0, 0]
        var list: [Int] = []
        list.reserveCapacity(n * k)
        var proximity: [(Int, Int)] = []
        proximity.reserveCapacity(n)
        guard n > 0 else { return ([0, 0], []) }
        for i in 1...n {
            proximity.removeAll(keepingCapacity: true)
            for j in 1...n where j != i {
                var value = problem.distance(i, j)
                if problem.hasTimeConstraints {
                    let travel = problem.duration(i, j)
                    let wait = problem.earliest[j] - travel - problem.serviceTimes[i] - problem.latest[i]
                    let late = problem.earliest[i] + problem.serviceTimes[i] + travel - problem.latest[j]
                    value += max(0, wait) / 5 + max(0, late)
                }
                proximity.append((value, j))
            }
            proximity.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            list += proximity.prefix(k).map(\.1)
            start.append(list.count)
        }
        return (start, list)
    }
}
