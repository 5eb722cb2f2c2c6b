import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func villageSummary(_ village: Village) throws -> Components.Schemas.VillageSummary {
        Components.Schemas.VillageSummary(
            id: try village.requireID().uuidString, townId: village.$town.id.uuidString, code: village.code,
            kind: Components.Schemas.VillageSummary.KindPayload(rawValue: village.kind.rawValue) ?? .administrative,
            name: village.name,
            nameEn: village.nameEn, location: .init(latitude: village.latitude, longitude: village.longitude),
            householdCount: village.householdCount,
            specialty: Components.Schemas.Specialty(rawValue: village.specialty.rawValue) ?? .mixed)
    }
}
