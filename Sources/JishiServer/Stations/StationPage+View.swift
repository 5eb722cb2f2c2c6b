import Community
import Foundation
import JishiKit
import Logistics
import Marketplace
import Plot
import Stations

extension StationPages {
    /// The stations the viewer keeps or oversees, each with its drawer and its last close.
    struct ListView {
        var rows: [CashService.Summary]
        /// Each station's commission this month.
        var commissions: [UUID: Int64]
        /// The year's training, for officials and admins.
        var training: TrainingService.Totals?
        /// The counties whose agents' commission rate the viewer sets (their admins), with the
        /// rate in force.
        var terms: [(county: County, basisPoints: Int)] = []
        var notice: L10nKey?
        var failure: String?
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.stationsTitle), context: context,
                main: [
                    .unwrap(notice) { Widgets.notice(context.text($0)) },
                    .unwrap(failure) { Widgets.alert($0) },
                    StationOffline.nodes(context),
                    .h1(.safeText(context.text(.stationsTitle))),
                    .p(.class("meta"), .safeText(context.text(.stationsIntro))),
                    .group(terms.map(termsForm)),
                    .unwrap(training) { totals in
                        .p(
                            .id("training-totals"),
                            .safeText(
                                context.text(
                                    .stationsTrainingTotals, String(totals.year), context.number(totals.personTimes),
                                    context.number(totals.sessions), context.number(totals.target))))
                    },
                    rows.isEmpty
                        ? .p(.class("meta"), .id("no-stations"), .safeText(context.text(.stationsNone)))
                        : .ul(.class("rows"), .id("station-list"), .group(rows.map(row))),
                ])
        }

        private func termsForm(_ terms: (county: County, basisPoints: Int)) -> Node<HTML.BodyContext> {
            let county = terms.county.id ?? UUID()
            let name = context.language == .en ? terms.county.nameEn : terms.county.name
            return .form(
                .class("card"), .method(.post), .id("terms-\(county.uuidString.prefix(8).lowercased())"),
                .action(SitePath.stationTerms.path),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("county"), .value(county.uuidString)),
                .h2(.safeText(context.text(.stationsTerms, name))),
                FormField(
                    name: "rate", label: .stationsTermsRate, kind: .decimal,
                    value: PageContext.percent(terms.basisPoints), hint: .stationsTermsHint, id: "commission-rate"
                ).node(context),
                .button(
                    .type(.submit), .class("button"), .id("save-terms"), .safeText(context.text(.stationsTermsSave))))
        }

        private func row(_ row: CashService.Summary) -> Node<HTML.ListContext> {
            let close = row.lastClose.map { close in
                context.text(
                    .stationsLastClose, close.businessDay,
                    close.differenceMinor == 0
                        ? context.money(close.countedMinor)
                        : context.text(
                            .stationDifference, context.money(close.differenceMinor), close.explanation ?? ""))
            }
            return .li(
                .a(
                    .class("row"), .id("station-\(row.node.code)"),
                    .href(row.node.id.map { SitePath.station.path($0) } ?? SitePath.stations.path),
                    .span(.class("t"), .safeText(row.node.name + " · " + row.node.code)),
                    .span(
                        .class("meta"),
                        .safeText(
                            context.text(.stationsDrawerShort, context.money(row.balanceMinor)) + " · "
                                + (close ?? context.text(.stationsNoClose)) + " · "
                                + context.text(
                                    .stationsCommissionShort,
                                    context.money(row.node.id.flatMap { commissions[$0] } ?? 0))))))
        }
    }

    /// One station's counter: its villagers (masked for officials), its drawer, and the close.
    struct CounterView {
        var model: Model
        var context: PageContext

        var html: HTML {
            let node = model.node
            return Layout.page(
                title: node.name, context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0)) },
                    StationOffline.nodes(context),
                    Widgets.back(SitePath.stations.path, context.text(.stationsTitle)),
                    .h1(.safeText(node.name)),
                    .p(
                        .class("meta"),
                        .safeText(
                            node.code + " · "
                                + context.text(
                                    .stationHours, OpeningHours.clock(node.opensAt), OpeningHours.clock(node.closesAt)))
                    ),
                    .if(
                        !model.errors.isEmpty || model.failure != nil,
                        Widgets.alert((model.failure ?? FormMessage(.formErrorSummary)).text(context))),
                    .if(
                        model.isAgent,
                        .p(
                            .a(
                                .class("button secondary"), .id("assisted-link"),
                                .href(SitePath.stationAssisted.path(node.id ?? UUID())),
                                .safeText(context.text(.stationAssistedLink))),
                            .text(" "),
                            .a(
                                .class("button secondary"), .id("consign-link"),
                                .href(SitePath.stationConsignments.path(node.id ?? UUID())),
                                .safeText(context.text(.stationConsignLink))))),
                    .if(model.isAgent, parcels),
                    drawer,
                    .if(model.isAgent && !model.closedToday, closeForm),
                    closes,
                    services,
                    training,
                    .unwrap(model.demand, demand),
                    commission,
                    villagers,
                    .if(model.isAgent, registerForm),
                ])
        }

        private var parcels: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id("parcels"),
                .h2(.safeText(context.text(.stationParcels))),
                inbound.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.stationNoParcels)))
                    : .ul(.class("rows"), .group(inbound.map(parcel))),
                .if(
                    overdue > 0,
                    Widgets.postButton(
                        SitePath.stationSendBack.path(model.node.id ?? UUID()),
                        context.text(.stationSendBack, context.number(overdue)), context: context, id: "send-back",
                        style: "button secondary")),
                .if(
                    !outbound.isEmpty,
                    .element(
                        named: "details",
                        nodes: [
                            .id("outbound"),
                            .element(
                                named: "summary",
                                nodes: [
                                    .safeText(
                                        context.text(.stationOutbound) + " · " + context.number(outbound.count))
                                ]),
                            .ul(.class("rows"), .group(outbound.map(parcel))),
                        ])))
        }

        private var inbound: [CounterService.Held] { model.parcels.filter { $0.parcel.direction == .inbound } }
        private var outbound: [CounterService.Held] { model.parcels.filter { $0.parcel.direction == .outbound } }
        private var overdue: Int { model.parcels.filter(\.overdue).count }

        private func parcel(_ held: CounterService.Held) -> Node<HTML.ListContext> {
            let parcel = held.parcel
            let id = parcel.id ?? UUID()
            let tag = parcel.trackingNumber
            let summary = [
                parcel.trackingNumber, parcel.contactName, parcel.contactPhone.map { PhoneNumber(stored: $0).masked },
            ].compactMap { $0 }.joined(separator: " · ")
            guard parcel.direction == .inbound else {
                return .li(
                    .class("row parcel"), .id("parcel-\(tag)"), .span(.class("t"), .safeText(summary)),
                    .span(.class("meta"), .safeText(context.text(.stationOutbound))))
            }
            let mine = model.handingOut == id
            let values = mine ? model.fields : [:]
            let errors = mine ? model.errors : [:]
            let cod = parcel.codMinor ?? 0
            return .li(
                .class("parcel"), .id("parcel-\(tag)"),
                .element(
                    named: "details",
                    nodes: [
                        .class("box"), .if(mine, .attribute(named: "open")),
                        .element(
                            named: "summary",
                            nodes: [
                                .safeText(summary),
                                .if(cod > 0, .span(.class("tag"), .safeText(" " + context.money(cod)))),
                                .span(
                                    .class("tag"),
                                    .safeText(
                                        " "
                                            + (held.arrival.map { context.text(.stationShelfTag, $0.shelf) }
                                                ?? context.text(.stationArrivalUnconfirmed)))),
                                .if(held.overdue, .span(.class("tag"), .safeText(" " + context.text(.stationOverdue)))),
                            ]),
                        .form(
                            .class("qrow"), .method(.post),
                            .action(SitePath.stationArrival.path(model.node.id ?? UUID(), id)), .novalidate(),
                            Layout.csrfField(context),
                            .input(
                                .type(.text), .class("in"), .name("shelf"), .id("shelf-\(tag)"),
                                .escaped("value", values[.shelf] ?? held.arrival?.shelf ?? ""),
                                .attribute(named: "placeholder", value: context.text(.stationShelf)),
                                .attribute(named: "aria-label", value: context.text(.stationShelf))),
                            .button(
                                .type(.submit), .class("button secondary"), .id("arrive-\(tag)"),
                                .safeText(
                                    context.text(held.arrival == nil ? .stationConfirmArrival : .stationMoveShelf)))),
                        .unwrap(errors[.shelf]) {
                            .p(.class("error"), .id("shelf-\(tag)-error"), .safeText($0.text(context)))
                        },
                        .form(
                            .method(.post), .action(SitePath.stationHandOut.path(model.node.id ?? UUID(), id)),
                            .novalidate(),
                            Layout.csrfField(context),
                            .input(.type(.hidden), .name("key"), .escaped("value", model.handOutKey)),
                            FormField(
                                Field.proof, .stationProof,
                                kind: .menu([
                                    .init(
                                        heading: nil,
                                        choices: [
                                            (CounterHandout.Proof.phone.rawValue, context.text(.stationProofPhone)),
                                            (CounterHandout.Proof.idCard.rawValue, context.text(.stationProofID)),
                                        ])
                                ]), values: values, errors: errors, id: "proof-\(tag)"
                            ).node(context),
                            FormField(
                                Field.digits, .stationDigits, kind: .text, values: values, errors: errors,
                                id: "digits-\(tag)"
                            ).node(context),
                            FormField(
                                Field.signature, .stationSignature, hint: .stationSignatureHint, values: values,
                                errors: errors, id: "signature-\(tag)"
                            ).node(context),
                            .if(
                                cod > 0,
                                .label(
                                    .class("check"),
                                    .input(
                                        .type(.checkbox), .name("cod"), .value("taken"), .id("cod-\(tag)"),
                                        .checked(values[.cod] == "taken")),
                                    .safeText(context.text(.stationCODTaken, context.money(cod))))),
                            .unwrap(errors[.cod]) { .p(.class("error"), .safeText($0.text(context))) },
                            .button(
                                .type(.submit), .class("button"), .id("hand-out-\(tag)"),
                                .safeText(context.text(.stationHandOut)))),
                    ]))
        }

        private var drawer: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id("drawer"),
                .h2(.safeText(context.text(.stationDrawer))),
                .p(
                    .id("balance"),
                    .strong(.safeText(context.text(.stationBalance, context.money(model.drawer.balanceMinor))))),
                .p(.class("meta"), .safeText(context.text(.stationDeposit, context.money(model.drawer.depositMinor)))),
                .h3(.safeText(context.text(.stationEntries))),
                model.drawer.entries.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.stationNoEntries)))
                    : .ul(.class("rows"), .id("entries"), .group(model.drawer.entries.map(entry))))
        }

        private func entry(_ entry: CashEntry) -> Node<HTML.ListContext> {
            let sign: Int64 =
                entry.debitAccount == .drawer ? 1 : entry.creditAccount == .drawer ? -1 : 0
            let amount = (sign > 0 ? "+" : sign < 0 ? "−" : "") + context.money(entry.amountMinor)
            return .li(
                .class("row entry"), .data(named: "kind", value: entry.kind.rawValue),
                .span(.class("t"), .safeText(Self.kindText(entry.kind, context) + " " + amount)),
                .span(
                    .class("meta"),
                    .safeText(context.time(entry.at) + " · " + entry.reason)))
        }

        private var closes: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id("closes"),
                .h2(.safeText(context.text(.stationCloses))),
                model.closes.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.stationNoCloses)))
                    : .ul(.class("rows"), .group(model.closes.map(close))))
        }

        private func close(_ close: CashClose) -> Node<HTML.ListContext> {
            let id = close.id ?? UUID()
            return .li(
                .class("row"), .id("close-\(close.businessDay)"),
                .span(
                    .class("t"),
                    .safeText(
                        context.text(
                            .stationCloseLine, close.businessDay, context.money(close.expectedMinor),
                            context.money(close.countedMinor), context.money(close.countedMinor - close.keptMinor)))),
                .if(
                    close.differenceMinor != 0,
                    .span(
                        .class("error"),
                        .safeText(
                            context.text(
                                .stationDifference, context.money(close.differenceMinor), close.explanation ?? "")))),
                .span(
                    .class("meta"),
                    .safeText(context.text(close.confirmedAt == nil ? .stationUnconfirmed : .stationConfirmed))),
                .if(
                    model.confirms && close.confirmedAt == nil,
                    Widgets.postButton(
                        SitePath.stationConfirmClose.path(model.node.id ?? UUID(), id), context.text(.stationConfirm),
                        context: context, id: "confirm-\(close.businessDay)", style: "button secondary")))
        }

        /// The services desk: the requests (open ones with their done and failed forms) and the
        /// form that takes a new one.
        private var services: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id("services"),
                .h2(.safeText(context.text(.stationServices))),
                model.services.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.stationNoServices)))
                    : .ul(.class("rows"), .id("service-requests"), .group(model.services.map(serviceRequest))),
                .if(model.isAgent, serviceForm))
        }

        private func serviceRequest(_ request: ServiceRequest) -> Node<HTML.ListContext> {
            let id = request.id ?? UUID()
            let tag = String(id.uuidString.prefix(8)).lowercased()
            let line = context.text(
                .stationServiceLine, Self.serviceText(request.kind, context), request.details,
                context.money(request.feeMinor))
            let status: String =
                switch request.status {
                case .open: context.text(.stationServiceOpen)
                case .done: context.text(.stationServiceDoneTag, request.receipt ?? "")
                case .failed: context.text(.stationServiceFailedTag, request.failure ?? "")
                }
            guard request.status == .open, model.isAgent else {
                return .li(
                    .class("row service"), .id("service-\(tag)"), .span(.class("t"), .safeText(line)),
                    .span(.class("meta"), .safeText(status)))
            }
            let mine = model.finishing == id
            let values = mine ? model.fields : [:]
            let errors = mine ? model.errors : [:]
            let station = model.node.id ?? UUID()
            return .li(
                .class("service"), .id("service-\(tag)"),
                .element(
                    named: "details",
                    nodes: [
                        .class("box"), .if(mine, .attribute(named: "open")),
                        .element(
                            named: "summary",
                            nodes: [.safeText(line), .span(.class("tag"), .safeText(" " + status))]),
                        .form(
                            .method(.post), .action(SitePath.stationServiceDone.path(station, id)), .novalidate(),
                            Layout.csrfField(context),
                            FormField(
                                Field.receipt, .stationServiceReceipt, values: values, errors: errors,
                                id: "receipt-\(tag)"
                            ).node(context),
                            .button(
                                .type(.submit), .class("button"), .id("service-done-\(tag)"),
                                .safeText(context.text(.stationServiceDone)))),
                        .form(
                            .method(.post), .action(SitePath.stationServiceFailed.path(station, id)), .novalidate(),
                            Layout.csrfField(context),
                            FormField(
                                Field.reason, .stationServiceReason, values: values, errors: errors,
                                id: "reason-\(tag)"
                            ).node(context),
                            .button(
                                .type(.submit), .class("button secondary"), .id("service-failed-\(tag)"),
                                .safeText(context.text(.stationServiceFail)))),
                    ]))
        }

        private var serviceForm: Node<HTML.BodyContext> {
            let values = model.finishing == nil ? model.fields : [:]
            let errors = model.finishing == nil ? model.errors : [:]
            let kinds = ServiceRequest.Kind.allCases.map { ($0.rawValue, Self.serviceText($0, context)) }
            let villagers =
                [("", context.text(.stationServiceNobody))]
                + model.villagers.compactMap { villager in villager.id.map { ($0.uuidString, villager.name) } }
            return .form(
                .id("service-form"), .method(.post),
                .action(SitePath.stationServices.path(model.node.id ?? UUID())), .novalidate(),
                .h3(.safeText(context.text(.stationServiceNew))),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("key"), .escaped("value", model.serviceKey)),
                FormField(
                    Field.serviceKind, .stationServiceKind, kind: .menu([.init(heading: nil, choices: kinds)]),
                    values: values, errors: errors
                ).node(context),
                FormField(
                    Field.villager, .stationServiceVillager, kind: .menu([.init(heading: nil, choices: villagers)]),
                    values: values, errors: errors
                ).node(context),
                FormField(
                    Field.details, .stationServiceDetails, hint: .stationServiceDetailsHint, values: values,
                    errors: errors
                ).node(context),
                FormField(
                    Field.fee, .stationServiceFee, kind: .decimal, hint: .stationServiceFeeHint, values: values,
                    errors: errors
                ).node(context),
                .button(
                    .type(.submit), .class("button"), .id("service-submit"),
                    .safeText(context.text(.stationServiceSubmit))))
        }

        static func serviceText(_ kind: ServiceRequest.Kind, _ context: PageContext) -> String {
            let key: L10nKey =
                switch kind {
                case .utilityBill: .stationServiceUtilityBill
                case .phoneTopUp: .stationServicePhoneTopUp
                case .trainTicket: .stationServiceTrainTicket
                case .governmentRegistration: .stationServiceRegistration
                case .remittance: .stationServiceRemittance
                }
            return context.text(key)
        }

        /// The station's training: each session with who attended and their certificate codes,
        /// a form per session to record another attendee, and the form that holds a session.
        private var training: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id("training"),
                .h2(.safeText(context.text(.stationTraining))),
                model.training.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.stationNoTraining)))
                    : .ul(.class("rows"), .id("training-sessions"), .group(model.training.map(trainingSession))),
                .p(
                    .a(
                        .id("check-certificate"), .href(SitePath.certificates.path),
                        .safeText(context.text(.certificatesTitle)))),
                .if(model.isAgent, trainingForm))
        }

        private func trainingSession(_ held: TrainingService.Held) -> Node<HTML.ListContext> {
            let id = held.session.id ?? UUID()
            let tag = String(id.uuidString.prefix(8)).lowercased()
            let mine = model.attending == id
            let attended = Set(held.attendance.compactMap(\.villagerID))
            let choices = model.villagers.compactMap { villager in
                villager.id.flatMap { attended.contains($0) ? nil : ($0.uuidString, villager.name) }
            }
            return .li(
                .class("training"), .id("training-\(tag)"),
                .p(
                    .strong(
                        .safeText(
                            context.text(
                                .stationTrainingLine, held.course?.title ?? "", held.session.day, held.session.place,
                                held.session.trainer)))),
                .p(
                    .class("meta"),
                    .safeText(
                        context.text(.stationTrainingAttended, context.number(held.attendance.count)) + "："
                            + held.attendance.map { attendee in
                                attendee.name + "（"
                                    + context.text(.stationTrainingCertificate, attendee.certificateCode)
                                    + "）"
                            }.joined(separator: "、"))),
                .if(
                    model.isAgent && !choices.isEmpty,
                    .form(
                        .method(.post),
                        .action(SitePath.stationTrainingAttend.path(model.node.id ?? UUID(), id)), .novalidate(),
                        Layout.csrfField(context),
                        FormField(
                            Field.attendee, .stationTrainingAttendee,
                            kind: .menu([.init(heading: nil, choices: choices)]),
                            values: mine ? model.fields : [:], errors: mine ? model.errors : [:],
                            id: "attendee-\(tag)"
                        ).node(context),
                        .button(
                            .type(.submit), .class("button secondary"), .id("attend-\(tag)"),
                            .safeText(context.text(.stationTrainingAttend))))))
        }

        private var trainingForm: Node<HTML.BodyContext> {
            let values = model.attending == nil ? model.fields : [:]
            let errors = model.attending == nil ? model.errors : [:]
            let courses = model.courses.compactMap { course in
                course.id.map { ($0.uuidString, course.title + " · " + String(course.hours) + "h") }
            }
            return .form(
                .id("training-form"), .method(.post),
                .action(SitePath.stationTraining.path(model.node.id ?? UUID())), .novalidate(),
                .h3(.safeText(context.text(.stationTrainingNew))),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("key"), .escaped("value", model.trainingKey)),
                FormField(
                    Field.course, .stationTrainingCourse, kind: .menu([.init(heading: nil, choices: courses)]),
                    values: values, errors: errors
                ).node(context),
                FormField(Field.day, .stationTrainingDay, values: values, errors: errors).node(context),
                FormField(Field.place, .stationTrainingPlace, values: values, errors: errors).node(context),
                FormField(Field.trainer, .stationTrainingTrainer, values: values, errors: errors).node(context),
                .button(
                    .type(.submit), .class("button"), .id("training-submit"),
                    .safeText(context.text(.stationTrainingSubmit))))
        }

        /// The market-demand report: searches that found nothing, the most searched, and sales by
        /// category against the same month a year before and the town's own.
        private func demand(_ report: DemandReport.Report) -> Node<HTML.BodyContext> {
            func searches(_ rows: [SearchDemand.Row], id: String, count: (SearchDemand.Row) -> Int) -> Node<
                HTML.BodyContext
            > {
                rows.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.demandNoSearches)))
                    : .ul(
                        .class("rows"), .id(id),
                        .group(
                            rows.map { row in
                                .li(
                                    .class("row"), .span(.class("t"), .safeText(row.query)),
                                    .span(
                                        .class("meta"),
                                        .safeText(context.text(.demandTimes, context.number(count(row))))))
                            }))
            }
            return .section(
                .class("box"), .id("demand"),
                .h2(.safeText(context.text(.demandTitle, report.month))),
                .p(.class("meta"), .safeText(context.text(.demandIntro))),
                .h3(.safeText(context.text(.demandUnmet))),
                searches(report.unmet, id: "demand-unmet", count: \.empty),
                .h3(.safeText(context.text(.demandSearched))),
                searches(report.searched, id: "demand-searched", count: \.searches),
                .h3(.safeText(context.text(.demandCategories))),
                report.categories.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.demandNoSales)))
                    : .ul(
                        .class("rows"), .id("demand-categories"),
                        .group(
                            report.categories.map { row in
                                .li(
                                    .class("row"),
                                    .span(
                                        .class("t"),
                                        .safeText(
                                            row.category.name(context.language) + " · " + context.money(row.salesMinor))
                                    ),
                                    .span(
                                        .class("meta"),
                                        .safeText(
                                            context.text(
                                                .demandCategoryLine, context.number(row.units),
                                                context.money(row.lastYearSalesMinor), context.money(row.townSalesMinor)
                                            ))))
                            })))
        }

        /// The month's commission statement, with the months before and after.
        private var commission: Node<HTML.BodyContext> {
            let statement = model.commission
            let path = SitePath.station.path(model.node.id ?? UUID())
            return .section(
                .class("box"), .id("commission"),
                .h2(.safeText(context.text(.stationCommission, statement.month))),
                .p(
                    .id("commission-total"),
                    .strong(
                        .safeText(
                            context.text(
                                .stationCommissionTotal, context.money(statement.commissionMinor),
                                context.money(statement.baseMinor))))),
                .p(
                    .class("meta"),
                    .safeText(context.text(.stationCommissionRate, PageContext.percent(statement.currentBasisPoints)))),
                statement.lines.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.stationNoCommission)))
                    : .ul(
                        .class("rows"), .id("commission-lines"),
                        .group(
                            statement.lines.map { line in
                                .li(
                                    .class("row"),
                                    .span(
                                        .class("t"),
                                        .safeText(
                                            context.text(
                                                line.amountMinor < 0
                                                    ? .stationCommissionBack
                                                    : line.source == .consignmentSale
                                                        ? .stationCommissionConsigned : .stationCommissionEarned,
                                                "#" + line.referenceID.uuidString.prefix(8).lowercased(),
                                                context.money(abs(line.amountMinor))))),
                                    .span(
                                        .class("meta"),
                                        .safeText(
                                            context.time(line.at) + " · " + context.money(line.baseMinor) + " × "
                                                + PageContext.percent(line.basisPoints) + "%")))
                            })),
                .p(
                    .class("pager"),
                    .a(
                        .id("commission-earlier"), .href(path + "?month=" + Self.month(statement.month, by: -1)),
                        .safeText("← " + Self.month(statement.month, by: -1))),
                    .text(" "),
                    .a(
                        .id("commission-later"), .href(path + "?month=" + Self.month(statement.month, by: 1)),
                        .safeText(Self.month(statement.month, by: 1) + " →"))))
        }

        /// The month `offset` months from `month` (YYYY-MM).
        static func month(_ month: String, by offset: Int) -> String {
            let parts = month.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2 else { return month }
            let index = parts[0] * 12 + (parts[1] - 1) + offset
            return String(format: "%04d-%02d", index / 12, index % 12 + 1)
        }

        private var villagers: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id("villagers"),
                .h2(.safeText(context.text(.stationVillagers))),
                .if(!model.isAgent, .p(.class("meta"), .safeText(context.text(.stationMasked)))),
                model.villagers.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.stationNoVillagers)))
                    : .ul(
                        .class("rows"),
                        .group(
                            model.villagers.map { villager in
                                .li(
                                    .class("row villager"),
                                    .span(.class("t"), .safeText(villager.name)),
                                    .span(
                                        .class("meta"),
                                        .safeText(
                                            [villager.phone, villager.idDigits.map { "…" + $0 }].compactMap { $0 }
                                                .joined(separator: " · "))))
                            })))
        }

        private func field(_ field: Field, _ label: L10nKey, kind: FormField.Kind = .text, hint: L10nKey? = nil)
            -> Node<HTML.FormContext>
        {
            FormField(field, label, kind: kind, hint: hint, values: model.fields, errors: model.errors).node(context)
        }

        private var registerForm: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("villager-form"), .method(.post),
                .action(SitePath.stationVillagers.path(model.node.id ?? UUID())), .novalidate(),
                .h2(.safeText(context.text(.stationRegister))),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("key"), .escaped("value", model.villagerKey)),
                field(.name, .stationVillagerName),
                field(.phone, .stationVillagerPhone, kind: .phone, hint: .stationVillagerPhoneHint),
                field(.idDigits, .stationVillagerID, kind: .number, hint: .stationVillagerIDHint),
                .label(
                    .class("check"),
                    .input(
                        .type(.checkbox), .name("consent"), .value("yes"), .id("consent"),
                        .checked(model.fields[.consent] == "yes")),
                    .safeText(context.text(.stationConsent))),
                .unwrap(model.errors[.consent]) { .p(.class("error"), .safeText($0.text(context))) },
                .button(.type(.submit), .class("button"), .id("register"), .safeText(context.text(.stationRegister))))
        }

        private var closeForm: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("close-form"), .method(.post),
                .action(SitePath.stationClose.path(model.node.id ?? UUID())), .novalidate(),
                .h2(.safeText(context.text(.stationClose))),
                .p(.class("hint"), .safeText(context.text(.stationCloseHint))),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("key"), .escaped("value", model.closeKey)),
                .div(
                    .class("pair"), .div(field(.counted, .stationCounted, kind: .decimal)),
                    .div(field(.kept, .stationKept, kind: .decimal, hint: .stationKeptHint))),
                field(.explanation, .stationExplanation, hint: .stationExplanationHint),
                .button(
                    .type(.submit), .class("button"), .id("close-day"), .safeText(context.text(.stationCloseSubmit))))
        }

        static func kindText(_ kind: CashEntry.Kind, _ context: PageContext) -> String {
            let key: L10nKey =
                switch kind {
                case .orderCash: .stationKindOrderCash
                case .cashRefund: .stationKindCashRefund
                case .codCollected: .stationKindCOD
                case .consignorPayout: .stationKindPayout
                case .serviceFee: .stationKindServiceFee
                case .depositTopUp: .stationKindDeposit
                case .remittance: .stationKindRemittance
                case .closeDifference: .stationKindDifference
                case .reversal: .stationKindReversal
                }
            return context.text(key)
        }
    }
}
