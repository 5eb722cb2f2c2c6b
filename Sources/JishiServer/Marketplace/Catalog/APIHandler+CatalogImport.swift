import Foundation
import JishiAPI
import JishiKit
import Marketplace
import OpenAPIRuntime
import Vapor

extension APIHandler {
    func importShopCatalogue(_ input: Operations.ImportShopCatalogue.Input) async throws
        -> Operations.ImportShopCatalogue.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let shopID = try Self.uuid(input.path.shopId, field: "shopId")
        // Staff first: a stranger learns nothing of the shop from a body's size or type.
        _ = try await request.jishi.shops.requireStaff(of: shopID, principal, on: request.db)
        guard case .csv(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let limit = request.jishi.config.http.maxBodyBytes
        let data = try await Self.collect(
            body, limit: limit,
            tooLarge: Problem(
                type: .payloadTooLarge,
                detail: "At most \(limit) bytes; larger files go through the import page or `jishi import products`."))
        do {
            let done = try await CatalogImport(context: request.jishi.marketplace).run(
                data, store: request.jishi.photos, into: shopID, by: principal, on: request.db)
            return .ok(.init(body: .json(APIMapping.catalogImport(done))))
        } catch let refused as CSVFile.Refused {
            // Thrown, not returned: a client asking for `application/json` still hears every
            // bad line (`ProblemMiddleware` writes it as `application/problem+json`).
            throw FileRefusal(errors: refused.errors)
        }
    }

    func exportShopCatalogue(_ input: Operations.ExportShopCatalogue.Input) async throws
        -> Operations.ExportShopCatalogue.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let shopID = try Self.uuid(input.path.shopId, field: "shopId")
        _ = try await request.jishi.shops.requireStaff(of: shopID, principal, on: request.db)
        var data = Data()
        try await CatalogExport().run(shopID: shopID, on: request.db) { data.append($0) }
        return .ok(.init(body: .csv(HTTPBody(data))))
    }
}

/// A refused CSV file as the API answers it: a `422` problem (`CatalogImportRefusal` in the
/// contract) whose `errors` list every bad line and column; nothing was written.
struct FileRefusal: Error, Sendable {
    var errors: [CSVFile.LineError]

    func response(instance: String) -> Response {
        var body = APIMapping.catalogRefusal(CSVFile.Refused(errors: errors))
        body.instance = instance
        let response = Response(status: .unprocessableEntity)
        response.headers.replaceOrAdd(name: .contentType, value: Problem.mediaType)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        response.body = .init(data: (try? encoder.encode(body)) ?? Data())
        return response
    }
}

extension APIMapping {
    static func catalogImport(_ done: CatalogImport.Outcome) -> Components.Schemas.CatalogImportOutcome {
        .init(
            productsCreated: done.productsAdded, productsUpdated: done.productsUpdated,
            variantsCreated: done.variantsAdded, variantsUpdated: done.variantsUpdated,
            unchanged: done.variantsUnchanged, photosAdded: done.photosAdded)
    }

    /// A refused catalogue file as a `422` problem listing every bad line and column.
    static func catalogRefusal(_ refused: CSVFile.Refused) -> Components.Schemas.CatalogImportRefusal {
        let first = refused.errors.first
        return .init(
            _type: ProblemType.validation.uri, title: "The file was refused; nothing was written", status: 422,
            detail: refused.errors.map(\.description).joined(separator: "; "),
            field: first.map { "line \($0.line)" + ($0.column.map { "." + $0 } ?? "") },
            errors: refused.errors.map { .init(line: $0.line, column: $0.column, message: $0.message) })
    }
}
