import FluentKit
import Foundation

/// A course the county offers its villagers (opening a shop, photographing products, packing
/// parcels …), with how many hours it takes.
public final class TrainingCourse: Model, @unchecked Sendable {
    public static let schema = "training_courses"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "hours") public var hours: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(id: UUID, title: String, hours: Int, at: Date) {
        self.id = id
        self.title = title
        self.hours = hours
        self.createdAt = at
    }
}

/// One time a course is taught: at a station, on a day, at a place, by a trainer.
public final class TrainingSession: Model, @unchecked Sendable {
    public static let schema = "training_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "course_id") public var courseID: UUID
    /// The day (YYYY-MM-DD).
    @Field(key: "day") public var day: String
    @Field(key: "place") public var place: String
    @Field(key: "trainer") public var trainer: String
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(
        id: UUID, stationID: UUID, courseID: UUID, day: String, place: String, trainer: String, createdBy: UUID,
        idempotencyKey: String, at: Date
    ) {
        self.id = id
        self.stationID = stationID
        self.courseID = courseID
        self.day = day
        self.place = place
        self.trainer = trainer
        self.createdBy = createdBy
        self.idempotencyKey = idempotencyKey
        self.createdAt = at
    }
}

/// Someone who attended a session: a registered villager or an account holder, once per
/// session. Attending earns a certificate whose code anyone can check.
public final class TrainingAttendance: Model, @unchecked Sendable {
    public static let schema = "training_attendance"

    @ID(key: .id) public var id: UUID?
    @Field(key: "session_id") public var sessionID: UUID
    @OptionalField(key: "villager_id") public var villagerID: UUID?
    @OptionalField(key: "account_id") public var accountID: UUID?
    /// The attendee's name as the certificate bears it.
    @Field(key: "name") public var name: String
    /// The certificate's verification code (unique).
    @Field(key: "certificate_code") public var certificateCode: String
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "at") public var at: Date

    public init() {}

    init(
        id: UUID, sessionID: UUID, villagerID: UUID?, accountID: UUID?, name: String, certificateCode: String,
        recordedBy: UUID, at: Date
    ) {
        self.id = id
        self.sessionID = sessionID
        self.villagerID = villagerID
        self.accountID = accountID
        self.name = name
        self.certificateCode = certificateCode
        self.recordedBy = recordedBy
        self.at = at
    }
}
