import JishiKit
import Marketplace
import Vapor

/// Serves product photos from the photo store. A photo's name is its id and never changes,
/// so it may be cached for a year; ETags answer revalidation with `304`.
enum PhotoRoutes {
    static let cacheControl = "public, max-age=31536000, immutable"

    /// Where a stored photo is served.
    static func path(_ fileName: String) -> String { "/media/photos/" + fileName }

    static func register(on app: Application) {
        app.get("media", "photos", ":file") { request async throws -> Response in
            let name = request.parameters.get("file") ?? ""
            guard PhotoStore.isValidFileName(name),
                let format = PhotoFormat(fileExtension: String(name.split(separator: ".").last ?? ""))
            else { throw Problem.notFound("The photo", field: "file") }
            let url = request.jishi.photos.url(of: name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw Problem.notFound("The photo", field: "file")
            }
            let response = try await request.fileio.asyncStreamFile(at: url.path)
            response.headers.replaceOrAdd(name: .contentType, value: format.contentType)
            response.headers.replaceOrAdd(name: .cacheControl, value: cacheControl)
            response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
            return response
        }
    }
}
