import Foundation

/// A small chart drawn on the server as SVG: lines or bars over periods, a zero-based y axis
/// with three gridlines, the first, middle and last periods named under the x axis, and an
/// optional dashed reference line (the 10 % of households). Sized to fit a 360 px screen; every
/// label escaped.
struct SVGChart {
    struct Series {
        var label: String
        var colour: String
        var values: [Double]
    }

    enum Style {
        case lines, bars
    }

    static let width = 320.0
    static let height = 170.0
    static let left = 44.0
    static let right = 8.0
    static let top = 10.0
    static let bottom = 22.0

    var title: String
    var periods: [String]
    var series: [Series]
    var style: Style = .lines
    /// Formats a y value for the axis.
    var format: (Double) -> String = { value in
        value >= 1_000_000
            ? String(format: "%.1fM", value / 1_000_000)
            : value >= 10_000 ? String(format: "%.0fk", value / 1000) : String(format: "%.0f", value)
    }
    var reference: (value: Double, label: String)?

    var svg: String {
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let highest = max(series.flatMap(\.values).max() ?? 0, reference?.value ?? 0)
        let top = Self.niceCeiling(highest)
        let count = max(periods.count, 1)
        func x(_ index: Int) -> Double {
            style == .bars
                ? Self.left + plotWidth * (Double(index) + 0.5) / Double(count)
                : Self.left + (count == 1 ? plotWidth / 2 : plotWidth * Double(index) / Double(count - 1))
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (top == 0 ? 0 : value / top)) }
        var parts = [
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" "
                + "aria-label=\"\(HTMLEscaping.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(HTMLEscaping.escape(title))</title>",
            "<rect width=\"100%\" height=\"100%\" fill=\"#fffdf8\"/>",
        ]
        for step in 0...3 {
            let value = top * Double(step) / 3
            parts.append(
                "<line x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(y(value)))\" "
                    + "y2=\"\(f(y(value)))\" stroke=\"#e4ded2\" stroke-width=\"1\"/>")
            parts.append(
                "<text x=\"\(f(Self.left - 4))\" y=\"\(f(y(value) + 4))\" font-size=\"10\" text-anchor=\"end\" "
                    + "fill=\"#5a5f66\">\(HTMLEscaping.escape(format(value)))</text>")
        }
        for index in Set([0, periods.count / 2, periods.count - 1]).sorted() where periods.indices.contains(index) {
            parts.append(
                "<text x=\"\(f(x(index)))\" y=\"\(f(Self.height - 6))\" font-size=\"10\" text-anchor=\"middle\" "
                    + "fill=\"#5a5f66\">\(HTMLEscaping.escape(periods[index]))</text>")
        }
        switch style {
        case .bars:
            let group = plotWidth / Double(count) * 0.8
            let each = group / Double(max(series.count, 1))
            for (which, line) in series.enumerated() {
                parts.append("<g class=\"series\" fill=\"\(line.colour)\">")
                for (index, value) in line.values.enumerated() {
                    let left = x(index) - group / 2 + each * Double(which)
                    parts.append(
                        "<rect x=\"\(f(left))\" y=\"\(f(y(value)))\" width=\"\(f(max(each - 0.5, 0.5)))\" "
                            + "height=\"\(f(y(0) - y(value)))\"><title>"
                            + HTMLEscaping.escape(line.label + " " + periods[index] + ": " + format(value))
                            + "</title></rect>")
                }
                parts.append("</g>")
            }
        case .lines:
            for line in series {
                let points = line.values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }
                parts.append(
                    "<polyline class=\"series\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\" points=\""
                        + points.joined(separator: " ") + "\"><title>" + HTMLEscaping.escape(line.label)
                        + "</title></polyline>")
            }
        }
        if let reference {
            parts.append(
                "<line x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(y(reference.value)))\" "
                    + "y2=\"\(f(y(reference.value)))\" stroke=\"#b23a1e\" stroke-dasharray=\"4 3\"><title>"
                    + HTMLEscaping.escape(reference.label) + "</title></line>")
        }
        parts.append(
            "<line x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" "
                + "stroke=\"#5a5f66\"/>")
        parts.append("</svg>")
        return parts.joined()
    }

    /// A round number at or above `value` (1, 2 or 5 times a power of ten) for the axis's top.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }
}
