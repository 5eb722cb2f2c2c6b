import Crypto
import FluentKit
import Foundation
import JishiKit

extension CatalogImport {
    /// What a checked file will write: only what is new or different.
    struct Plan: Sendable {
        var shopID: UUID
        var villageID: UUID
        var products: [ProductRow] = []
        var variants: [VariantRow] = []
        var photos: [PhotoRow] = []
        /// Products created or changed in any way: re-indexed for search.
        var changed: [UUID] = []
        /// Products created, or whose text, category, listing or photos changed: the listing
        /// observer is told.
        var listingsChanged: [UUID] = []
        var outcome = Outcome()
    }

    struct ProductRow: Sendable {
        var id: UUID
        var isNew: Bool
        var categoryID: UUID
        var title: String
        var description: String
        var listed: Bool
    }

    struct VariantRow: Sendable {
        var id: UUID
        var isNew: Bool
        var productID: UUID
        var sku: String
        var name: String
        var priceMinor: Int64
        var stock: Int
        var weightGrams: Int
    }

    struct PhotoRow: Sendable {
        var id: UUID
        var productID: UUID
        var position: Int
        var format: PhotoFormat
        var byteCount: Int
        /// Its name in the import's photos.
        var source: String
        var fileName: String { format.fileName(of: id) }
    }

    /// A row's variant, checked; a bad one (`valid` false) still counts for its product's columns.
    private struct Line {
        var row: CSVFile.Row
        var valid = true
        var sku: String
        var name: String?
        var priceMinor: Int64
        var stock: Int
        var weightGrams: Int?
    }

    /// The rows of one `product_ref`, in file order.
    private struct Group {
        var ref: String
        var lines: [Line] = []
    }

    /// Checks every row and product against the shop's catalogue, or throws `Refused` naming
    /// every bad line and column.
    func check(
        _ rows: [CSVFile.Row], columns present: Set<String>, shop: Shop, photos: (any PhotoSource)?,
        store: PhotoStore?, on database: any Database, progress: @Sendable (Progress) -> Void
    ) async throws -> Plan {
        var errors: [CSVFile.LineError] = []
        let catalogue = try await ShopCatalogue.read(shopID: try shop.requireID(), on: database)
        let categories = Dictionary(
            try await Category.query(on: database).all().map { ($0.code, try $0.requireID()) },
            uniquingKeysWith: { a, _ in a })

        // Each row on its own: its product_ref and its variant's fields.
        var groups: [Group] = []
        var groupIndex: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            if index % 10_000 == 0 { progress(Progress(stage: .checking, done: index, total: rows.count)) }
            let line = checkedLine(row, columns: present, errors: &errors)
            let ref: String
            do {
                ref = try requireText(
                    CatalogFile.text(row["product_ref"]), field: "product_ref", length: CatalogFile.productRefLength)
            } catch let problem as Problem {
                errors.append(CSVFile.LineError(line: row.line, column: "product_ref", message: problem.message))
                continue
            }
            if let index = groupIndex[ref] {
                groups[index].lines.append(line)
            } else {
                groupIndex[ref] = groups.count
                groups.append(Group(ref: ref, lines: [line]))
            }
        }

