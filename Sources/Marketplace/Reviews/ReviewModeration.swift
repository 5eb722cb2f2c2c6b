import Community
import FluentKit
import Foundation

/// A moderator hid or restored a review, with a reason: kept for audit.
public final class ReviewModeration: Model, @unchecked Sendable {
    public static let schema = "review_moderations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "review_id") public var review: Review
    @Field(key: "hidden") public var hidden: Bool
    @Field(key: "actor_id") public var actorID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, reviewID: UUID, hidden: Bool, actorID: UUID, reason: String, at: Date) {
        self.id = id
        self.$review.id = reviewID
        self.hidden = hidden
        self.actorID = actorID
        self.reason = reason
        self.at = at
    }
}
