import Foundation

/// A WGS-84 position. Distances are great-circle (haversine) in whole metres.
public struct GeoPoint: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    public var isValid: Bool {
        (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }

    /// Great-circle distance in metres, rounded to the nearest metre.
    public func distance(to other: GeoPoint) -> Int {
        let earthRadius = 6_371_008.8
        let lat1 = latitude * .pi / 180
        let lat2 = other.latitude * .pi / 180
        let dLat = (other.latitude - latitude) * .pi / 180
        let dLon = (other.longitude - longitude) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        let c = 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
        return Int((earthRadius * c).rounded())
    }

    /// The point `north` metres north and `east` metres east of this one (flat-earth offset,
    /// accurate to well under a metre over a county's 40 km).
    public func offset(northMetres north: Double, eastMetres east: Double) -> GeoPoint {
        let metresPerDegreeLatitude = 111_320.0
        let metresPerDegreeLongitude = metresPerDegreeLatitude * cos(latitude * .pi / 180)
        return GeoPoint(
            latitude: latitude + north / metresPerDegreeLatitude,
            longitude: longitude + east / metresPerDegreeLongitude
        )
    }
}
