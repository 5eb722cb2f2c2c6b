import Community
import Foundation
import JishiAPI
import JishiKit
import Logistics
import Marketplace
import Stations

extension APIHandler {
    func listStations(_ input: Operations.ListStations.Input) async throws -> Operations.ListStations.Output {
        let request = try RequestContext.request()
        let stations = try await request.jishi.stations.stations(on: request.db)
        return .ok(.init(body: .json(try stations.map(APIMapping.station))))
    }

    func listVillagers(_ input: Operations.ListVillagers.Input) async throws -> Operations.ListVillagers.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let villagers = try await request.jishi.villagers.villagers(
            at: try Self.uuid(input.path.stationId, field: "stationId"), for: principal, on: request.db)
        return .ok(.init(body: .json(try villagers.map(APIMapping.villager))))
    }

    func registerVillager(_ input: Operations.RegisterVillager.Input) async throws
        -> Operations.RegisterVillager.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let villager = try await request.jishi.villagers.register(
            VillagerService.Input(
                name: body.name, householdID: try body.householdId.map { try Self.uuid($0, field: "householdId") },
                phone: body.phone, idDigits: body.idDigits, consent: body.consent ?? true),
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.villager(villager))))
    }

    func listAssistedOrders(_ input: Operations.ListAssistedOrders.Input) async throws
        -> Operations.ListAssistedOrders.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let placed = try await request.jishi.assistedOrders.orders(
            at: try Self.uuid(input.path.stationId, field: "stationId"), for: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    try placed.map {
                        try APIMapping.assistedOrder($0.assisted, villager: $0.villager, orders: $0.orders)
                    })))
    }

    func placeAssistedOrder(_ input: Operations.PlaceAssistedOrder.Input) async throws
        -> Operations.PlaceAssistedOrder.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let items = try body.items.enumerated().map { index, item in
            CheckoutService.Item(
                variantID: try Self.uuid(item.variantId, field: "items[\(index)].variantId"), quantity: item.quantity)
        }
        let placed = try await request.jishi.assistedOrders.order(
            items, for: try Self.uuid(body.villagerId, field: "villagerId"),
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(
            .init(body: .json(try APIMapping.assistedOrder(placed.assisted, villager: nil, orders: placed.orders))))
    }

    func getStationCash(_ input: Operations.GetStationCash.Input) async throws -> Operations.GetStationCash.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let drawer = try await request.jishi.cash.drawer(
            try Self.uuid(input.path.stationId, field: "stationId"), limit: input.query.limit ?? 100,
            for: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        balanceMinor: drawer.balanceMinor, depositMinor: drawer.depositMinor,
                        entries: try drawer.entries.map(APIMapping.cashEntry)))))
    }

    func recordCashEntry(_ input: Operations.RecordCashEntry.Input) async throws -> Operations.RecordCashEntry.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        guard let kind = CashEntry.Kind(rawValue: body.kind.rawValue) else {
            throw Problem.validation("kind", "Unknown kind of movement.")
        }
        let entry = try await request.jishi.cash.record(
            kind, amountMinor: body.amountMinor, reason: body.reason, idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.cashEntry(entry))))
    }

    func reverseCashEntry(_ input: Operations.ReverseCashEntry.Input) async throws
        -> Operations.ReverseCashEntry.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let entry = try await request.jishi.cash.reverse(
            try Self.uuid(input.path.entryId, field: "entryId"), reason: body.reason,
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.cashEntry(entry))))
    }

    func getStationCommissions(_ input: Operations.GetStationCommissions.Input) async throws
        -> Operations.GetStationCommissions.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let statement = try await request.jishi.commissions.statement(
            try Self.uuid(input.path.stationId, field: "stationId"), month: input.query.month, for: principal,
            on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        month: statement.month, currentBasisPoints: statement.currentBasisPoints,
                        baseMinor: statement.baseMinor, commissionMinor: statement.commissionMinor,
                        lines: try statement.lines.map(APIMapping.commissionLine)))))
    }

    func getStationTerms(_ input: Operations.GetStationTerms.Input) async throws -> Operations.GetStationTerms.Output {
        let request = try RequestContext.request()
        _ = try await request.requirePrincipal()
        let countyID = try Self.uuid(input.path.countyId, field: "countyId")
        guard try await County.find(countyID, on: request.db) != nil else {
            throw Problem.notFound("The county", field: "countyId")
        }
        let rate = try await request.jishi.commissions.rate(in: countyID, on: request.db)
        return .ok(.init(body: .json(.init(countyId: countyID.uuidString, commissionBasisPoints: rate))))
    }

    func setStationTerms(_ input: Operations.SetStationTerms.Input) async throws -> Operations.SetStationTerms.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let countyID = try Self.uuid(input.path.countyId, field: "countyId")
        let rate = try await request.jishi.commissions.setRate(
            body.commissionBasisPoints, in: countyID, by: principal, on: request.db)
        return .ok(.init(body: .json(.init(countyId: countyID.uuidString, commissionBasisPoints: rate))))
    }

    func listCounterReturns(_ input: Operations.ListCounterReturns.Input) async throws
        -> Operations.ListCounterReturns.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let returns = try await request.jishi.counterReturns.returns(
            at: try Self.uuid(input.path.stationId, field: "stationId"), for: principal, on: request.db)
        return .ok(.init(body: .json(try returns.map(APIMapping.counterReturn))))
    }

    func takeBackAtCounter(_ input: Operations.TakeBackAtCounter.Input) async throws
        -> Operations.TakeBackAtCounter.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let taken = try await request.jishi.counterReturns.takeBack(
            orderID: try Self.uuid(body.orderId, field: "orderId"), reason: body.reason,
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.counterReturn(taken))))
    }

    func listConsignments(_ input: Operations.ListConsignments.Input) async throws
        -> Operations.ListConsignments.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let stationID = try Self.uuid(input.path.stationId, field: "stationId")
        let consignments = request.jishi.consignments
        let listings = try await consignments.listings(at: stationID, for: principal, on: request.db)
        return .ok(.init(body: .json(try listings.map(APIMapping.consignment))))
    }

    func createConsignment(_ input: Operations.CreateConsignment.Input) async throws
        -> Operations.CreateConsignment.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let listed = try await request.jishi.consignments.consign(
            ConsignmentService.Input(
                villagerID: try Self.uuid(body.villagerId, field: "villagerId"), title: body.title,
                description: body.description ?? "", categoryID: try Self.uuid(body.categoryId, field: "categoryId"),
                priceMinor: body.priceMinor, stock: body.stock,
                consignorShareBasisPoints: body.consignorShareBasisPoints, agreed: body.consent.agreed,
                witness: body.consent.witness),
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.consignment(listed))))
    }

    func getConsignorAccount(_ input: Operations.GetConsignorAccount.Input) async throws
        -> Operations.GetConsignorAccount.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let statement = try await request.jishi.consignments.statement(
            of: try Self.uuid(input.path.villagerId, field: "villagerId"),
            at: try Self.uuid(input.path.stationId, field: "stationId"), for: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        villagerId: try statement.villager.requireID().uuidString, owedMinor: statement.owedMinor,
                        payableMinor: statement.payableMinor,
                        lines: try statement.lines.map(APIMapping.consignorLine)))))
    }

    func payConsignor(_ input: Operations.PayConsignor.Input) async throws -> Operations.PayConsignor.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let line = try await request.jishi.consignments.payOut(
            body.amountMinor, to: try Self.uuid(input.path.villagerId, field: "villagerId"),
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.consignorLine(line))))
    }

    func listServiceRequests(_ input: Operations.ListServiceRequests.Input) async throws
        -> Operations.ListServiceRequests.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let requests = try await request.jishi.serviceDesk.requests(
            at: try Self.uuid(input.path.stationId, field: "stationId"), for: principal, on: request.db)
        return .ok(.init(body: .json(try requests.map(APIMapping.serviceRequest))))
    }

    func createServiceRequest(_ input: Operations.CreateServiceRequest.Input) async throws
        -> Operations.CreateServiceRequest.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        guard let kind = ServiceRequest.Kind(rawValue: body.kind.rawValue) else {
            throw Problem.validation("kind", "Unknown service.")
        }
        let created = try await request.jishi.serviceDesk.request(
            ServiceDesk.Input(
                kind: kind, villagerID: try body.villagerId.map { try Self.uuid($0, field: "villagerId") },
                details: body.details, feeMinor: body.feeMinor),
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.serviceRequest(created))))
    }

    func completeServiceRequest(_ input: Operations.CompleteServiceRequest.Input) async throws
        -> Operations.CompleteServiceRequest.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let done = try await request.jishi.serviceDesk.complete(
            try Self.uuid(input.path.requestId, field: "requestId"), receipt: body.receipt,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.serviceRequest(done))))
    }

    func failServiceRequest(_ input: Operations.FailServiceRequest.Input) async throws
        -> Operations.FailServiceRequest.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let failed = try await request.jishi.serviceDesk.fail(
            try Self.uuid(input.path.requestId, field: "requestId"), reason: body.reason,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.serviceRequest(failed))))
    }

    func listTrainingSessions(_ input: Operations.ListTrainingSessions.Input) async throws
        -> Operations.ListTrainingSessions.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let held = try await request.jishi.training.sessions(
            at: try Self.uuid(input.path.stationId, field: "stationId"), for: principal, on: request.db)
        return .ok(.init(body: .json(try held.map(APIMapping.trainingSession))))
    }

    func holdTrainingSession(_ input: Operations.HoldTrainingSession.Input) async throws
        -> Operations.HoldTrainingSession.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let session = try await request.jishi.training.holdSession(
            TrainingService.SessionInput(
                courseID: try Self.uuid(body.courseId, field: "courseId"), day: body.day, place: body.place,
                trainer: body.trainer),
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        let course = try await TrainingCourse.find(session.courseID, on: request.db)
        return .created(
            .init(
                body: .json(
                    try APIMapping.trainingSession(.init(session: session, course: course, attendance: [])))))
    }

    func recordTrainingAttendance(_ input: Operations.RecordTrainingAttendance.Input) async throws
        -> Operations.RecordTrainingAttendance.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let attendance = try await request.jishi.training.attend(
            try Self.uuid(input.path.sessionId, field: "sessionId"),
            villagerID: try body.villagerId.map { try Self.uuid($0, field: "villagerId") },
            accountID: try body.accountId.map { try Self.uuid($0, field: "accountId") },
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.trainingAttendance(attendance))))
    }

    func listTrainingCourses(_ input: Operations.ListTrainingCourses.Input) async throws
        -> Operations.ListTrainingCourses.Output
    {
        let request = try RequestContext.request()
        _ = try await request.requirePrincipal()
        return .ok(.init(body: .json(try await request.jishi.training.courses(on: request.db).map(APIMapping.course))))
    }

    func addTrainingCourse(_ input: Operations.AddTrainingCourse.Input) async throws
        -> Operations.AddTrainingCourse.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let course = try await request.jishi.training.addCourse(
            title: body.title, hours: body.hours, by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.course(course))))
    }

    func getTrainingTotals(_ input: Operations.GetTrainingTotals.Input) async throws
        -> Operations.GetTrainingTotals.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let year = input.query.year ?? Int(PageDate.string(request.jishi.dependencies.now()).prefix(4)) ?? 2026
        let totals = try await request.jishi.training.totals(year: year, for: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        year: totals.year, personTimes: totals.personTimes, sessions: totals.sessions,
                        target: totals.target,
                        towns: totals.byTown.sorted { $0.key.uuidString < $1.key.uuidString }.map {
                            .init(townId: $0.key.uuidString, personTimes: $0.value)
                        }))))
    }

    func verifyCertificate(_ input: Operations.VerifyCertificate.Input) async throws
        -> Operations.VerifyCertificate.Output
    {
        let request = try RequestContext.request()
        let certificate = try await request.jishi.training.certificate(input.path.code, on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        code: certificate.code, holder: certificate.holder, course: certificate.course,
                        hours: certificate.hours, day: certificate.day, station: certificate.station))))
    }

    func getStationDemandReport(_ input: Operations.GetStationDemandReport.Input) async throws
        -> Operations.GetStationDemandReport.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let report = try await DemandReport().report(
            try Self.uuid(input.path.stationId, field: "stationId"), month: input.query.month,
            now: request.jishi.dependencies.now(), for: principal, on: request.db)
        func search(_ row: SearchDemand.Row) -> Components.Schemas.DemandSearch {
            .init(query: row.query, searches: row.searches, empty: row.empty)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        month: report.month, searched: report.searched.map(search), unmet: report.unmet.map(search),
                        categories: try report.categories.map { row in
                            .init(
                                categoryId: try row.category.requireID().uuidString, name: row.category.name,
                                units: row.units, salesMinor: row.salesMinor,
                                lastYearSalesMinor: row.lastYearSalesMinor, townSalesMinor: row.townSalesMinor)
                        }))))
    }

    func listCounterParcels(_ input: Operations.ListCounterParcels.Input) async throws
        -> Operations.ListCounterParcels.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let parcels = try await request.jishi.counter.parcels(
            at: try Self.uuid(input.path.stationId, field: "stationId"), for: principal, on: request.db)
        return .ok(.init(body: .json(try parcels.map(APIMapping.counterParcel))))
    }

    func confirmParcelArrival(_ input: Operations.ConfirmParcelArrival.Input) async throws
        -> Operations.ConfirmParcelArrival.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let stationID = try Self.uuid(input.path.stationId, field: "stationId")
        let parcelID = try Self.uuid(input.path.parcelId, field: "parcelId")
        _ = try await request.jishi.counter.confirmArrival(
            parcelID, shelf: body.shelf, at: stationID, by: principal, on: request.db)
        let held = try await request.jishi.counter.parcels(at: stationID, for: principal, on: request.db)
        guard let parcel = held.first(where: { $0.parcel.id == parcelID }) else {
            throw Problem.notFound("A parcel waiting at this counter", field: "parcelId")
        }
        return .ok(.init(body: .json(try APIMapping.counterParcel(parcel))))
    }

    func sendBackUncollectedParcels(_ input: Operations.SendBackUncollectedParcels.Input) async throws
        -> Operations.SendBackUncollectedParcels.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let sent = try await request.jishi.counter.sendBackUncollected(
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .ok(
            .init(
                body: .json(
                    try sent.map {
                        try APIMapping.counterParcel(.init(parcel: $0, arrivedAt: nil, arrival: nil, overdue: true))
                    })))
    }

    func handOutParcel(_ input: Operations.HandOutParcel.Input) async throws -> Operations.HandOutParcel.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let handout = try await request.jishi.counter.handOut(
            try Self.uuid(input.path.parcelId, field: "parcelId"),
            CounterService.HandOut(
                proof: body.proof == .idCard ? .idCard : .phone, digits: body.digits, signature: body.signature,
                codMinor: body.codMinor),
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.handout(handout))))
    }

    func listCashCloses(_ input: Operations.ListCashCloses.Input) async throws -> Operations.ListCashCloses.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let closes = try await request.jishi.cash.closes(
            try Self.uuid(input.path.stationId, field: "stationId"), for: principal, on: request.db)
        return .ok(.init(body: .json(try closes.map(APIMapping.cashClose))))
    }

    func closeCashDay(_ input: Operations.CloseCashDay.Input) async throws -> Operations.CloseCashDay.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let close = try await request.jishi.cash.close(
            CashService.CloseInput(
                countedMinor: body.countedMinor, keptMinor: body.keptMinor ?? 0, explanation: body.explanation),
            idempotencyKey: input.headers.idempotencyKey,
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.cashClose(close))))
    }

    func confirmCashClose(_ input: Operations.ConfirmCashClose.Input) async throws
        -> Operations.ConfirmCashClose.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let close = try await request.jishi.cash.confirm(
            try Self.uuid(input.path.closeId, field: "closeId"),
            at: try Self.uuid(input.path.stationId, field: "stationId"), by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.cashClose(close))))
    }
}

