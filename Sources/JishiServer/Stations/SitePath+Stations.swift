import Foundation

extension SitePath {
    /// The stations the signed-in agent keeps, or the official oversees, with their drawers.
    static let stations = SitePath("/stations", page: true)
    /// One station's counter: its villagers, its drawer and the day's close.
    static let station = SitePath("/stations/:station", page: true)
    /// The counter registers a villager.
    static let stationVillagers = SitePath("/stations/:station/villagers", page: false)
    /// The counter closes the day.
    static let stationClose = SitePath("/stations/:station/close", page: false)
    /// The counter hands a parcel to its recipient.
    static let stationHandOut = SitePath("/stations/:station/parcels/:parcel/hand-out", page: false)
    /// The county confirms a close's takings arrived.
    static let stationConfirmClose = SitePath("/stations/:station/closes/:close/confirm", page: false)

    /// The services desk takes a villager's request.
    static let stationServices = SitePath("/stations/:station/services", page: false)
    /// The agent records a request's receipt (done) …
    static let stationServiceDone = SitePath("/stations/:station/services/:request/done", page: false)
    /// … or why it could not be done.
    static let stationServiceFailed = SitePath("/stations/:station/services/:request/failed", page: false)

    /// The agent holds a training session.
    static let stationTraining = SitePath("/stations/:station/training", page: false)
    /// The agent records who attended a session.
    static let stationTrainingAttend = SitePath("/stations/:station/training/:session/attend", page: false)
    /// Anyone checks a training certificate by its code.
    static let certificates = SitePath("/certificates", page: true)

    /// The agent confirms a parcel's arrival and its shelf place.
    static let stationArrival = SitePath("/stations/:station/parcels/:parcel/arrival", page: false)
    /// The agent sends back the parcels not collected in time.
    static let stationSendBack = SitePath("/stations/:station/uncollected", page: false)

    /// Assisted buying: search, order for a villager, take the cash.
    static let stationAssisted = SitePath("/stations/:station/assisted", page: true)
    /// The agent takes an assisted order's cash.
    static let stationAssistedCash = SitePath("/stations/:station/assisted/:checkout/cash", page: false)

    /// The agent takes back the goods of an assisted order.
    static let stationAssistedReturn = SitePath("/stations/:station/assisted/orders/:order/return", page: false)

    /// A county's admin sets the agents' commission rate.
    static let stationTerms = SitePath("/stations/terms", page: false)

    /// The consignment shop: list a villager's goods, tell them what they are owed …
    static let stationConsignments = SitePath("/stations/:station/consignments", page: true)
    /// … and pay it out in cash.
    static let stationConsignPayout = SitePath("/stations/:station/consignments/payout", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let stationsPaths: [SitePath] = [
        .stations, .station, .stationVillagers, .stationClose, .stationHandOut, .stationConfirmClose,
        .stationServices, .stationServiceDone, .stationServiceFailed, .stationTraining, .stationTrainingAttend,
        .certificates, .stationArrival, .stationSendBack, .stationAssisted, .stationAssistedCash,
        .stationConsignments, .stationConsignPayout, .stationAssistedReturn, .stationTerms,
    ]
}
