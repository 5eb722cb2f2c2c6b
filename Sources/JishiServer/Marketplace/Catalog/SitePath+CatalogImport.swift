import Foundation

extension SitePath {
    static let catalogImport = SitePath("/shops/:shop/catalogue/import", page: true)
    static let catalogExport = SitePath("/shops/:shop/catalogue/export", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let catalogImportPaths: [SitePath] = [.catalogImport, .catalogExport]
}
