import FluentKit
import Foundation

/// Where the county's service stations are, as role grants see them: the stations module
/// answers, so a grant of a station scope names a station that exists.
public protocol StationLookup: Sendable {
    /// The place of the station with this id (its county, town, village and the station
    /// itself); `nil` when there is no such station.
    func place(ofStation id: UUID, on database: any Database) async throws -> Place?
}