        // Each product: its own columns, which product it is, its variants against the shop's.
        var plan = Plan(shopID: try shop.requireID(), villageID: shop.$village.id)
        var claimed: [UUID: Int] = [:]
        /// Codes of variants the file adds to products not named by id, and where.
        var freshCodes: [String: Int] = [:]
        let limit = store?.maximumBytes ?? PhotoStore.defaultMaximumBytes
        for group in groups {
            let first = group.lines[0].row
            func fail(_ row: CSVFile.Row, _ column: String, _ message: String) {
                errors.append(CSVFile.LineError(line: row.line, column: column, message: message))
            }
            let before = errors.count
            // A product's columns: from its first row; its other rows repeat them or leave them empty.
            for line in group.lines.dropFirst() {
                for column in ["title", "description", "category", "photos", "listed"] where present.contains(column) {
                    let cell = line.row[column]
                    if !cell.isEmpty, cell != first[column] {
                        fail(line.row, column, "Differs from line \(first.line), the product's first row.")
                    }
                }
            }
            var title = ""
            do {
                title = try requireText(
                    CatalogFile.text(first["title"]), field: "title", length: FieldLimits.productTitle)
            } catch let problem as Problem { fail(first, "title", problem.message) }
            var description: String?
            if present.contains("description") {
                do {
                    description = try requireText(
                        CatalogFile.text(first["description"]), field: "description",
                        length: FieldLimits.productDescription, multiline: true)
                } catch let problem as Problem { fail(first, "description", problem.message) }
            }
            let categoryID = categories[first["category"].lowercased()]
            if categoryID == nil { fail(first, "category", "No category has the code \"\(first["category"])\".") }
            var listed: Bool?
            if present.contains("listed"), !first["listed"].isEmpty {
                listed = CatalogFile.listed(first["listed"])
                if listed == nil { fail(first, "listed", "Write true or false.") }
            }

            // Which product: the one an export named by id, else the one holding its codes.
            var existing = UUID(uuidString: group.ref).flatMap { catalogue.products[$0] }
            let namedByID = existing != nil
            if !namedByID {
                var owner: (id: UUID, line: Int)?
                for line in group.lines where line.valid {
                    let owners = catalogue.owners[line.sku] ?? []
                    if owners.count > 1 {
                        fail(
                            line.row, "sku",
                            "\(owners.count) of the shop's products have the SKU \(line.sku): write the product's id "
                                + "(as an export does) in product_ref.")
                    } else if let id = owners.first {
                        if let owner, owner.id != id {
                            fail(line.row, "sku", "This SKU is another product's than the SKU on line \(owner.line).")
                        } else if owner == nil {
                            owner = (id, line.row.line)
                        }
                    }
                }
                existing = owner.flatMap { catalogue.products[$0.id] }
            }
            if let existing {
                if let other = claimed[existing.id] {
                    fail(first, "product_ref", "The product of line \(other) is this one too: give it one product_ref.")
                }
                claimed[existing.id] = first.line
                if existing.linked {
                    fail(
                        first, "product_ref",
                        "This product is a linked listing of another shop's: change it on its page, not by import.")
                }
                // As for editing one product.
                if listed == true, !existing.listed, let reason = existing.heldReason {
                    fail(first, "listed", "The county office took this product off sale: \(reason)")
                }
            }
            let productID = existing?.id ?? context.dependencies.uuid()

            // Its variants.
            var seen: [String: Int] = [:]
            var variants: [VariantRow] = []
            var unchanged = 0
            let current = Dictionary(
                (existing?.variants ?? []).map { ($0.sku, $0) }, uniquingKeysWith: { a, _ in a })
            for line in group.lines where line.valid {
                if let other = seen[line.sku] {
                    fail(line.row, "sku", "The SKU \(line.sku) is on line \(other) already.")
                    continue
                }
                seen[line.sku] = line.row.line
                if let variant = current[line.sku] {
                    if variant.linked {
                        fail(line.row, "sku", "A linked variant's price and stock are the producer's: not by import.")
                        continue
                    }
                    let name = line.name ?? variant.name
                    let weight = line.weightGrams ?? variant.weightGrams
                    if name == variant.name, line.priceMinor == variant.priceMinor, line.stock == variant.stock,
                        weight == variant.weightGrams
                    {
                        unchanged += 1
                        continue
                    }
                    variants.append(
                        VariantRow(
                            id: variant.id, isNew: false, productID: productID, sku: line.sku, name: name,
                            priceMinor: line.priceMinor, stock: line.stock, weightGrams: weight))
                } else {
                    if !namedByID {
                        if let other = freshCodes[line.sku] {
                            fail(line.row, "sku", "The SKU \(line.sku) is another product's on line \(other).")
                        }
                        freshCodes[line.sku] = line.row.line
                    }
                    variants.append(
                        VariantRow(
                            id: context.dependencies.uuid(), isNew: true, productID: productID, sku: line.sku,
                            name: line.name ?? "", priceMinor: line.priceMinor, stock: line.stock,
                            weightGrams: line.weightGrams ?? 0))
                }
            }
            let added = variants.filter(\.isNew).count
            // As for adding one product or variant.
            if (existing?.variants.count ?? 0) + added > 50 {
                fail(first, "sku", "A product has at most 50 variants.")
            }

            // Its photos: those it has already, named as an export names them, and new ones.
            var newPhotos: [PhotoRow] = []
            if present.contains("photos") {
                var known = Set(existing?.photos ?? [])
                for name in CatalogFile.photoNames(first["photos"]) where !known.contains(name) {
                    guard let bytes = try photos?.photo(named: name) else {
                        fail(first, "photos", "\(name) is not in the photos" + (photos == nil ? " (none given)." : "."))
                        continue
                    }
                    let format: PhotoFormat
                    do {
                        let type = (name.split(separator: ".").last).flatMap { PhotoFormat(fileExtension: String($0)) }
                        format = try PhotoCheck.format(of: bytes, declaredType: type?.contentType, limit: limit)
                    } catch let problem as Problem {
                        fail(first, "photos", "\(name): \(problem.message)")
                        continue
                    }
                    let photo = PhotoRow(
                        id: Self.photoID(productID: productID, bytes: bytes), productID: productID,
                        position: (existing?.photos.count ?? 0) + newPhotos.count, format: format,
                        byteCount: bytes.count, source: name)
                    guard known.insert(photo.fileName).inserted else { continue }
                    newPhotos.append(photo)
                }
                if (existing?.photos.count ?? 0) + newPhotos.count > CatalogService.maximumPhotos {
                    fail(first, "photos", "A product has at most \(CatalogService.maximumPhotos) photos.")
                }
            }
            guard errors.count == before, let categoryID else { continue }

            let product = ProductRow(
                id: productID, isNew: existing == nil, categoryID: categoryID, title: title,
                description: description ?? existing?.description ?? "", listed: listed ?? existing?.listed ?? true)
            let productChanged =
                existing.map {
                    $0.title != product.title || $0.description != product.description
                        || $0.categoryID != product.categoryID || $0.listed != product.listed
                } ?? true
            if productChanged { plan.products.append(product) }
            if productChanged || !newPhotos.isEmpty { plan.listingsChanged.append(productID) }
            if productChanged || !newPhotos.isEmpty || !variants.isEmpty { plan.changed.append(productID) }
            if existing == nil {
                plan.outcome.productsAdded += 1
            } else if productChanged || !newPhotos.isEmpty || !variants.isEmpty {
                plan.outcome.productsUpdated += 1
            }
            plan.outcome.variantsAdded += added
            plan.outcome.variantsUpdated += variants.count - added
            plan.outcome.variantsUnchanged += unchanged
            plan.outcome.photosAdded += newPhotos.count
            plan.variants += variants
            plan.photos += newPhotos
        }
        progress(Progress(stage: .checking, done: rows.count, total: rows.count))
        guard errors.isEmpty else {
            throw CSVFile.Refused(errors: errors.sorted { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") })
        }
        return plan
    }

    /// A row's variant checked by `CatalogService`'s rule for one variant, every bad column named.
    private func checkedLine(_ row: CSVFile.Row, columns: Set<String>, errors: inout [CSVFile.LineError]) -> Line {
        let before = errors.count
        func fail(_ column: String, _ message: String) {
            errors.append(CSVFile.LineError(line: row.line, column: column, message: message))
        }
        let price = Int64(row["price_minor"])
        if price == nil { fail("price_minor", "A whole number of fen, from 1 to \(CatalogService.maximumPriceMinor).") }
        let stock = Int(row["stock"])
        if stock == nil { fail("stock", "A whole number, from 0 to \(CatalogService.maximumStock).") }
        var weight: Int?
        if columns.contains("weight_grams") {
            weight = row["weight_grams"].isEmpty ? 0 : Int(row["weight_grams"])
            if weight == nil { fail("weight_grams", "A whole number of grams, from 0 to 1000000.") }
        }
        let name = columns.contains("variant_name") ? CatalogFile.text(row["variant_name"]) : nil
        var variant = CatalogService.NewVariant(
            sku: CatalogFile.text(row["sku"]), name: name ?? "", price: Money(minorUnits: price ?? 1),
            stock: stock ?? 0, weightGrams: weight ?? 0)
        let bad = Line(row: row, valid: false, sku: "", name: nil, priceMinor: 0, stock: 0, weightGrams: nil)
        // The rule stops at its first bad field: put a good value there and ask again, until it
        // has named them all.
        let catalog = CatalogService(context: context)
        for _ in 0..<6 {
            do {
                let checked = try catalog.validated(variant, field: "v", productID: Self.unsavedProduct)
                guard errors.count == before else { return bad }
                return Line(
                    row: row, sku: checked.sku, name: name == nil ? nil : checked.name,
                    priceMinor: checked.priceMinor, stock: checked.stock,
                    weightGrams: weight == nil ? nil : checked.weightGrams)
            } catch let problem as Problem {
                switch problem.field {
                case "v.sku":
                    fail("sku", problem.message)
                    variant.sku = "x"
                case "v.name":
                    fail("variant_name", problem.message)
                    variant.name = ""
                case "v.priceMinor", "v.currency":
                    fail("price_minor", problem.message)
                    variant.price = Money(minorUnits: 1)
                case "v.stock":
                    fail("stock", problem.message)
                    variant.stock = 0
                case "v.weightGrams":
                    fail("weight_grams", problem.message)
                    variant.weightGrams = 0
                default:
                    fail("sku", problem.message)
                    return bad
                }
            } catch {
                fail("sku", "\(error)")
                return bad
            }
        }
        return bad
    }

    /// The product id a line's variant is checked with: the rule does not read it, and a new
    /// id per line (two million lines in a million-product import) was work thrown away.
    static let unsavedProduct = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// A photo's id from its product and bytes, so the same photo imported again for the same
    /// product is the one it has (and not a second copy).
    static func photoID(productID: UUID, bytes: Data) -> UUID {
        var hasher = SHA256()
        withUnsafeBytes(of: productID.uuid) { hasher.update(bufferPointer: $0) }
        hasher.update(data: bytes)
        var digest = Array(hasher.finalize().prefix(16))
        // An RFC 9562 version 8 (custom) UUID, variant 10.
        digest[6] = (digest[6] & 0x0F) | 0x80
        digest[8] = (digest[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7], digest[8],
                digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]
            ))
    }
}

extension Problem {
    /// What a person reads of a problem.
    fileprivate var message: String { detail ?? title }
}
