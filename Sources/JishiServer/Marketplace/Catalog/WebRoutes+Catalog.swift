import Vapor

extension WebRoutes {
    /// The catalog pages.
    static func catalog(_ routes: PageRoutes) {
        routes.get(.product, ProductController.show)
        routes.get(.newProduct, ProductEditingController.showNew)
        routes.get(.editProduct, ProductEditingController.showEdit)
        // A product's description may be long (5,000 characters, three bytes each and
        // percent-encoded): these forms may be larger than the others.
        // The add-product form may carry photos: it reads its own body, up to the form and
        // three photos, so that a too-large one comes back as a message on the form.
        routes.postStreaming(.newProduct, ProductEditingController.create)
        routes.post(.editProduct, maxBytes: ProductEditingController.maxFormBytes, ProductEditingController.update)
        routes.post(.addVariant, maxBytes: ProductEditingController.maxFormBytes, ProductEditingController.addVariant)
        routes.post(.updateVariant, ProductEditingController.updateVariant)
        routes.post(.variantStock, ProductEditingController.setStock)
        routes.post(.removePhoto, ProductEditingController.removePhoto)
        // A photo upload reads its own body, up to the photo limit plus the form around it, so
        // that a too-large photo comes back as a message on the product's page.
        routes.postStreaming(.addPhoto, ProductEditingController.addPhoto)
        // Bulk import (a CSV and a ZIP of photos) and export of the shop's catalogue.
        routes.get(.catalogImport, CatalogImportPage.show)
        routes.post(.catalogImport, maxBytes: CatalogImportPage.maxBytes, CatalogImportPage.load)
        routes.get(.catalogExport, CatalogImportPage.export)
        routes.get(.catalogExportPhotos, CatalogImportPage.exportPhotos)
        routes.get(.catalogImportRun, CatalogImportRunPage.show)
    }
}
