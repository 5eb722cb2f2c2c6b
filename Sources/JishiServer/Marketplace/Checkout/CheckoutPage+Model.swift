import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The checkout form: what is bought (the cart, or one variant bought at once), where it goes
/// and how it is paid. The form carries an idempotency key made when it was drawn, so sending
/// it twice makes one checkout.
enum CheckoutPage {
    enum Field: String, CaseIterable, Sendable {
        case name, phone, village, address, method
    }

    struct Line: Equatable, Sendable {
        var shopName: String
        var title: String
        var variantName: String
        var quantity: Int
        var totalMinor: Int64
    }

    /// One variant bought at once, instead of the cart.
    struct Single: Equatable, Sendable {
        var variantID: UUID
        var quantity: Int
    }

    struct Model: Equatable, Sendable {
        var single: Single?
        var lines: [Line] = []
        var towns: [VillageMenu.Town] = []
        var key: String
        var name = ""
        var phone = ""
        /// A village of the county, or `nil` for an address outside it.
        var villageID: UUID?
        var address = ""
        var method: Checkout.PaymentMethod = .online
        var errors: [Field: FormMessage] = [:]
        var failure: FormMessage?

        var totalMinor: Int64 { lines.reduce(0) { $0 + $1.totalMinor } }

    }
}

extension CheckoutPage.Model {
    /// The form for the cart (or for `single`), with the county's villages to choose from.
    static func load(
        single: CheckoutPage.Single?, key: String, principal: Principal, language: JishiKit.Language,
        services: JishiServices, on database: any Database
    ) async throws -> Self {
        var model = Self(single: single, key: key)
        if let single {
            let (product, variants) = try await services.catalog.product(
                try await productID(of: single.variantID, on: database), viewer: principal, on: database)
            guard let variant = variants.first(where: { $0.id == single.variantID }) else {
                throw Problem.notFound("The variant", field: "variant")
            }
            model.lines = [
                CheckoutPage.Line(
                    shopName: product.shop.name, title: product.title,
                    variantName: variant.label, quantity: single.quantity,
                    totalMinor: variant.priceMinor * Int64(single.quantity))
            ]
        } else {
            model.lines = try await services.cart.lines(of: principal, on: database).map { line in
                CheckoutPage.Line(
                    shopName: line.shop.name, title: line.product.title,
                    variantName: line.variant.label,
                    quantity: line.item.quantity, totalMinor: line.totalMinor)
            }
        }
        model.towns = try await VillageMenu.load(services.geography, language: language, on: database)
        return model
    }

    private static func productID(of variantID: UUID, on database: any Database) async throws -> UUID {
        guard let variant = try await Variant.find(variantID, on: database) else {
            throw Problem.notFound("The variant", field: "variant")
        }
        return variant.$product.id
    }

    /// Takes the submitted delivery and payment fields, with a message for each that cannot
    /// be used. The rules are the checkout service's; it checks again.
    mutating func take(_ form: FormValues) {
        name = form.trimmed("name")
        phone = form.trimmed("phone")
        address = form.trimmed("address")
        let village = form.trimmed("village")
        villageID = village.isEmpty ? nil : UUID(uuidString: village)
        if !village.isEmpty, villageID == nil || !towns.contains(where: { $0.villages.contains { $0.id == villageID } })
        {
            errors[.village] = FormMessage(.errorFieldInvalid)
        }
        if name.isEmpty {
            errors[.name] = FormMessage(.errorRequired)
        } else if name.count > 64 {
            errors[.name] = FormMessage(.errorTooLong, "64")
        }
        if phone.isEmpty {
            errors[.phone] = FormMessage(.errorRequired)
        } else if !(5...20).contains(phone.count)
            || !phone.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "+" || $0 == "-" || $0 == " " })
        {
            errors[.phone] = FormMessage(.errorPhone)
        }
        if address.isEmpty {
            errors[.address] = FormMessage(.errorRequired)
        } else if address.count > 200 {
            errors[.address] = FormMessage(.errorTooLong, "200")
        }
        if let chosen = Checkout.PaymentMethod(rawValue: form["method"]) {
            method = chosen
            if chosen == .cashAtStation, village.isEmpty { errors[.village] = FormMessage(.errorCashNeedsVillage) }
        } else {
            errors[.method] = FormMessage(.errorChooseOne)
        }
    }

    var delivery: DeliveryAddress {
        DeliveryAddress(name: name, phone: phone, villageID: villageID, addressLine: address)
    }
}
