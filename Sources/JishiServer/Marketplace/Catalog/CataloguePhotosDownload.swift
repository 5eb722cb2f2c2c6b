import Foundation
import Marketplace
import NIOCore
import OpenAPIRuntime
import Vapor

/// A shop's catalogue photos as a ZIP download, for the export's API and its page: the ZIP is
/// written to a temporary file (ZIPFoundation writes archives to files) that is unlinked as
/// soon as it is open, so nothing is left behind whether the download ends, fails or is
/// abandoned; it is then sent in chunks, never held whole in memory.
struct CataloguePhotosDownload: Sendable {
    static let chunkBytes = 256 * 1024

    let handle: FileHandle
    let byteCount: Int

    static func make(_ request: Request, shopID: UUID) async throws -> CataloguePhotosDownload {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jishi-photos-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        let done = try await CatalogExport().photos(
            shopID: shopID, store: request.jishi.photos, to: url, on: request.db)
        if !done.missing.isEmpty {
            request.logger.warning(
                "catalogue photos of shop \(shopID): \(done.missing.count) without a file in the photo store")
        }
        let handle = try FileHandle(forReadingFrom: url)
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 0)
        return CataloguePhotosDownload(handle: handle, byteCount: Int(size))
    }

    /// The file's chunks, read as they are asked for; the file is closed after the last.
    var chunks: AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
        let handle = handle
        return AsyncThrowingStream {
            guard let data = try handle.read(upToCount: Self.chunkBytes), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return ArraySlice(data)
        }
    }

    /// As the API's body.
    var body: HTTPBody {
        HTTPBody(chunks, length: .known(Int64(byteCount)), iterationBehavior: .single)
    }

    /// As a page's download, named `name`.
    func response(name: String) -> Response {
        let chunks = self.chunks
        let response = Response(
            status: .ok,
            body: .init(
                asyncStream: { writer in
                    for try await chunk in chunks {
                        try await writer.write(.buffer(ByteBuffer(bytes: chunk)))
                    }
                    try await writer.write(.end)
                }, count: byteCount))
        response.headers.replaceOrAdd(name: .contentType, value: "application/zip")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
