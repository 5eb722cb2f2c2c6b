import Vapor

extension WebRoutes {
    /// What the town and county governments read and load.
    static func insights(_ routes: PageRoutes) {
        routes.get(.recognition, RecognitionPage.show)
        routes.get(.recognitionCSV, RecognitionPage.csv)
        routes.get(.insightsImports, ImportsPage.show)
        routes.post(.insightsImports, maxBytes: ImportsPage.maxBytes, ImportsPage.load)
        routes.get(.registry, RegistryPage.show)
        routes.get(.registryCSV, RegistryPage.csv)
        routes.get(.registryChangesCSV, RegistryPage.changesCSV)
        routes.post(.registrySnapshots, RegistryPage.take)
        routes.get(.growth, GrowthPage.show)
        routes.get(.growthCSV, GrowthPage.csv)
        routes.get(.siting, SitingPage.show)
        routes.get(.quality, QualityPage.show)
        routes.post(.qualityDetect, QualityPage.detect)
        routes.post(.qualityRules, QualityPage.setRules)
        routes.post(.qualityDecision, QualityPage.decide)
        routes.get(.platformShops, PlatformShopsPage.show)
        routes.post(.platformShops, PlatformShopsPage.report)
        routes.post(.platformShopSales, PlatformShopsPage.reportSales)
    }
}
