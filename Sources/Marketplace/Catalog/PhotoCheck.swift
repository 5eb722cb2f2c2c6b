import FluentKit
import Foundation
import JishiKit

/// The checks every uploaded photo passes: a JPEG or PNG content type, at most `limit`
/// bytes, and bytes that really are what the type says.
public enum PhotoCheck {
    public static func format(of bytes: Data, declaredType: String?, limit: Int) throws -> PhotoFormat {
        guard let declaredType, let declared = PhotoFormat(contentType: declaredType) else {
            throw Problem(type: .unsupportedMediaType, detail: "Send the photo as image/jpeg or image/png.")
        }
        guard bytes.count <= limit else {
            throw Problem(
                type: .payloadTooLarge, detail: "A photo may be at most \(limit / 1024) KiB.", field: "photo")
        }
        guard !bytes.isEmpty, PhotoFormat.sniff(bytes) == declared else {
            throw Problem.validation("photo", "The file is not a \(declared.rawValue.uppercased()) image.")
        }
        return declared
    }
}
