/// The authorisation matrix: who may call every operation of `openapi.yaml`.
///
/// **Adding an operation to the contract? Add its row here.** `AuthorizationMatrixTests` fails
/// for an operation without a row (and prints what the server answered each column, to start
/// from) and for a row whose operation the contract no longer has. If the new operation names
/// a path parameter or id field the matrix has not met, give it a real object in
/// ``AuthorizationMatrixWorld`` (looked up as `operationId.name`, `segment/{name}` or `name`).
///
/// A row answers for every column of ``Asker``: nobody; each role on the world's own objects
/// (the demo seller's costume shop in 丁庄村, Daying Town; the demo agent's station there;
/// the demo buyer's orders delivered there; the county's dispatcher, official and admin, and
/// Daying Town's courier); and the same role without ownership or out of scope (another
/// buyer, the seller of another shop, the agent of 石井村's station, and a dispatcher,
/// courier, official and admin of Jishi Town). The demo buyer, seller and agents also hold the
/// buyer role, as `DemoCounty` gives them.
///
/// - `.open`: anyone, signed in or not; `.everyone(op, answer)`: one answer for all.
/// - `.signedIn`: any account; nobody gets `401`.
/// - `.only(op, [columns])`: those columns pass, nobody gets `401`, the rest `403` — or
///   `404` with `else: .hidden` where Jishi hides that the thing exists (a shop's staff
///   operations, orders, conversations, supply orders: `ShopService.requireStaff` and its
///   kin answer `404` to everyone who is not staff).
/// - `.with([columns], answer)`: those columns answer otherwise.
/// - `.gap([columns], why)`: a **known gap** — Jishi answers those cells otherwise today, and
///   the row says what it should answer. The test records the cell as a known issue (it does
///   not fail) until the code is fixed; then the known issue is no longer seen and the test
///   fails, asking for the `.gap` to be removed.
///
/// "Passes" (``Answer/allowed``) is any status but 401, 403, 404 and 5xx: the matrix sends the
/// smallest request the contract accepts, so 400, 409 and 422 are the domain's answers after
/// authorisation. ``Answer/absent`` is a `404` from a caller that passed and found nothing
/// (each such row says why). A `5xx` fails any cell.
enum AuthorizationMatrix {
    static let rows: [MatrixRow] = [
        // Health, accounts and sessions
        .open("getHealth"),
        .open("createAccount"),
        .signedIn("getMyAccount"),
        .only("grantRole", [.admin]),
        .open("createSession"),
        .signedIn("deleteCurrentSession"),

        // Geography
        .open("listTowns"),

        // Logistics: bookings, carriers, the network, tracking, dispatch
        .signedIn("listBookings"),
        .only("createBooking", [.seller, .otherSeller, .agent, .dispatcher, .admin]),
        .only("getBooking", [.seller, .dispatcher, .admin], else: .hidden),
        .signedIn("listCarriers"),
        // Carriers sign with X-Carrier-Key, not a role: no column holds one.
        .everyone("addCarrierParcels", .unauthenticated),
        .signedIn("listNetworkNodes"),
        .only("addNetworkNode", [.dispatcher, .admin]),
        .only("updateNetworkNode", [.dispatcher, .admin]),
        .only("getRoadNetwork", [.dispatcher, .admin]),
        .only("replaceRoadNetwork", [.dispatcher, .admin]),
        .open("trackParcel"),
        .only("getParcel", [.dispatcher, .admin]),
        .only("planDispatch", [.dispatcher, .admin]),
        .only("getDispatchPlan", [.dispatcher, .admin]),
        .only("publishDispatchPlan", [.dispatcher, .admin]),
        .only("lockDispatchRun", [.dispatcher, .admin]),
        .only("moveDispatchStop", [.dispatcher, .admin]),
        .only("getDispatchPlanGeoJSON", [.dispatcher, .admin]),
        .only("getNetworkGeoJSON", [.dispatcher, .official, .admin]),

        // Insights: the county office's reports, quality, designs, registry
        .only("getRecognition", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("getRecognitionCSV", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("importInsightsFile", [.official, .admin]),
        .only("getGrowth", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("getGrowthCSV", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("getInsightsMapGeoJSON", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("getQuality", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("getQualityRules", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("setQualityRules", [.official, .admin]),
        .only("listInsightsAlerts", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("detectInsightsAlerts", [.official, .admin]),
        // The demo month raises no alert, so the world asks about one that does not exist: officials
        // and admins pass the role check and find nothing.
        .only("decideInsightsAlert", []).with([.official, .otherOfficial, .admin, .otherAdmin], .absent),
        .signedIn("listDesignFilings"),
        .only("fileDesign", [.seller, .admin], else: .hidden),
        .only("getDesignFiling", [.seller, .official, .admin], else: .hidden),
        .only("addDesignPhoto", [.seller, .admin], else: .hidden),
        .only("scanDesignCopies", [.official, .otherOfficial, .admin, .otherAdmin]),
        .signedIn("listCopyAlerts"),
        .only("stateOnCopyAlert", [.seller], else: .hidden).with([.official, .admin], .forbidden),
        .only("decideCopyAlert", [.official, .admin], else: .hidden).with([.seller], .forbidden),
        .only("withdrawCopyAlert", [.seller], else: .hidden).with([.official, .admin], .forbidden),
        .only("unlistCopy", [.official, .admin], else: .hidden).with([.seller], .forbidden),
        .only("listMyPlatformShops", [.seller, .otherSeller, .admin, .otherAdmin]),
        .only("reportPlatformShop", [.seller, .otherSeller, .admin, .otherAdmin]),
        // The month's sales of a shop the seller did not report (404 to everyone who may report).
        .only("reportPlatformSales", []).with([.seller, .admin], .absent).with([.otherSeller, .otherAdmin], .hidden),
        .only("siteStations", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("listRegistrySnapshots", [.official, .otherOfficial, .admin, .otherAdmin]),
        .only("takeRegistrySnapshot", [.official, .admin]),
        // No snapshots to compare yet: the readers pass and find nothing.
        .only("getRegistryChanges", []).with([.official, .otherOfficial, .admin, .otherAdmin], .absent),
        .only("getRegistryCSV", [.official, .otherOfficial, .admin, .otherAdmin]),

        // Logistics figures and the courier's runs
        .only("getLogisticsFigures", [.dispatcher, .official, .admin]),
        .only("getLogisticsFiguresCSV", [.dispatcher, .official, .admin]),
        // No figure for today's date yet: the readers pass and find nothing.
        .only("getConsolidationFigure", []).with([.dispatcher, .official, .admin], .absent),
        .signedIn("listCourierRuns"),

        // Geography
        .open("listVillages"),
        .open("getVillage"),

        // Marketplace: shops, catalogue, checkout, orders
        .only("openShop", [.seller, .otherSeller, .agent, .otherAgent]),
        .only("addProduct", [.seller, .admin], else: .hidden),
        .open("getProduct"),
        .only("updateProduct", [.seller, .admin], else: .hidden),
        .only("checkout", [.buyer, .otherBuyer, .seller, .agent, .otherAgent]),
        .only("payCheckout", [.buyer], else: .hidden),
        .only("getOrder", [.buyer, .seller, .admin], else: .hidden),
        .only("cancelOrder", [.buyer, .seller, .admin], else: .hidden),
        .open("searchProducts"),
        .signedIn("getCart"),
        .only("setCartItem", [.buyer, .otherBuyer, .seller, .agent, .otherAgent]),
        .signedIn("listMyShops"),
        .open("getShop"),
        .only("updateShop", [.seller, .admin], else: .hidden),
        .only("upgradeShop", [.seller, .admin], else: .hidden),
        .only("suspendShop", [.official, .admin]),
        .only("reinstateShop", [.official, .admin]),
        .only("closeShop", [.seller, .admin], else: .hidden),
        .only("reopenShop", [.seller, .admin], else: .hidden),
        .only("listShopStaff", [.seller, .admin], else: .hidden),
        .only("addShopStaff", [.seller, .admin], else: .hidden),
        .only("removeShopStaff", [.seller, .admin], else: .hidden),
        .only("listShopOrders", [.seller, .admin], else: .hidden),
        .only("getStatement", [.seller, .admin], else: .hidden),
        .only("listShopProducts", [.seller, .admin], else: .hidden),
        .only("importShopCatalogue", [.seller, .admin], else: .hidden),
        .only("exportShopCatalogue", [.seller, .admin], else: .hidden),
        .only("exportShopCataloguePhotos", [.seller, .admin], else: .hidden),
        .only("addVariant", [.seller, .admin], else: .hidden),
        .only("updateVariant", [.seller, .admin], else: .hidden),
        .only("setStock", [.seller, .admin], else: .hidden),
        .only("addPhoto", [.seller, .admin], else: .hidden),
        .only("deletePhoto", [.seller, .admin], else: .hidden),
        .open("listCategories"),
        .only("setCommission", [.admin]),
        .signedIn("listMyOrders"),
        .only("shipOrder", [.seller, .admin], else: .hidden).with([.buyer], .forbidden),
        .only("deliverOrder", [.seller, .admin], else: .hidden).with([.buyer], .forbidden),
        .only("confirmReceipt", [.buyer], else: .hidden).with([.seller, .admin], .forbidden),
        .only("requestRefund", [.buyer], else: .hidden).with([.seller, .admin], .forbidden),
        .only("approveRefund", [.seller, .admin], else: .hidden).with([.buyer], .forbidden),
        .only("rejectRefund", [.seller, .admin], else: .hidden).with([.buyer], .forbidden),
        .only("confirmReturn", [.seller, .admin], else: .hidden).with([.buyer], .forbidden),
        .only("confirmCashPayment", [.agent, .admin], else: .hidden),

        // Reviews
        .only("writeReview", [.buyer], else: .hidden),
        .open("listProductReviews"),
        .open("getShopQuality"),
        .only("replyToReview", [.seller]),
        .only("addReviewPhoto", [.buyer], else: .hidden),
        .signedIn("reportReview"),
        .only("hideReview", [.official, .admin]),
        .only("unhideReview", [.official, .admin]),

        // Chat
        .signedIn("openConversation"),
        .only("listShopConversations", [.seller, .admin], else: .hidden),
        .signedIn("listMyConversations"),
        .only("listMessages", [.buyer, .seller], else: .hidden),
        .only("sendMessage", [.buyer, .seller], else: .hidden),
        .only("sendImage", [.buyer, .seller], else: .hidden),
        .only("markConversationRead", [.buyer, .seller], else: .hidden),
        .only("blockBuyer", [.seller], else: .hidden).with([.buyer], .forbidden),
        .only("unblockBuyer", [.seller], else: .hidden).with([.buyer], .forbidden),

        // Sourcing. Here the other seller's shop is the reseller: it asked the costume shop for approval
        // and placed the supply order, so it passes where a reseller may (and the seller is the producer).
        .only("offerToResellers", [.seller, .admin], else: .hidden),
        .only("withdrawSourcingOffer", [.seller, .admin], else: .hidden),
        .only("listSourcingCatalogue", [.seller, .admin], else: .hidden),
        .only("linkProduct", [.otherSeller, .admin], else: .hidden),
        .only("listResellerRequests", [.seller, .admin], else: .hidden),
        .only("requestResellerApproval", [.otherSeller, .admin], else: .hidden),
        .only("decideResellerRequest", [.seller, .admin], else: .hidden),
        .only("listSupplyOrders", [.seller, .admin], else: .hidden),
        .only("placeBulkOrder", [.seller, .admin], else: .hidden),
        .only("getSupplyOrder", [.seller, .otherSeller, .admin], else: .hidden),
        .only("shipSupplyOrder", [.seller, .admin], else: .hidden).with([.otherSeller], .forbidden),
        .only("deliverSupplyOrder", [.seller, .otherSeller, .admin], else: .hidden),
        .only("confirmSupplyOrder", [.otherSeller, .admin], else: .hidden).with([.seller], .forbidden),
        .only("cancelSupplyOrder", [.seller, .otherSeller, .admin], else: .hidden),
        .only("creditSupplyOrder", [.seller, .admin], else: .hidden).with([.otherSeller], .forbidden),

        // Parcels
        .only("getParcelLabel", [.dispatcher, .admin]),

        // Village service stations
        .open("listStations"),
        .only("listVillagers", [.agent, .official, .admin]),
        .only("registerVillager", [.agent]),
        .only("listAssistedOrders", [.agent]),
        .only("placeAssistedOrder", [.agent]),
        .only("getStationCash", [.agent, .official, .admin]),
        .only("recordCashEntry", [.agent]),
        .only("reverseCashEntry", [.agent]),
        .only("listCashCloses", [.agent, .official, .admin]),
        .only("closeCashDay", [.agent]),
        .only("confirmCashClose", [.official, .admin]),
        .only("getStationCommissions", [.agent, .official, .admin]),
        .signedIn("getStationTerms"),
        .only("setStationTerms", [.admin]),
        .only("listConsignments", [.agent]),
        .only("createConsignment", [.agent]),
        .only("getConsignorAccount", [.agent]),
        .only("payConsignor", [.agent]),
        .only("listCounterReturns", [.agent, .official, .admin]),
        // The smallest body names an order that does not exist: the station's agent passes and finds nothing.
        .only("takeBackAtCounter", []).with([.agent], .absent),
        .only("listServiceRequests", [.agent, .official, .admin]),
        .only("createServiceRequest", [.agent]),
        .only("completeServiceRequest", [.agent]),
        .only("failServiceRequest", [.agent]),
        .only("listTrainingSessions", [.agent, .official, .admin]),
        // The smallest body names a course that does not exist: the station's agent passes and finds nothing.
        .only("holdTrainingSession", []).with([.agent], .absent),
        .only("recordTrainingAttendance", [.agent]),
        .signedIn("listTrainingCourses"),
        .only("addTrainingCourse", [.official, .admin]),
        .only("getTrainingTotals", [.official, .otherOfficial, .admin, .otherAdmin]),
        .open("verifyCertificate"),
        .only("getStationDemandReport", [.agent, .official, .admin]),
        .only("listCounterParcels", [.agent]),
        .only("confirmParcelArrival", [.agent]),
        .only("sendBackUncollectedParcels", [.agent]),
        .only("handOutParcel", [.agent]),
    ]
}

/// Why a cell is a known gap: the rule the code breaks, and where (none today).
enum Gap {
}

/// Who asks, in the authorisation matrix: nobody (no token), every role on something it owns
/// or reaches, and the same role on something that is not its own or lies outside its scope.
enum Asker: String, CaseIterable, Sendable {
    case nobody
    case buyer, otherBuyer
    case seller, otherSeller
    case agent, otherAgent
    case dispatcher, otherDispatcher
    case courier, otherCourier
    case official, otherOfficial
    case admin, otherAdmin
}

/// What a cell expects, by status.
enum Answer: Sendable, Equatable, CustomStringConvertible {
    /// Authorisation let it through: `2xx`, or a `4xx` other than 401, 403 and 404 (the
    /// matrix's bodies are the smallest the contract accepts, so `400`, `409` and `422` are
    /// the domain's answers after authorisation).
    case allowed
    /// `401`: no principal.
    case unauthenticated
    /// `403`: a principal that may not.
    case forbidden
    /// `404`: a principal that may not, and must not learn that the thing exists.
    case hidden
    /// `404` from a principal that may: it passed authorisation and the domain found nothing
    /// for the matrix's request (no such day's figures, say). Written only where the row says why.
    case absent

    /// Whether `status` is this answer (a `5xx` is none).
    func admits(_ status: UInt) -> Bool {
        switch (self, status) {
        case (_, 500...): false
        case (.unauthenticated, let status): status == 401
        case (.forbidden, let status): status == 403
        case (.hidden, let status), (.absent, let status): status == 404
        case (.allowed, let status): ![401, 403, 404].contains(status)
        }
    }

    var description: String {
        switch self {
        case .allowed: "allowed"
        case .unauthenticated: "401"
        case .forbidden: "403"
        case .hidden: "404 (hidden)"
        case .absent: "404 (nothing found)"
        }
    }
}

/// One operation's row: an answer for every column, and the cells where Jishi answers
/// otherwise today (known gaps), each with why.
struct MatrixRow: Sendable {
    var operation: String
    var answers: [Asker: Answer]
    var gaps: [Asker: String] = [:]
}

extension MatrixRow {
    /// Everyone, signed in or not.
    static func open(_ operation: String) -> MatrixRow {
        MatrixRow(
            operation: operation, answers: Dictionary(uniqueKeysWithValues: Asker.allCases.map { ($0, .allowed) }))
    }

    /// The same answer for every column.
    static func everyone(_ operation: String, _ answer: Answer) -> MatrixRow {
        MatrixRow(operation: operation, answers: Dictionary(uniqueKeysWithValues: Asker.allCases.map { ($0, answer) }))
    }

    /// Any signed-in account; `401` for nobody.
    static func signedIn(_ operation: String) -> MatrixRow {
        only(operation, Set(Asker.allCases).subtracting([.nobody]))
    }

    /// `401` for nobody, through for `allowed`, `denial` (`403` unless said) for the rest.
    static func only(_ operation: String, _ allowed: Set<Asker>, else denial: Answer = .forbidden) -> MatrixRow {
        var answers: [Asker: Answer] = [:]
        for asker in Asker.allCases {
            answers[asker] = asker == .nobody ? .unauthenticated : allowed.contains(asker) ? .allowed : denial
        }
        return MatrixRow(operation: operation, answers: answers)
    }

    /// The same row with `askers` answered `answer`.
    func with(_ askers: Set<Asker>, _ answer: Answer) -> MatrixRow {
        var row = self
        for asker in askers { row.answers[asker] = answer }
        return row
    }

    /// A known gap: Jishi answers `asker` otherwise today; the row says what it should answer.
    func gap(_ askers: Set<Asker>, _ why: String) -> MatrixRow {
        var row = self
        for asker in askers { row.gaps[asker] = why }
        return row
    }
}
