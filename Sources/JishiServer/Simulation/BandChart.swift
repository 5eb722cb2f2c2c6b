import Foundation
import Simulation

/// An ensemble's figure over the years drawn on the server as SVG: each series' mean as a line
/// and its 10th–90th percentiles as a shaded band behind it; a y axis from zero (or from below
/// the lowest p10 when a figure goes below zero) with gridlines at a round step, the first,
/// middle and last years under the x axis. Sized like `SVGChart` to fit a 360 px screen; every label escaped.
struct BandChart {
    struct Series {
        var label: String
        var colour: String
        /// One band a year (nil: no figure that year).
        var bands: [Band?]
        var dashed = false
    }

    var title: String
    var years: [Int]
    var series: [Series]
    /// Formats a y value for the axis.
    var format: (Double) -> String = BandChart.compact

    static let width = SVGChart.width
    static let height = SVGChart.height
    static let left = SVGChart.left
    static let right = SVGChart.right
    static let top = SVGChart.top
    static let bottom = SVGChart.bottom

    var svg: String {
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let bands = series.flatMap { $0.bands.compactMap { $0 } }
        let highest = max(0, bands.map { max($0.p90, $0.mean) }.max() ?? 0)
        let lowest = min(0, bands.map { min($0.p10, $0.mean) }.min() ?? 0)
        // Gridlines at a round step (1, 2 or 5 times a power of ten), three or four of them.
        let step = SVGChart.niceCeiling((highest - lowest) / 3)
        let topValue = max(step, (highest / step).rounded(.up) * step)
        let bottomValue = (lowest / step).rounded(.down) * step
        let steps = Int(((topValue - bottomValue) / step).rounded())
        let count = max(years.count, 1)
        func x(_ index: Int) -> Double {
            Self.left + (count == 1 ? plotWidth / 2 : plotWidth * Double(index) / Double(count - 1))
        }
        func y(_ value: Double) -> Double {
            let span = topValue - bottomValue
            return Self.top + plotHeight * (1 - (span == 0 ? 0 : (value - bottomValue) / span))
        }
        var parts = [
            "<svg class=\"chart band-chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" "
                + "aria-label=\"\(HTMLEscaping.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(HTMLEscaping.escape(title))</title>",
            "<rect width=\"100%\" height=\"100%\" fill=\"#fffdf8\"/>",
        ]
        for index in 0...steps {
            let value = bottomValue + step * Double(index)
            parts.append(
                "<line x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(y(value)))\" "
                    + "y2=\"\(f(y(value)))\" stroke=\"#e4ded2\" stroke-width=\"1\"/>")
            parts.append(
                "<text x=\"\(f(Self.left - 4))\" y=\"\(f(y(value) + 4))\" font-size=\"10\" text-anchor=\"end\" "
                    + "fill=\"#5a5f66\">\(HTMLEscaping.escape(format(value)))</text>")
        }
        // The last year ends at the plot's edge, so its label is anchored at its end.
        for index in Set([0, years.count / 2, years.count - 1]).sorted() where years.indices.contains(index) {
            let anchor = index == years.count - 1 && years.count > 1 ? "end" : "middle"
            parts.append(
                "<text x=\"\(f(x(index) + (anchor == "end" ? 6 : 0)))\" y=\"\(f(Self.height - 6))\" font-size=\"10\" "
                    + "text-anchor=\"\(anchor)\" fill=\"#5a5f66\">\(years[index])</text>")
        }
        // The bands first, so every mean line lies on top of every band.
        for line in series {
            let known = line.bands.enumerated().compactMap { index, band in band.map { (index, $0) } }
            guard !known.isEmpty else { continue }
            let upper = known.map { "\(f(x($0.0))),\(f(y($0.1.p90)))" }
            let lower = known.reversed().map { "\(f(x($0.0))),\(f(y($0.1.p10)))" }
            parts.append(
                "<polygon class=\"band\" fill=\"\(line.colour)\" fill-opacity=\"0.18\" stroke=\"none\" points=\""
                    + (upper + lower).joined(separator: " ") + "\"><title>"
                    + HTMLEscaping.escape(line.label + " p10–p90") + "</title></polygon>")
        }
        for line in series {
            let known = line.bands.enumerated().compactMap { index, band in band.map { (index, $0) } }
            guard !known.isEmpty else { continue }
            let points = known.map { "\(f(x($0.0))),\(f(y($0.1.mean)))" }
            parts.append(
                "<polyline class=\"series mean\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\""
                    + (line.dashed ? " stroke-dasharray=\"5 3\"" : "") + " points=\"" + points.joined(separator: " ")
                    + "\"><title>" + HTMLEscaping.escape(line.label) + "</title></polyline>")
            if known.count == 1 {
                parts.append(
                    "<circle cx=\"\(points[0].split(separator: ",")[0])\" cy=\"\(points[0].split(separator: ",")[1])\" "
                        + "r=\"3\" fill=\"\(line.colour)\"/>")
            }
        }
        parts.append(
            "<line x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" "
                + "stroke=\"#5a5f66\"/>")
        parts.append("</svg>")
        return parts.joined()
    }

    /// A y value as the axis writes it: 1.2M, 35k, 120, 0.5.
    static func compact(_ value: Double) -> String {
        let size = abs(value)
        if size >= 1_000_000 { return String(format: "%.1fM", value / 1_000_000) }
        if size >= 10_000 { return String(format: "%.0fk", value / 1000) }
        if size >= 10 || size == 0 || value == value.rounded() { return String(format: "%.0f", value) }
        return String(format: "%.1f", value)
    }
}