extension APIMapping {
    static func station(_ node: NetworkNode) throws -> Components.Schemas.Station {
        Components.Schemas.Station(
            id: try node.requireID().uuidString, code: node.code, name: node.name,
            kind: node.kind == .pickupPoint ? .pickupPoint : .villageStation, villageId: node.$village.id?.uuidString,
            townId: node.$town.id.uuidString, opens: OpeningHours.clock(node.opensAt),
            closes: OpeningHours.clock(node.closesAt))
    }

    static func villager(_ villager: Villager) throws -> Components.Schemas.Villager {
        Components.Schemas.Villager(
            id: try villager.requireID().uuidString, name: villager.name, householdId: villager.householdID?.uuidString,
            phone: villager.phone, idDigits: villager.idDigits, consentAt: villager.consentAt,
            createdAt: villager.createdAt)
    }

    static func assistedOrder(_ assisted: AssistedOrder, villager: Villager?, orders: [Order]) throws
        -> Components.Schemas.AssistedOrder
    {
        Components.Schemas.AssistedOrder(
            checkoutId: assisted.checkoutID.uuidString, orders: try orders.map(APIMapping.orderSummary),
            totalMinor: orders.reduce(0) { $0 + $1.totalMinor }, villagerId: assisted.villagerID.uuidString,
            villagerName: villager?.name, stationId: assisted.stationID.uuidString, createdAt: assisted.createdAt)
    }

