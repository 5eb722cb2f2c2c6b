import Community
import Foundation
import JishiKit
import Marketplace
import Vapor

/// Listing and editing products: `GET/POST /shops/:shop/products/new`, the edit page
/// `GET/POST /products/:product/edit` and its forms for variants, stock and photos. Each form
/// that fails comes back as the edit page with its message, having written nothing.
enum ProductEditingController {
    /// Product forms carry up to 5,000 characters of description, percent-encoded.
    static let maxFormBytes = 64 * 1024
    /// Room for the multipart form around a photo (boundaries, headers, the CSRF field).
    static let photoFormOverhead = 64 * 1024

    @Sendable static func showNew(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shopID = try request.pageID("shop")
        let model = try await newModel(shopID, principal: principal, language: session.language, request: request)
        return newPage(model, session: session)
    }

    /// Photos the add-product form may carry; more are added on the edit page.
    static let newProductPhotos = 3

    @Sendable static func create(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shopID = try request.pageID("shop")
        let services = request.jishi
        var model = try await newModel(shopID, principal: principal, language: session.language, request: request)
        let limit = maxFormBytes + newProductPhotos * (services.photos.maximumBytes + photoFormOverhead)
        guard try await collectBody(request, limit: limit) else {
            model.failure = FormMessage(.errorPhotoTooLarge, String(model.maxPhotoKiB))
            return newPage(model, session: session, status: .payloadTooLarge)
        }
        let (form, files) = try FormValues.verifiedWithPhotos(request, session: session)
        let product = model.take(form)
        let photos = model.takePhotos(files, maximumCount: newProductPhotos, maximumBytes: services.photos.maximumBytes)
        guard let product, let photos else { return newPage(model, session: session, status: .badRequest) }
        let created: Product
        do {
            (created, _) = try await services.catalog.addProduct(
                product, to: shopID, by: principal, shops: services.shops, on: request.db)
        } catch let problem as Problem where problem.status == 400 || problem.status == 409 {
            if problem.status == 409 {
                model.failure = FormMessage(.newProductShopClosed)
            } else {
                model.errors[serviceField(problem.field)] = FormMessage(.errorFieldInvalid)
            }
            return newPage(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        let productID = try created.requireID()
        // Checked above as the catalog checks them, so each is taken.
        for (photo, declared) in photos {
            _ = try await services.catalog.addPhoto(
                photo, declaredType: declared, to: productID, by: principal, shops: services.shops,
                store: services.photos, on: request.db)
        }
        return WebPage.redirect(
            toPath: Notice.productAdded.on(SitePath.editProduct.path(productID)), session: session)
    }

    /// Reads the body of a streamed form route up to `limit` bytes; `false` when it is larger
    /// (found without reading it when the request says its length).
    static func collectBody(_ request: Request, limit: Int) async throws -> Bool {
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit { return false }
        do {
            // A body already read (in tests, or by a proxy) is not measured by `collect`.
            let body = try await request.body.collect(max: limit).get()
            return (body?.readableBytes ?? 0) <= limit
        } catch let abort as any AbortError where abort.status == .payloadTooLarge {
            return false
        }
    }

    @Sendable static func showEdit(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        var model = try await editModel(request, session: session, principal: principal)
        model.notice = request.notice
        return editPage(model, session: session)
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        var model = try await editModel(request, session: session, principal: principal)
        let listed = form.isChecked("listed")
        model.text = ProductText(
            form, rows: model.attributeRows, categories: model.categories.map(\.id), errors: &model.errors)
        model.listed = listed
        guard model.errors.isEmpty else { return failed(model, .product, session: session) }
        do {
            _ = try await services.catalog.update(
                model.productID,
                CatalogService.ProductChanges(
                    title: model.text.title, description: model.text.description, categoryID: model.text.categoryID,
                    listed: listed, attributes: model.text.givenAttributes),
                by: principal, shops: services.shops, on: request.db)
        } catch let problem as Problem where problem.status == 400 {
            model.errors[serviceField(problem.field)] = FormMessage(.errorFieldInvalid)
            return failed(model, .product, session: session)
        }
        return saved(.productSaved, model, session: session)
    }

    @Sendable static func addVariant(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        var model = try await editModel(request, session: session, principal: principal)
        model.newVariant = VariantInput(form, prefix: "new-")
        guard let variant = model.newVariant.validated(prefix: "new-", errors: &model.errors) else {
            return failed(model, .newVariant, session: session)
        }
        do {
            _ = try await services.catalog.addVariant(
                variant, to: model.productID, by: principal, shops: services.shops, on: request.db)
        } catch let problem as Problem where problem.status == 400 || problem.status == 409 {
            if problem.status == 409 {
                model.errors["new-sku"] = FormMessage(.errorSKUTaken)
            } else {
                model.alerts[.newVariant] = FormMessage(.errorTooManyVariants)
            }
            return failed(model, .newVariant, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        return saved(.variantAdded, model, session: session)
    }

    @Sendable static func updateVariant(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        var model = try await editModel(request, session: session, principal: principal)
        let (index, key) = try variant(of: request, in: model)
        model.variants[index].name = form.trimmed("name")
        model.variants[index].price = form.trimmed("price")
        if model.variants[index].name.count > FieldLimits.variantName.upperBound {
            model.errors["name-\(key)"] = FormMessage(.errorTooLong, String(FieldLimits.variantName.upperBound))
        }
        var errors: [String: FormMessage] = [:]
        let price = VariantInput.price(model.variants[index].price, prefix: "", errors: &errors)
        if let message = errors["price"] { model.errors["price-\(key)"] = message }
        guard model.errors.isEmpty, let price else {
            return failed(model, .variant(model.variants[index].id), session: session)
        }
        _ = try await services.catalog.updateVariant(
            model.variants[index].id, name: model.variants[index].name, price: Money(minorUnits: price), by: principal,
            shops: services.shops, on: request.db)
        return saved(.priceSaved, model, session: session)
    }

    @Sendable static func setStock(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let services = request.jishi
        var model = try await editModel(request, session: session, principal: principal)
        let (index, key) = try variant(of: request, in: model)
        let row = model.variants[index]
        model.variants[index].stock = form.trimmed("stock")
        var errors: [String: FormMessage] = [:]
        let stock = VariantInput.stock(model.variants[index].stock, prefix: "", errors: &errors)
        let expected = FormInput.count(form["expected"])
        guard let stock, let expected else {
            model.errors["stock-\(key)"] = errors["stock"] ?? FormMessage(.errorFieldInvalid)
            return failed(model, .variant(row.id), session: session)
        }
        do {
            _ = try await services.catalog.setStock(
                row.id, to: stock, expected: expected, by: principal, shops: services.shops, on: request.db)
        } catch let problem as Problem where problem.type == ProblemType.conflict.uri {
            // Sold (or counted by someone else) since the page was drawn: say so, with the
            // stock as it is now, and keep what was typed.
            model.errors["stock-\(key)"] = FormMessage(
                .errorStockChanged, String(expected), String(row.storedStock))
            return failed(model, .variant(row.id), session: session, status: .conflict)
        }
        return saved(.stockSaved, model, session: session)
    }

    @Sendable static func addPhoto(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let services = request.jishi
        let bytes: Data
        let declared: String?
        do {
            (bytes, declared) = try await uploadedPhoto(request, session: session)
        } catch let problem as Problem where problem.type == ProblemType.payloadTooLarge.uri {
            return try await photoFailed(.errorPhotoTooLarge, request, session: session, principal: principal)
        } catch let problem as Problem where problem.type == ProblemType.missingField.uri {
            return try await photoFailed(.errorPhotoMissing, request, session: session, principal: principal)
        }
        let productID = try request.pageID("product")
        do {
            _ = try await services.catalog.addPhoto(
                bytes, declaredType: declared, to: productID, by: principal, shops: services.shops,
                store: services.photos, on: request.db)
        } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 404 {
            let message: L10nKey =
                switch ProblemType(uri: problem.type) {
                case .payloadTooLarge: .errorPhotoTooLarge
                case .conflict: .errorTooManyPhotos
                default: .errorPhotoNotImage
                }
            return try await photoFailed(message, request, session: session, principal: principal)
        }
        return WebPage.redirect(
            toPath: Notice.photoAdded.on(SitePath.editProduct.path(productID)), session: session)
    }

    /// The photo of a multipart photo form (streamed routes only), once its CSRF token checks
    /// out, with the type it claims (or, without one, the type its bytes are). A body over the
    /// photo limit plus the form around it is a `payloadTooLarge` problem, found without reading
    /// the photo when the request says its length; no file is a `missingField` problem.
    static func uploadedPhoto(_ request: Request, session: WebSession) async throws -> (Data, String?) {
        let limit = request.jishi.photos.maximumBytes + photoFormOverhead
        guard try await collectBody(request, limit: limit) else {
            throw Problem(type: .payloadTooLarge, detail: "At most \(request.jishi.photos.maximumBytes) bytes.")
        }
        let form = try VerifiedForm.decode(PhotoForm.self, from: request, session: session)
        guard let file = form.photo, file.data.readableBytes > 0 else {
            throw Problem(type: .missingField, detail: "Choose a photo first.", field: "photo")
        }
        let bytes = Data(buffer: file.data)
        return (bytes, file.contentType.map { "\($0.type)/\($0.subType)" } ?? PhotoFormat.sniff(bytes)?.contentType)
    }

    @Sendable static func removePhoto(_ request: Request) async throws -> Response {
        let (session, principal, _) = try await FormValues.signedIn(request)
        let services = request.jishi
        let productID = try request.pageID("product")
        let photoID = try request.pageID("photo")
        guard let photo = try await ProductPhoto.find(photoID, on: request.db), photo.$product.id == productID else {
            throw Problem.notFound("The photo", field: "photo")
        }
        try await services.catalog.removePhoto(
            photoID, by: principal, shops: services.shops, store: services.photos, on: request.db)
        return WebPage.redirect(
            toPath: Notice.photoRemoved.on(SitePath.editProduct.path(productID)), session: session)
    }

    /// The multipart form of the photo upload.
    struct PhotoForm: Content {
        var csrf: String?
        var photo: File?
    }

    // MARK: - Pieces

    private static func newModel(
        _ shopID: UUID, principal: Principal, language: JishiKit.Language, request: Request
    ) async throws -> NewProductPage.Model {
        let services = request.jishi
        let shop = try await services.shops.requireStaff(of: shopID, principal, on: request.db)
        let categories = try await services.catalog.categories(on: request.db).compactMap { category in
            category.id.map { NewProductPage.CategoryChoice(id: $0, name: category.name(language)) }
        }
        return NewProductPage.Model(
            shopID: shopID, shopName: shop.name, categories: categories,
            maxPhotoKiB: services.photos.maximumBytes / 1024)
    }

    private static func editModel(_ request: Request, session: WebSession, principal: Principal) async throws
        -> ProductEditPage.Model
    {
        try await ProductEditPage.Model.load(
            try request.pageID("product"), principal: principal, language: session.language,
            services: request.jishi, on: request.db)
    }

    /// The variant the path names, which must be one of the product's.
    private static func variant(of request: Request, in model: ProductEditPage.Model) throws -> (Int, String) {
        let id = try request.pageID("variant")
        guard let index = model.variants.firstIndex(where: { $0.id == id }) else {
            throw Problem.notFound("The variant", field: "variant")
        }
        return (index, id.uuidString.lowercased())
    }

    /// The form field a catalog problem names (`variants[1].sku` → `variant-1-sku`).
    private static func serviceField(_ field: String?) -> String {
        guard let field else { return "title" }
        switch field {
        case "categoryId": return "category"
        default:
            return field.replacingOccurrences(of: "variants[", with: "variant-")
                .replacingOccurrences(of: "attributes[", with: "attr-")
                .replacingOccurrences(of: "].", with: "-")
                .replacingOccurrences(of: "priceMinor", with: "price")
                .replacingOccurrences(of: "]", with: "")
        }
    }

    private static func photoFailed(
        _ message: L10nKey, _ request: Request, session: WebSession, principal: Principal
    ) async throws -> Response {
        var model = try await editModel(request, session: session, principal: principal)
        model.errors["photo"] = FormMessage(message, String(model.maxPhotoKiB))
        let status: HTTPResponseStatus =
            switch message {
            case .errorPhotoTooLarge: .payloadTooLarge
            case .errorTooManyPhotos: .conflict
            case .errorPhotoNotImage: .unsupportedMediaType
            default: .badRequest
            }
        return failed(model, .photos, session: session, status: status)
    }

    private static func failed(
        _ model: ProductEditPage.Model, _ section: ProductEditPage.Section, session: WebSession,
        status: HTTPResponseStatus = .badRequest
    ) -> Response {
        var model = model
        if model.alerts[section] == nil { model.alerts[section] = FormMessage(.formErrorSummary) }
        return editPage(model, session: session, status: status)
    }

    private static func saved(_ notice: Notice, _ model: ProductEditPage.Model, session: WebSession) -> Response {
        WebPage.redirect(toPath: notice.on(SitePath.editProduct.path(model.productID)), session: session)
    }

    private static func newPage(_ model: NewProductPage.Model, session: WebSession, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let context = PageContext(
            session: session, current: .newProduct, returnPath: SitePath.newProduct.path(model.shopID))
        return WebPage.response(
            NewProductPage.View(model: model, context: context).html, status: status, session: session)
    }

    private static func editPage(
        _ model: ProductEditPage.Model, session: WebSession, status: HTTPResponseStatus = .ok
    ) -> Response {
        let context = PageContext(
            session: session, current: .editProduct, returnPath: SitePath.editProduct.path(model.productID))
        return WebPage.response(
            ProductEditPage.View(model: model, context: context).html, status: status, session: session)
    }
}
