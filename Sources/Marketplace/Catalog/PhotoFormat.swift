import FluentKit
import Foundation
import JishiKit

/// The photo formats accepted: what cheap phones' cameras and screenshots produce.
public enum PhotoFormat: String, Codable, Sendable, CaseIterable {
    case jpeg, png

    public var contentType: String { "image/\(rawValue)" }
    public var fileExtension: String { self == .jpeg ? "jpg" : "png" }

    /// The name of a photo's file in the photo store, and in a catalogue's export: `<id>.jpg`.
    public func fileName(of id: UUID) -> String { id.uuidString.lowercased() + "." + fileExtension }

    /// The format as stored in a photo's row; an unknown one is read as JPEG.
    public static func stored(_ rawValue: String) -> PhotoFormat { PhotoFormat(rawValue: rawValue) ?? .jpeg }

    /// The format the bytes really are, by their signature; `nil` for anything else.
    public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> PhotoFormat? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// The format a `Content-Type` names, ignoring parameters and case.
    public init?(contentType: String) {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch type {
        case "image/jpeg", "image/jpg": self = .jpeg
        case "image/png": self = .png
        default: return nil
        }
    }

    /// The format of a file name such as `…​.jpg`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        default: return nil
        }
    }
}
