import Foundation

/// Reads an instance file of any supported kind, guessing the kind from the contents
/// when not given: a TSPLIB header (`KEY : VALUE`) means CVRPLIB or VRPSPD, a `VEHICLE`
/// line means Solomon.
public enum InstanceReader {
    public static func read(path: String, kind: ProblemKind? = nil) throws(RoutingParseError) -> RoutingInstance {
        let text = try RoutingParseError.readText(path)
        let resolved = kind ?? guessKind(text)
        switch resolved {
        case .vrptw:
            return try SolomonReader().parse(text, file: path)
        case .cvrp, .vrpspd:
            var instance = try TSPLIBReader().parse(text, file: path)
            if resolved == .vrpspd && instance.kind != .vrpspd {
                throw RoutingParseError(
                    file: path, line: 0, field: "PICKUP_AND_DELIVERY_SECTION", message: "missing for --problem vrpspd")
            }
            instance.kind = resolved == .cvrp && instance.kind == .vrpspd ? .vrpspd : instance.kind
            return instance
        }
    }

    static func guessKind(_ text: String) -> ProblemKind {
        let head = text.prefix(4000)
        if head.contains("PICKUP_AND_DELIVERY_SECTION") || head.contains("VRPSPD") { return .vrpspd }
        if head.split(whereSeparator: \.isNewline).contains(where: {
            $0.trimmingCharacters(in: .whitespaces).uppercased() == "VEHICLE"
        }) {
            return .vrptw
        }
        return .cvrp
    }
}
