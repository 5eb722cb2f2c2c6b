/// Counter-based randomness: every draw is a hash of (seed, run, village, year, household,
/// purpose), not the next number of a stream. Two scenarios run with the same seed therefore
/// give a household the same luck in the same year whatever else differs between them, which
/// is what makes a lever's paired difference small-banded (common random numbers), and the
/// output is the same on every machine and in any order of work.
struct Draws: Sendable {
    let key: UInt64

    init(seed: UInt64, run: Int, village: Int) {
        key = Self.mix(
            Self.mix(seed ^ 0x6A09_E667_F3BC_C908) &+ UInt64(truncatingIfNeeded: run) &* 0x9E37_79B9_7F4A_7C15
                &+ UInt64(truncatingIfNeeded: village) &* 0xD1B5_4A32_D192_ED03)
    }

    /// What a draw is for; each purpose is its own independent number.
    enum Purpose: UInt64 {
        case potential = 1
        case reach, skill, capital, kin, open, month, orders, ordersPair, close, pick, returnee, outside
    }

    /// SplitMix64's finaliser: a bijective mix of 64 bits.
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    @inline(__always) func uniform(_ purpose: Purpose, year: Int = 0, index: Int = 0) -> Double {
        let bits = Self.mix(
            key &+ purpose.rawValue &* 0xA076_1D64_78BD_642F &+ UInt64(truncatingIfNeeded: year)
                &* 0xE703_7ED1_A0B4_28DB
                &+ UInt64(truncatingIfNeeded: index) &* 0x8EBC_6AF0_9C88_C6E3)
        return Double(bits >> 11) * 0x1p-53
    }

    /// A standard normal number (Box–Muller on two uniforms).
    func normal(_ purpose: Purpose, _ pair: Purpose, year: Int = 0, index: Int = 0) -> Double {
        let u = max(uniform(purpose, year: year, index: index), 0x1p-53)
        let v = uniform(pair, year: year, index: index)
        return (-2 * Math.log(u)).squareRoot() * Math.cos(2 * Double.pi * v)
    }
}
