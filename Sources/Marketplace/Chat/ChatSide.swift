import Community
import FluentKit
import Foundation

/// Which side of a conversation someone speaks for.
public enum ChatSide: String, Codable, Sendable {
    case buyer, shop
}
