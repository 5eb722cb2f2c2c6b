import Vapor

extension WebRoutes {
    /// The service station pages.
    static func stations(_ routes: PageRoutes) {
        routes.get(.stations, StationPages.list)
        routes.post(.stationTerms, StationPages.setTerms)
        routes.app.get(
            StationOffline.workerPath.split(separator: "/").map { PathComponent(stringLiteral: String($0)) },
            use: StationOffline.worker)
        routes.get(.station, StationPages.show)
        routes.post(.stationVillagers, StationPages.register)
        routes.post(.stationClose, StationPages.close)
        routes.post(.stationHandOut, StationPages.handOut)
        routes.post(.stationConfirmClose, StationPages.confirm)
        routes.post(.stationServices, StationPages.requestService)
        routes.post(.stationServiceDone, StationPages.serviceDone)
        routes.post(.stationServiceFailed, StationPages.serviceFailed)
        routes.post(.stationTraining, StationPages.holdTraining)
        routes.post(.stationTrainingAttend, StationPages.attendTraining)
        routes.get(.certificates, CertificatePage.show)
        routes.post(.stationArrival, StationPages.confirmArrival)
        routes.post(.stationSendBack, StationPages.sendBack)
        routes.get(.stationAssisted, AssistedOrderPages.show)
        routes.post(.stationAssisted, AssistedOrderPages.place)
        routes.post(.stationAssistedCash, AssistedOrderPages.takeCash)
        routes.post(.stationAssistedReturn, AssistedOrderPages.takeBack)
        routes.get(.stationConsignments, ConsignmentPages.show)
        routes.post(.stationConsignments, ConsignmentPages.consign)
        routes.post(.stationConsignPayout, ConsignmentPages.payOut)
    }
}
