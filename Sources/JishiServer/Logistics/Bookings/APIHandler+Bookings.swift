import Foundation
import JishiAPI
import JishiKit
import Logistics

extension APIHandler {
    func listBookings(_ input: Operations.ListBookings.Input) async throws -> Operations.ListBookings.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let bookings = try await request.jishi.bookings.bookings(for: principal, on: request.db)
        return .ok(.init(body: .json(try bookings.map(APIMapping.booking))))
    }

    func createBooking(_ input: Operations.CreateBooking.Input) async throws -> Operations.CreateBooking.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let booking = try await request.jishi.bookings.book(
            BookingService.Input(
                nodeCode: body.node, carrierCode: body.carrier, date: body.date, count: body.count,
                weightGrams: body.weightGrams, contents: body.contents),
            idempotencyKey: input.headers.idempotencyKey, by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.booking(booking))))
    }

    func getBooking(_ input: Operations.GetBooking.Input) async throws -> Operations.GetBooking.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let booking = try await request.jishi.bookings.booking(
            try Self.uuid(input.path.id, field: "id"), for: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.booking(booking))))
    }
}

extension APIMapping {
    static func booking(_ detail: BookingService.Detail) throws -> Components.Schemas.Booking {
        let booking = detail.booking
        return Components.Schemas.Booking(
            id: try booking.requireID().uuidString, node: detail.node.code, nodeName: detail.node.name,
            carrier: detail.carrier.code, date: booking.dueDate, count: booking.parcelCount,
            weightGrams: booking.weightGrams, contents: booking.contents, createdAt: booking.createdAt,
            parcels: try detail.parcels.map { parcel in
                let id = try parcel.requireID()
                return Components.Schemas.BookedParcel(
                    id: id.uuidString, trackingNumber: parcel.trackingNumber, weightGrams: parcel.weightGrams,
                    holder: parcel.holder, label: "/api/v1/parcels/\(id.uuidString.lowercased())/label")
            })
    }
}
