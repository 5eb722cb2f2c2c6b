import Vapor

extension WebRoutes {
    /// The county's figures and the runs' manifests.
    static func figures(_ routes: PageRoutes) {
        routes.get(.figures, FiguresPage.show)
        routes.get(.figuresCSV, FiguresPage.csv)
        routes.get(.runManifest, ManifestPage.show)
    }
}