    static func cashEntry(_ entry: CashEntry) throws -> Components.Schemas.CashEntry {
        guard let kind = Components.Schemas.CashEntry.KindPayload(rawValue: entry.kind.rawValue),
            let debit = Components.Schemas.CashAccount(rawValue: entry.debitAccount.rawValue),
            let credit = Components.Schemas.CashAccount(rawValue: entry.creditAccount.rawValue)
        else { throw Problem(type: .internalError, detail: "A cash entry the contract does not describe.") }
        return Components.Schemas.CashEntry(
            id: try entry.requireID().uuidString, kind: kind, amountMinor: entry.amountMinor, debit: debit,
            credit: credit, reason: entry.reason, actorId: entry.actorID?.uuidString,
            referenceId: entry.referenceID?.uuidString, villagerId: entry.villagerID?.uuidString,
            reversesId: entry.reversesID?.uuidString, at: entry.at)
    }

    static func commissionLine(_ line: AgentCommission) throws -> Components.Schemas.CommissionLine {
        Components.Schemas.CommissionLine(
            id: try line.requireID().uuidString,
            source: line.source == .assistedOrder ? .assistedOrder : .consignmentSale,
            referenceId: line.referenceID.uuidString, agentId: line.agentID?.uuidString, baseMinor: line.baseMinor,
            basisPoints: line.basisPoints, amountMinor: line.amountMinor, at: line.at)
    }

