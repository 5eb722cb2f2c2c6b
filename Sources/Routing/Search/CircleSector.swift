/// The smallest arc (in 16-bit polar angle units around the depot) covering a route's
/// clients; SWAP* only tries route pairs whose arcs overlap (Vidal 2022, section 4).
struct CircleSector: Sendable {
    var start = 0
    var end = 0

    static func positiveMod(_ value: Int) -> Int { ((value % 65536) + 65536) % 65536 }

    func contains(_ angle: Int) -> Bool {
        CircleSector.positiveMod(angle - start) <= CircleSector.positiveMod(end - start)
    }

    mutating func reset(_ angle: Int) {
        start = angle
        end = angle
    }

    /// Grows the arc minimally to include `angle`.
    mutating func extend(_ angle: Int) {
        guard !contains(angle) else { return }
        if CircleSector.positiveMod(angle - end) <= CircleSector.positiveMod(start - angle) {
            end = angle
        } else {
            start = angle
        }
    }

    static func overlap(_ a: CircleSector, _ b: CircleSector) -> Bool {
        positiveMod(b.start - a.start) <= positiveMod(a.end - a.start)
            || positiveMod(a.start - b.start) <= positiveMod(b.end - b.start)
    }
}
