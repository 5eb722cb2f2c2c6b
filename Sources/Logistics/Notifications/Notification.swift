import Community
import FluentKit
import Foundation

/// A notice for one account, shown in the app (its notifications page), newest first.
public final class AccountNotification: Model, @unchecked Sendable {
    public static let schema = "notifications"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    /// What it is about (`parcel-arrived`).
    @Field(key: "kind") public var kind: String
    /// The text, in the account's language when it was written.
    @Field(key: "body") public var body: String
    /// Where in the app it leads, if anywhere (`/track?…`).
    @OptionalField(key: "link") public var link: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "read_at") public var readAt: Date?

    public init() {}

    public init(id: UUID, accountID: UUID, kind: String, body: String, link: String?, createdAt: Date) {
        self.id = id
        self.$account.id = accountID
        self.kind = kind
        self.body = body
        self.link = link
        self.createdAt = createdAt
    }
}

/// That a parcel's arrival (its custody version at a station or pickup point) was told: written
/// in the same transaction as the text message and the in-app notice, and unique, so a job run
/// again (retried, or taken over from a worker that died) tells nobody twice.
public final class ParcelNotice: Model, @unchecked Sendable {
    public static let schema = "parcel_notices"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "parcel_id") public var parcel: Parcel
    @Field(key: "custody_version") public var custodyVersion: Int
    @Field(key: "node_id") public var nodeID: UUID
    /// The number a text message went to, if any.
    @OptionalField(key: "sms_to") public var smsTo: String?
    /// The account told in the app, if any.
    @OptionalField(key: "account_id") public var accountID: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        id: UUID, parcelID: UUID, custodyVersion: Int, nodeID: UUID, smsTo: String?, accountID: UUID?, createdAt: Date
    ) {
        self.id = id
        self.$parcel.id = parcelID
        self.custodyVersion = custodyVersion
        self.nodeID = nodeID
        self.smsTo = smsTo
        self.accountID = accountID
        self.createdAt = createdAt
    }
}
