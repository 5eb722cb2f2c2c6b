import Community
import Foundation
import JishiKit
import Logistics

/// The network page: every node by town, a form to add one; and one node's own form.
enum NetworkPage {
    enum Field: String, CaseIterable, Sendable {
        case code, kind, name, villageId, townId, opens, closes, shelfCapacity, operatorName
    }

    struct Row: Equatable, Sendable {
        var id: UUID
        var code: String
        var kind: NetworkNode.Kind
        var name: String
        var village: String?
        var hours: String
        var shelfCapacity: Int
        var active: Bool
    }

    struct Model: Sendable {
        /// Rows under their town's name.
        var towns: [(name: String, rows: [Row])] = []
        var villageMenu: [VillageMenu.Town] = []
        var townChoices: [(id: String, name: String)] = []
        /// The node the form changes; `nil` for a new one.
        var editing: UUID?
        var fields: [Field: String] = [:]
        var active = true
        var errors: [Field: FormMessage] = [:]
        var failure: FormMessage?
        var notice: Bool = false
    }
}

extension NetworkPage.Model {
    /// The form's fields as typed, read into the service's input; `nil` (with messages) when a
    /// field cannot be read. The service checks the rest and names the field it refuses.
    mutating func take(_ form: FormValues) -> NetworkService.NodeInput? {
        for field in NetworkPage.Field.allCases { fields[field] = form.trimmed(field.rawValue) }
        active = editing == nil || form.isChecked("active")
        let kind = NetworkNode.Kind(rawValue: fields[.kind] ?? "")
        if kind == nil { errors[.kind] = FormMessage(.errorChooseOne) }
        for field in [NetworkPage.Field.code, .name] where (fields[field] ?? "").isEmpty {
            errors[field] = FormMessage(.errorRequired)
        }
        let opens = OpeningHours.minutes(fields[.opens] ?? "")
        let closes = OpeningHours.minutes(fields[.closes] ?? "")
        if opens == nil { errors[.opens] = FormMessage(.networkErrorTime) }
        if closes == nil { errors[.closes] = FormMessage(.networkErrorTime) }
        let shelves = FormInput.count(fields[.shelfCapacity] ?? "")
        if shelves == nil { errors[.shelfCapacity] = FormMessage(.errorStock, "100000") }
        let village = UUID(uuidString: fields[.villageId] ?? "")
        let town = UUID(uuidString: fields[.townId] ?? "")
        guard errors.isEmpty, let kind, let opens, let closes, let shelves else { return nil }
        return NetworkService.NodeInput(
            code: fields[.code] ?? "", kind: kind, name: fields[.name] ?? "", villageID: village,
            townID: village == nil ? town : nil, hours: OpeningHours(opens: opens, closes: closes),
            shelfCapacity: shelves, operatorName: fields[.operatorName] ?? "", active: active)
    }
}
