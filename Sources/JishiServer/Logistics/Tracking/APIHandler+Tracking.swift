import Community
import Foundation
import JishiAPI
import JishiKit
import Logistics
import Vapor

extension APIHandler {
    func trackParcel(_ input: Operations.TrackParcel.Input) async throws -> Operations.TrackParcel.Output {
        let request = try RequestContext.request()
        let tracking = try await request.jishi.parcels.track(
            carrierCode: input.path.carrier, trackingNumber: input.path.trackingNumber,
            phoneLast4: input.query.phoneLast4, on: request.db)
        return .ok(.init(body: .json(APIMapping.parcelTracking(tracking))))
    }

    func getParcel(_ input: Operations.GetParcel.Input) async throws -> Operations.GetParcel.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let tracking = try await request.jishi.parcels.parcel(
            try Self.uuid(input.path.parcelId, field: "parcelId"), by: principal, on: request.db)
        let parcel = tracking.parcel
        return .ok(
            .init(
                body: .json(
                    .init(
                        value1: APIMapping.parcelTracking(tracking),
                        value2: .init(
                            id: try parcel.requireID().uuidString, contactName: parcel.contactName,
                            contactPhone: parcel.contactPhone, codMinor: parcel.codMinor)))))
    }
}

extension APIMapping {
    static func parcelTracking(_ tracking: ParcelService.Tracking) -> Components.Schemas.ParcelTracking {
        let parcel = tracking.parcel
        func ref(_ id: UUID?) -> Components.Schemas.NodeRef? {
            id.flatMap { tracking.nodes[$0] }.map { .init(code: $0.code, name: $0.name) }
        }
        let holder: Components.Schemas.ParcelTracking.HolderPayload
        switch parcel.currentHolder {
        case .node(let id)?: holder = .init(kind: .node, node: ref(id))
        case .run?: holder = .init(kind: .run)
        case .recipient?: holder = .init(kind: .recipient)
        case .carrier?, nil: holder = .init(kind: .carrier)
        }
        return Components.Schemas.ParcelTracking(
            carrier: carrier(tracking.carrier), trackingNumber: parcel.trackingNumber,
            direction: parcel.direction == .inbound ? .inbound : .outbound, weightGrams: parcel.weightGrams,
            dueDate: parcel.dueDate, holder: holder,
            destination: ref(parcel.$destination.id) ?? .init(code: "", name: ""),
            events: tracking.events.map { event in
                let place: UUID? =
                    event.nodeID
                    ?? {
                        if case .node(let id)? = Holder(rawValue: event.toHolder) { return id }
                        return nil
                    }()
                return Components.Schemas.ParcelEventView(
                    sequence: event.sequence,
                    kind: Components.Schemas.ParcelEventView.KindPayload(rawValue: event.kind.rawValue) ?? .handedOver,
                    at: event.at, place: ref(place), note: event.kind == .failed ? event.note : nil)
            })
    }
}
