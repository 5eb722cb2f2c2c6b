import Foundation
import JishiKit
import Logistics
import Plot

extension BookingPages {
    /// The sender's bookings, newest first, and the form to book a collection.
    struct ListView {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.bookingsTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.bookingsTitle))),
                    .p(.class("meta"), .safeText(context.text(.bookingsIntro))),
                    form,
                    .section(
                        .class("box"), .id("bookings"),
                        .h2(.safeText(context.text(.bookingsMine))),
                        model.bookings.isEmpty
                            ? .p(.class("meta"), .safeText(context.text(.bookingsNone)))
                            : .ul(.class("rows"), .group(model.bookings.map(row)))),
                ])
        }

        private func row(_ detail: BookingService.Detail) -> Node<HTML.ListContext> {
            let booking = detail.booking
            return .li(
                .a(
                    .class("row"), .href(booking.id.map { SitePath.booking.path($0) } ?? SitePath.bookings.path),
                    .span(.class("t"), .safeText(booking.dueDate + " · " + detail.node.name)),
                    .span(.class("meta"), .safeText(BookingPages.summary(detail, context)))))
        }

        private var form: Node<HTML.BodyContext> {
            func field(_ field: Field, _ label: L10nKey, kind: FormField.Kind = .text, hint: L10nKey? = nil)
                -> Node<HTML.FormContext>
            {
                FormField(
                    field, label, kind: kind, hint: hint, values: model.fields, errors: model.errors
                ).node(context)
            }
            return .form(
                .class("card"), .id("booking-form"), .method(.post), .action(SitePath.bookings.path), .novalidate(),
                .h2(.safeText(context.text(.bookingsNew))),
                .if(
                    !model.errors.isEmpty || model.failure != nil,
                    Widgets.alert((model.failure ?? FormMessage(.formErrorSummary)).text(context))),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("key"), .escaped("value", model.key)),
                field(
                    .node, .bookingsNode,
                    kind: .menu(
                        [FormField.MenuGroup(heading: nil, choices: [("", context.text(.bookingsChoose))])]
                            + model.nodeChoices), hint: .bookingsNodeHint),
                field(
                    .carrier, .bookingsCarrier,
                    kind: .menu([FormField.MenuGroup(heading: nil, choices: model.carrierChoices)])),
                FormField(
                    name: Field.date.rawValue, label: .bookingsDate, kind: .date, value: model.fields[.date] ?? "",
                    error: model.errors[.date]
                ).node(context),
                .p(.class("hint"), .safeText(context.text(.bookingsDateHint, model.today))),
                .div(
                    .class("pair"), .div(field(.count, .bookingsCount, kind: .number)),
                    .div(field(.weight, .bookingsWeight, kind: .decimal, hint: .bookingsWeightHint))),
                field(.contents, .bookingsContents, hint: .bookingsContentsHint),
                .button(.type(.submit), .class("button"), .id("book"), .safeText(context.text(.bookingsSubmit)))
            )
        }
    }

    /// One booking: what was booked, and each parcel with where it is and its label.
    struct DetailView {
        var detail: BookingService.Detail
        var done: Bool
        var context: PageContext

        var html: HTML {
            let booking = detail.booking
            let id = booking.id ?? UUID()
            return Layout.page(
                title: context.text(.bookingTitle), context: context,
                main: [
                    .if(done, Widgets.notice(context.text(.bookingsDone))),
                    Widgets.back(SitePath.bookings.path, context.text(.bookingsTitle)),
                    .h1(.safeText(context.text(.bookingTitle))),
                    .section(
                        .class("box"),
                        Widgets.facts([
                            (context.text(.bookingsNode), detail.node.name + " (" + detail.node.code + ")"),
                            (
                                context.text(.bookingsCarrier),
                                context.language == .zhHans ? detail.carrier.name : detail.carrier.nameEn
                            ),
                            (context.text(.bookingsDate), booking.dueDate),
                            (context.text(.bookingsContents), BookingPages.summary(detail, context)),
                        ]),
                        .p(
                            .a(
                                .class("button"), .id("print-all"), .href(SitePath.bookingLabels.path(id)),
                                .safeText(context.text(.bookingPrintAll))))),
                    .section(
                        .class("box"), .id("booked-parcels"),
                        .h2(.safeText(context.text(.bookingParcels))),
                        .ul(.class("rows"), .group(detail.parcels.map(parcel)))),
                ])
        }

        private func parcel(_ parcel: Parcel) -> Node<HTML.ListContext> {
            let whereabouts: String =
                switch parcel.currentHolder {
                case .node?: context.text(.bookingAtNode, detail.node.name)
                case .run?: context.text(.bookingOnRun)
                case .carrier?, .recipient?, nil: context.text(.bookingWithCarrier)
                }
            return .li(
                .class("row"),
                .span(.class("t"), .safeText(parcel.trackingNumber)),
                .span(.class("meta"), .safeText(whereabouts)),
                .unwrap(parcel.id) {
                    .a(.href(SitePath.parcelLabel.path($0)), .safeText(context.text(.bookingLabel)))
                })
        }
    }

    /// "30 parcels of peaches · 2.5 kg each".
    static func summary(_ detail: BookingService.Detail, _ context: PageContext) -> String {
        return context.text(
            .bookingsSummary, context.number(detail.booking.parcelCount), detail.booking.contents,
            ParcelLabel.weightText(detail.booking.weightGrams))
    }
}