    static func counterReturn(_ taken: CounterReturns.Taken) throws -> Components.Schemas.CounterReturn {
        guard let status = Components.Schemas.CounterReturn.RefundStatusPayload(rawValue: taken.refund.status.rawValue)
        else { throw Problem(type: .internalError, detail: "A refund state the contract does not describe.") }
        return Components.Schemas.CounterReturn(
            id: try taken.taken.requireID().uuidString, orderId: taken.taken.orderID.uuidString,
            villagerId: taken.taken.villagerID?.uuidString, villagerName: taken.villager?.name,
            refundId: taken.taken.refundID.uuidString, refundStatus: status, amountMinor: taken.refund.amountMinor,
            parcelId: taken.parcel?.id?.uuidString, trackingNumber: taken.parcel?.trackingNumber, at: taken.taken.at)
    }

    static func consignment(_ listed: ConsignmentService.Listed) throws -> Components.Schemas.Consignment {
        Components.Schemas.Consignment(
            id: try listed.listing.requireID().uuidString, productId: listed.listing.productID.uuidString,
            shopId: listed.product.$shop.id.uuidString, villagerId: listed.listing.villagerID.uuidString,
            villagerName: listed.villagerName, title: listed.product.title,
            priceMinor: listed.variant?.priceMinor ?? listed.listing.agreedPriceMinor,
            stock: listed.variant?.stock ?? 0, consignorShareBasisPoints: listed.listing.consignorShareBasisPoints,
            witness: listed.listing.witness, consentAt: listed.listing.consentAt)
    }

