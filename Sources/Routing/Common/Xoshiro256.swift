/// xoshiro256** pseudo-random generator (Blackman & Vigna 2018), seeded through
/// splitmix64: the one source of randomness of vehicle routing and station siting alike.
/// Fast, small and deterministic for a seed on every platform, which
/// `SystemRandomNumberGenerator` is not.
public struct Xoshiro256: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        var z = seed
        func splitmix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var r = x
            r = (r ^ (r >> 30)) &* 0xBF58_476D_1CE4_E5B9
            r = (r ^ (r >> 27)) &* 0x94D0_49BB_1331_11EB
            return r ^ (r >> 31)
        }
        s0 = splitmix(&z)
        s1 = splitmix(&z)
        s2 = splitmix(&z)
        s3 = splitmix(&z)
    }

    @inlinable @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Xoshiro256.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256.rotl(s3, 45)
        return result
    }

    /// Uniform integer in `0..<bound` (bound > 0), by Lemire's multiply-shift.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform integer in `0..<bound` (bound > 0) by the standard library's unbiased method
    /// (Lemire's, redrawing the rare biased draw): what the siting searches draw, so each of
    /// their runs stays what its seed made it.
    public mutating func unbiasedBelow(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next(upperBound: UInt64(bound)))
    }

    /// Uniform double in [0, 1).
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
