import Community
import FluentKit
import Foundation

/// Someone's report that a review breaks the rules; one per account and review.
public final class ReviewReport: Model, @unchecked Sendable {
    public static let schema = "review_reports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "review_id") public var review: Review
    @Field(key: "reporter_id") public var reporterID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, reviewID: UUID, reporterID: UUID, reason: String, at: Date) {
        self.id = id
        self.$review.id = reviewID
        self.reporterID = reporterID
        self.reason = reason
        self.at = at
    }
}
