#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's elementary functions: the standard library has no logarithm of its own.
/// glibc's `exp`, `log` and `cos` are correctly rounded in the ranges used here, so runs agree
/// across Linux machines.
enum Math {
    @inline(__always) static func log(_ x: Double) -> Double { cLog(x) }
    @inline(__always) static func exp(_ x: Double) -> Double { cExp(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { cCos(x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
    @inline(__always) static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}

@inline(__always) private func cLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func cExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func cCos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