    static func consignorLine(_ line: ConsignorLine) throws -> Components.Schemas.ConsignorLine {
        Components.Schemas.ConsignorLine(
            id: try line.requireID().uuidString,
            kind: Components.Schemas.ConsignorLine.KindPayload(rawValue: line.kind.rawValue) ?? .sale,
            amountMinor: line.amountMinor, baseMinor: line.baseMinor, orderId: line.orderID?.uuidString,
            receipt: line.receipt, at: line.at)
    }

    static func serviceRequest(_ request: ServiceRequest) throws -> Components.Schemas.ServiceRequest {
        guard let kind = Components.Schemas.ServiceKind(rawValue: request.kind.rawValue),
            let status = Components.Schemas.ServiceRequest.StatusPayload(rawValue: request.status.rawValue)
        else { throw Problem(type: .internalError, detail: "A service request the contract does not describe.") }
        return Components.Schemas.ServiceRequest(
            id: try request.requireID().uuidString, kind: kind, villagerId: request.villagerID?.uuidString,
            details: request.details, feeMinor: request.feeMinor, provider: request.provider, status: status,
            receipt: request.receipt, failure: request.failure, createdAt: request.createdAt,
            finishedAt: request.finishedAt)
    }

    static func course(_ course: TrainingCourse) throws -> Components.Schemas.TrainingCourse {
        Components.Schemas.TrainingCourse(
            id: try course.requireID().uuidString, title: course.title, hours: course.hours)
    }

