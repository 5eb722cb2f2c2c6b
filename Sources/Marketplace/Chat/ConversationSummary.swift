import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// A conversation as one participant sees it in their list.
public struct ConversationSummary: Sendable {
    public var conversation: Conversation
    public var side: ChatSide
    public var unread: Int
}
