import Foundation
import JishiKit

/// How the server's SVG maps place a point: north up, equirectangular (true enough over a
/// county), the points to show fitted into a square of `size` with `margin` on each side.
struct MapProjection: Sendable {
    private let west: Double
    private let north: Double
    private let squeeze: Double
    private let scale: Double
    private let margin: Double

    init(fitting points: [GeoPoint], size: Double, margin: Double) {
        let latitudes = points.map(\.latitude)
        let longitudes = points.map(\.longitude)
        let (south, north) = (latitudes.min() ?? 0, latitudes.max() ?? 0)
        let (west, east) = (longitudes.min() ?? 0, longitudes.max() ?? 0)
        squeeze = cos((south + north) / 2 * .pi / 180)
        let span = max((east - west) * squeeze, north - south, 1e-6)
        scale = (size - 2 * margin) / span
        self.west = west
        self.north = north
        self.margin = margin
    }

    func callAsFunction(_ point: GeoPoint) -> (x: Double, y: Double) {
        (margin + (point.longitude - west) * squeeze * scale, margin + (north - point.latitude) * scale)
    }
}
