import Foundation
import JishiKit
import Logistics
import Plot

/// Where a parcel is and where it has been, as the public tracking page, a buyer's order page
/// and a booking's page show it: newest event first, each with its place.
struct ParcelJourney: Equatable, Sendable {
    struct Row: Equatable, Sendable {
        var at: Date
        var kind: ParcelEvent.Kind
        var place: String?
        var note: String
    }

    enum Whereabouts: Equatable, Sendable {
        case node(String)
        case onTheWay
        case delivered
        case withCarrier
    }

    var parcelID: UUID
    var carrierName: String
    var trackingNumber: String
    var whereabouts: Whereabouts
    var destination: String
    /// Oldest first.
    var rows: [Row]

    init(_ tracking: ParcelService.Tracking, language: JishiKit.Language) {
        let parcel = tracking.parcel
        parcelID = parcel.id ?? UUID()
        carrierName = language == .zhHans ? tracking.carrier.name : tracking.carrier.nameEn
        trackingNumber = parcel.trackingNumber
        destination = tracking.nodes[parcel.$destination.id]?.name ?? ""
        switch parcel.currentHolder {
        case .node(let id)?: whereabouts = .node(tracking.nodes[id]?.name ?? "")
        case .run?: whereabouts = .onTheWay
        case .recipient?: whereabouts = .delivered
        case .carrier?, nil: whereabouts = .withCarrier
        }
        rows = tracking.events.map { event in
            var place: String?
            if let id = event.nodeID {
                place = tracking.nodes[id]?.name
            } else if case .node(let id)? = Holder(rawValue: event.toHolder) {
                place = tracking.nodes[id]?.name
            }
            return Row(at: event.at, kind: event.kind, place: place, note: event.kind == .failed ? event.note : "")
        }
    }

    func node(_ context: PageContext, extra: Node<HTML.BodyContext> = .empty) -> Node<HTML.BodyContext> {
        .section(
            .class("box"), .id("journey"),
            .h2(.safeText(carrierName + " " + trackingNumber)),
            Widgets.facts([
                (context.text(.trackingWhere), whereText(context)),
                (context.text(.trackingDestination), destination),
            ]),
            extra,
            .ol(
                .class("rows history"),
                .group(
                    rows.reversed().map { row in
                        .li(
                            .span(.class("when"), .safeText(context.time(row.at))),
                            .span(.class("t"), .safeText(context.text(Self.key(row.kind)))),
                            .unwrap(row.place) { .span(.class("meta"), .safeText($0)) },
                            .if(!row.note.isEmpty, .span(.class("meta"), .safeText(row.note))))
                    }))
        )
    }

    private func whereText(_ context: PageContext) -> String {
        switch whereabouts {
        case .node(let name): name
        case .onTheWay: context.text(.trackingOnTheWay)
        case .delivered: context.text(.trackingDelivered)
        case .withCarrier: context.text(.trackingWithCarrier)
        }
    }

    static func key(_ kind: ParcelEvent.Kind) -> L10nKey {
        switch kind {
        case .registered: .trackingEventRegistered
        case .handedOver: .trackingEventHandedOver
        case .failed: .trackingEventFailed
        case .delivered: .trackingEventDelivered
        case .returned: .trackingEventReturned
        case .sentBack: .trackingEventSentBack
        }
    }
}