    static func trainingAttendance(_ attendance: TrainingAttendance) throws -> Components.Schemas.TrainingAttendance {
        Components.Schemas.TrainingAttendance(
            id: try attendance.requireID().uuidString, sessionId: attendance.sessionID.uuidString,
            villagerId: attendance.villagerID?.uuidString, accountId: attendance.accountID?.uuidString,
            name: attendance.name, certificateCode: attendance.certificateCode, at: attendance.at)
    }

    static func trainingSession(_ held: TrainingService.Held) throws -> Components.Schemas.TrainingSession {
        Components.Schemas.TrainingSession(
            id: try held.session.requireID().uuidString, courseId: held.session.courseID.uuidString,
            courseTitle: held.course?.title, day: held.session.day, place: held.session.place,
            trainer: held.session.trainer, attendance: try held.attendance.map(trainingAttendance))
    }

    static func counterParcel(_ held: CounterService.Held) throws -> Components.Schemas.CounterParcel {
        let parcel = held.parcel
        return Components.Schemas.CounterParcel(
            id: try parcel.requireID().uuidString, trackingNumber: parcel.trackingNumber,
            direction: parcel.direction == .inbound ? .inbound : .outbound, contactName: parcel.contactName,
            contactPhone: parcel.contactPhone.map { PhoneNumber(stored: $0).masked }, weightGrams: parcel.weightGrams,
            codMinor: parcel.codMinor, dueDate: parcel.dueDate, arrivedAt: held.arrivedAt, shelf: held.arrival?.shelf,
            confirmedAt: held.arrival?.confirmedAt, overdue: held.overdue)
    }

    static func handout(_ handout: CounterHandout) throws -> Components.Schemas.Handout {
        Components.Schemas.Handout(
            id: try handout.requireID().uuidString, parcelId: handout.parcelID.uuidString,
            proof: handout.proof == .idCard ? .idCard : .phone, signature: handout.signature,
            villagerId: handout.villagerID?.uuidString, codMinor: handout.codMinor, at: handout.at)
    }

    static func cashClose(_ close: CashClose) throws -> Components.Schemas.CashClose {
        Components.Schemas.CashClose(
            id: try close.requireID().uuidString, businessDay: close.businessDay, expectedMinor: close.expectedMinor,
            countedMinor: close.countedMinor, differenceMinor: close.differenceMinor, keptMinor: close.keptMinor,
            remittedMinor: close.countedMinor - close.keptMinor, explanation: close.explanation,
            closedBy: close.closedBy.uuidString, closedAt: close.closedAt, confirmedBy: close.confirmedBy?.uuidString,
            confirmedAt: close.confirmedAt)
    }
}
