import Community
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import OpenAPIRuntime
import Vapor

extension APIHandler {
    /// The request, its caller and the shop `shopId` names, once the caller is known to be of
    /// the shop's staff (else `404`, as for a shop that is not there).
    static func shopStaff(_ shopId: String) async throws -> (Request, Principal, UUID) {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let shopID = try uuid(shopId, field: "shopId")
        _ = try await request.jishi.shops.requireStaff(of: shopID, principal, on: request.db)
        return (request, principal, shopID)
    }

    /// The most bytes the import's ZIP of photos may have: the contract's bound of the part.
    static let importPhotosLimit = ContractRules.shared.partLimit("photos", of: "importShopCatalogue") ?? 0

    func importShopCatalogue(_ input: Operations.ImportShopCatalogue.Input) async throws
        -> Operations.ImportShopCatalogue.Output
    {
        // Staff first: a stranger learns nothing of the shop from a body's size or type.
        let (request, principal, shopID) = try await Self.shopStaff(input.path.shopId)
        let limit = request.jishi.config.http.maxBodyBytes
        let tooLarge = Problem(
            type: .payloadTooLarge,
            detail: "At most \(limit) bytes of CSV; larger files go through the import page or `jishi import products`."
        )
        // A ZIP is read from a file: an uploaded one is kept in a temporary file until the import ends.
        var zipURL: URL?
        defer { if let zipURL { try? FileManager.default.removeItem(at: zipURL) } }
        let data: Data
        var photos: PhotoArchive?
        switch input.body {
        case .csv(let body):
            data = try await Self.collect(body, limit: limit, tooLarge: tooLarge)
        case .multipartForm(let form):
            var file: Data?
            var zipBytes = 0
            // Each part's body is read before the next part is asked for, as a stream of parts requires.
            do {
                for try await part in form {
                    switch part {
                    case .file(let part):
                        file = try await Self.collect(part.payload.body, limit: limit, tooLarge: tooLarge)
                    case .photos(let part):
                        let url =
                            zipURL
                            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                                "jishi-import-\(UUID().uuidString).zip")
                        zipURL = url
                        zipBytes = try await Self.write(
                            part.payload.body, to: url, limit: Self.importPhotosLimit,
                            tooLarge: Problem(
                                type: .payloadTooLarge,
                                detail: "The photos may be at most \(Self.importPhotosLimit) bytes.",
                                field: "photos"))
                    case .undocumented(let part):
                        for try await _ in part.body {}
                    }
                }
            } catch let problem as Problem {
                throw problem
            } catch {
                // The runtime's own checks of the form (a part missing or repeated, a broken body).
                throw file == nil
                    ? Problem(type: .missingField, detail: "Send the CSV in the part `file`.", field: "file")
                    : Problem.validation("file", "The form could not be read: \(error)")
            }
            guard let file else {
                throw Problem(type: .missingField, detail: "Send the CSV in the part `file`.", field: "file")
            }
            data = file
            // An empty part is no photos, as a browser sends a file input left empty.
            if let zipURL, zipBytes > 0 {
                do {
                    photos = try PhotoArchive(url: zipURL)
                } catch {
                    throw Problem.validation("photos", "The part `photos` is not a ZIP file.")
                }
            }
        }
        do {
            let done = try await CatalogImport(context: request.jishi.marketplace).run(
                data, photos: photos, store: request.jishi.photos, into: shopID, by: principal, on: request.db)
            return .ok(.init(body: .json(APIMapping.catalogImport(done))))
        } catch let refused as CSVFile.Refused {
            // Thrown, not returned: a client asking for `application/json` still hears every
            // bad line (`ProblemMiddleware` writes it as `application/problem+json`).
            throw FileRefusal(errors: refused.errors)
        }
    }

    /// Writes an uploaded body to a new file at `url`, refused with `tooLarge` as soon as it
    /// passes `limit`; the bytes written.
    static func write(_ body: HTTPBody, to url: URL, limit: Int, tooLarge: @autoclosure () -> Problem) async throws
        -> Int
    {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw Problem(type: .internalError, detail: "No temporary file for the upload.")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var written = 0
        for try await chunk in body {
            written += chunk.count
            guard written <= limit else { throw tooLarge() }
            try handle.write(contentsOf: chunk)
        }
        return written
    }

    func exportShopCatalogue(_ input: Operations.ExportShopCatalogue.Input) async throws
        -> Operations.ExportShopCatalogue.Output
    {
        let (request, _, shopID) = try await Self.shopStaff(input.path.shopId)
        var data = Data()
        try await CatalogExport().run(shopID: shopID, on: request.db) { data.append($0) }
        return .ok(.init(body: .csv(HTTPBody(data))))
    }

    func exportShopCataloguePhotos(_ input: Operations.ExportShopCataloguePhotos.Input) async throws
        -> Operations.ExportShopCataloguePhotos.Output
    {
        let (request, _, shopID) = try await Self.shopStaff(input.path.shopId)
        return .ok(.init(body: .applicationZip(try await CataloguePhotosDownload.make(request, shopID: shopID).body)))
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
