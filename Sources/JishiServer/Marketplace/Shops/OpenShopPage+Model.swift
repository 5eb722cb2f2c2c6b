import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The form that opens a shop: its name, village and kind (a villager's own shop, or an
/// enterprise with a registered brand and licence).
enum OpenShopPage {
    enum Field: String, CaseIterable, Sendable {
        case name, description, village, kind, brandName, licenceNumber
    }

    struct Model: Equatable, Sendable {
        var towns: [VillageMenu.Town] = []
        var name = ""
        var description = ""
        var villageID: UUID?
        var kind: Shop.Kind = .individual
        var brandName = ""
        var licenceNumber = ""
        var errors: [Field: FormMessage] = [:]
    }
}

extension OpenShopPage.Model {
    /// Takes the submitted fields with a message for each that cannot be used; the rules are
    /// the shop service's (it checks again).
    mutating func take(_ form: FormValues) {
        name = form.trimmed("name")
        description = form.trimmed("description")
        brandName = form.trimmed("brandName")
        licenceNumber = form.trimmed("licenceNumber")
        if name.isEmpty {
            errors[.name] = FormMessage(.errorRequired)
        } else if name.count > FieldLimits.shopName.upperBound {
            errors[.name] = FormMessage(.errorTooLong, String(FieldLimits.shopName.upperBound))
        }
        if description.count > FieldLimits.shopDescription.upperBound {
            errors[.description] = FormMessage(.errorTooLong, String(FieldLimits.shopDescription.upperBound))
        }
        villageID = UUID(uuidString: form.trimmed("village"))
        if villageID == nil || !towns.contains(where: { $0.villages.contains { $0.id == villageID } }) {
            errors[.village] = FormMessage(.errorChooseOne)
        }
        if let chosen = Shop.Kind(rawValue: form["kind"]) {
            kind = chosen
        } else {
            errors[.kind] = FormMessage(.errorChooseOne)
        }
        if kind == .enterprise {
            if brandName.isEmpty {
                errors[.brandName] = FormMessage(.errorRequired)
            } else if brandName.count > 60 {
                errors[.brandName] = FormMessage(.errorTooLong, "60")
            }
            if !(6...40).contains(licenceNumber.count) {
                errors[.licenceNumber] = FormMessage(.errorLicence)
            }
        }
    }

    var opening: ShopService.Opening? {
        guard let villageID else { return nil }
        return ShopService.Opening(
            name: name, description: description, villageID: villageID, kind: kind,
            brandName: kind == .enterprise ? brandName : nil, licenceNumber: kind == .enterprise ? licenceNumber : nil)
    }
}
