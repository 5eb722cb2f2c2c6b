import Foundation

extension SitePath {
    static let catalogImport = SitePath("/shops/:shop/catalogue/import", page: true)
    static let catalogExport = SitePath("/shops/:shop/catalogue/export", page: false)
    static let catalogExportPhotos = SitePath("/shops/:shop/catalogue/export/photos", page: false)
    static let catalogImportRun = SitePath("/shops/:shop/catalogue/imports/:import", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let catalogImportPaths: [SitePath] = [
        .catalogImport, .catalogExport, .catalogExportPhotos, .catalogImportRun,
    ]
}
