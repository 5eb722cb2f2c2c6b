import Foundation

extension SitePath {
    /// The design registry: filings, and the likely copies the reader is part of.
    static let designs = SitePath("/insights/designs", page: true)
    /// Adds a photo to a filing.
    static let designPhotos = SitePath("/insights/designs/:filing/photos", page: false)
    /// Compares new and changed listings with the filings now (the offices).
    static let designScan = SitePath("/insights/designs/scan", page: false)
    /// A statement, decision, withdrawal or unlisting of a copy alert (`action=`).
    static let designAlert = SitePath("/insights/design-alerts/:alert", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let designPaths: [SitePath] = [.designs, .designPhotos, .designScan, .designAlert]
}

extension WebRoutes {
    /// The design registry's page and forms.
    static func designs(_ routes: PageRoutes) {
        routes.get(.designs, DesignsPage.show)
        routes.post(.designs, maxBytes: DesignsPage.maxBytes, DesignsPage.file)
        routes.postStreaming(.designPhotos, DesignsPage.addPhoto)
        routes.post(.designScan, DesignsPage.scan)
        routes.post(.designAlert, DesignsPage.act)
    }
}
