import Community
import FluentKit
import Foundation
import JishiKit
import Logistics

/// Training at the stations: the county's courses, the sessions agents hold, who attended, the
/// certificates anyone can verify by their code, and the county's person-times against the
/// demonstration counties' target of 3,000 a year.
public struct TrainingService: Sendable {
    public let context: StationsContext
    let directory = StationDirectory()

    public init(context: StationsContext) { self.context = context }

    /// The person-times a year a demonstration county reports against.
    public static let yearlyTarget = 3_000
    public static let titleLength = 1...60
    public static let hourRange = 1...200
    /// The characters of a certificate code: no 0/O, 1/I/L, so it reads back from paper.
    static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let codeLength = 10

    // MARK: Courses

    /// The county's courses, by title (anyone signed in).
    public func courses(on database: any Database) async throws -> [TrainingCourse] {
        try await TrainingCourse.query(on: database).sort(\.$title).all()
    }

    /// Adds a course (the county's officials and admins).
    public func addCourse(title: String, hours: Int, by principal: Principal?, on database: any Database)
        async throws -> TrainingCourse
    {
        guard let principal else { throw Problem(type: .unauthenticated) }
        guard principal.hasCountyWide(.official) || principal.hasCountyWide(.admin) else {
            throw Problem.forbidden("The county's officials and admins add courses.")
        }
        let title = try TextRule.require(title, field: "title", length: Self.titleLength)
        guard Self.hourRange.contains(hours) else {
            throw Problem.validation("hours", "A course of 1 to 200 hours.")
        }
        if let same = try await TrainingCourse.query(on: database).filter(\.$title == title).first() { return same }
        let course = TrainingCourse(
            id: context.dependencies.uuid(), title: title, hours: hours, at: context.dependencies.now())
        try await course.create(on: database)
        return course
    }

    // MARK: Sessions and attendance

    public struct SessionInput: Sendable {
        public var courseID: UUID
        public var day: String
        public var place: String
        public var trainer: String

        public init(courseID: UUID, day: String, place: String, trainer: String) {
            self.courseID = courseID
            self.day = day
            self.place = place
            self.trainer = trainer
        }
    }

    /// Schedules or records a session at the station (its agents); once per key.
    public func holdSession(
        _ input: SessionInput, idempotencyKey: String, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> TrainingSession {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let key = try CashService.key(idempotencyKey)
        if let earlier = try await TrainingSession.query(on: database).filter(\.$stationID == stationID)
            .filter(\.$idempotencyKey == key).first()
        {
            return earlier
        }
        guard try await TrainingCourse.find(input.courseID, on: database) != nil else {
            throw Problem.notFound("The course", field: "courseId")
        }
        guard PageDate.day(input.day) != nil else { throw Problem.validation("day", "A day as YYYY-MM-DD.") }
        let place = try TextRule.require(input.place, field: "place", length: 1...60)
        let trainer = try TextRule.require(input.trainer, field: "trainer", length: 1...40)
        let session = TrainingSession(
            id: context.dependencies.uuid(), stationID: stationID, courseID: input.courseID, day: input.day,
            place: place, trainer: trainer, createdBy: principal.accountID, idempotencyKey: key,
            at: context.dependencies.now())
        try await session.create(on: database)
        return session
    }

    /// A session with its course and attendance.
    public struct Held: Sendable {
        public var session: TrainingSession
        public var course: TrainingCourse?
        public var attendance: [TrainingAttendance]

        public init(session: TrainingSession, course: TrainingCourse?, attendance: [TrainingAttendance]) {
            self.session = session
            self.course = course
            self.attendance = attendance
        }
    }

    /// The station's sessions, newest day first, with who attended (its agents, officials in
    /// scope; officials see names masked).
    public func sessions(at stationID: UUID, for principal: Principal?, on database: any Database) async throws
        -> [Held]
    {
        let node = try await directory.require(.read, at: stationID, by: principal, on: database)
        let isAgent = try await directory.isAgent(principal, of: node, on: database)
        let sessions = try await TrainingSession.query(on: database).filter(\.$stationID == stationID)
            .sort(\.$day, .descending).sort(\.$createdAt, .descending).limit(100).all()
        let ids = sessions.compactMap(\.id)
        let courses = try await TrainingCourse.query(on: database).filter(\.$id ~~ sessions.map(\.courseID)).all()
        let attendance = try await TrainingAttendance.query(on: database).filter(\.$sessionID ~~ ids).sort(\.$at)
            .all()
        return sessions.map { session in
            Held(
                session: session, course: courses.first { $0.id == session.courseID },
                attendance: attendance.filter { $0.sessionID == session.id }.map { attendee in
                    if !isAgent { attendee.name = Account.maskedName(attendee.name) }
                    return attendee
                })
        }
    }

    /// Records that a registered villager (or an account holder) attended, and issues their
    /// certificate; attending twice is recorded once.
    public func attend(
        _ sessionID: UUID, villagerID: UUID?, accountID: UUID?, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> TrainingAttendance {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        guard let session = try await TrainingSession.find(sessionID, on: database), session.stationID == stationID
        else { throw Problem.notFound("The session", field: "sessionId") }
        let name: String
        switch (villagerID, accountID) {
        case (let villagerID?, nil):
            name = try await VillagerService(context: context).villager(villagerID, at: stationID, on: database).name
        case (nil, let accountID?):
            guard let account = try await Account.find(accountID, on: database) else {
                throw Problem.notFound("The account", field: "accountId")
            }
            name = account.displayName
        default:
            throw Problem.validation("villagerId", "Name the villager or the account who attended, one of them.")
        }
        let existing = TrainingAttendance.query(on: database).filter(\.$sessionID == sessionID)
        if let villagerID, let earlier = try await existing.filter(\.$villagerID == villagerID).first() {
            return earlier
        }
        if let accountID, let earlier = try await existing.filter(\.$accountID == accountID).first() {
            return earlier
        }
        let attendance = TrainingAttendance(
            id: context.dependencies.uuid(), sessionID: sessionID, villagerID: villagerID, accountID: accountID,
            name: name, certificateCode: certificateCode(), recordedBy: principal.accountID,
            at: context.dependencies.now())
        do {
            try await attendance.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same attendee recorded at the same moment by another request.
            let again = TrainingAttendance.query(on: database).filter(\.$sessionID == sessionID)
            if let villagerID, let earlier = try await again.filter(\.$villagerID == villagerID).first() {
                return earlier
            }
            if let accountID, let earlier = try await again.filter(\.$accountID == accountID).first() {
                return earlier
            }
            throw Problem(type: .conflict, detail: "The attendance clashed with another; send it again.")
        }
        return attendance
    }

    // MARK: Certificates

    /// What a certificate check shows: enough to compare with the paper, nothing more.
    public struct Certificate: Sendable {
        public var code: String
        /// The holder's name, masked after its first character.
        public var holder: String
        public var course: String
        public var hours: Int
        public var day: String
        public var station: String
    }

    /// The certificate with this code, for anyone; `404` when there is none.
    public func certificate(_ code: String, on database: any Database) async throws -> Certificate {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == Self.codeLength, code.allSatisfy({ Self.codeAlphabet.contains($0) }),
            let attendance = try await TrainingAttendance.query(on: database).filter(\.$certificateCode == code)
                .first(),
            let session = try await TrainingSession.find(attendance.sessionID, on: database),
            let course = try await TrainingCourse.find(session.courseID, on: database)
        else { throw Problem.notFound("The certificate", field: "code") }
        let station = try await NetworkNode.find(session.stationID, on: database)
        return Certificate(
            code: code, holder: Account.maskedName(attendance.name), course: course.title, hours: course.hours,
            day: session.day, station: station?.name ?? "")
    }

    private func certificateCode() -> String {
        String(
            context.dependencies.randomBytes(Self.codeLength).map {
                Self.codeAlphabet[Int($0) % Self.codeAlphabet.count]
            })
    }

    // MARK: The county's totals

    public struct Totals: Sendable {
        public var year: Int
        /// People trained in the year, counted once per session attended.
        public var personTimes: Int
        public var sessions: Int
        public var target: Int
        /// Person-times by town id.
        public var byTown: [UUID: Int]
    }

    /// The year's person-times across the stations `principal` oversees (officials and admins).
    public func totals(year: Int, for principal: Principal?, on database: any Database) async throws -> Totals {
        guard let principal else { throw Problem(type: .unauthenticated) }
        guard (2000...2199).contains(year) else { throw Problem.validation("year", "A year from 2000 to 2199.") }
        let towns = Dictionary(
            try await Town.query(on: database).all().map { ($0.id, $0.$county.id) }, uniquingKeysWith: { a, _ in a })
        let nodes = Dictionary(
            try await directory.stations(on: database).compactMap { node in node.id.map { ($0, node) } },
            uniquingKeysWith: { a, _ in a })
        let sessions = try await TrainingSession.query(on: database)
            .filter(\.$day >= String(format: "%04d-01-01", year)).filter(\.$day <= String(format: "%04d-12-31", year))
            .all()
            .filter { session in
                guard let node = nodes[session.stationID] else { return false }
                let place = Place(
                    countyID: towns[node.$town.id] ?? nil, townID: node.$town.id, villageID: node.$village.id,
                    stationID: session.stationID)
                return Authorization.may(principal, .viewInsights, .place(place))
            }
        guard !sessions.isEmpty || principal.has(.official) || principal.has(.admin) else {
            throw Problem.forbidden("The county's officials and admins read its training totals.")
        }
        let counts = try await TrainingAttendance.query(on: database).filter(\.$sessionID ~~ sessions.compactMap(\.id))
            .all().reduce(into: [UUID: Int]()) { $0[$1.sessionID, default: 0] += 1 }
        var byTown: [UUID: Int] = [:]
        for session in sessions {
            guard let id = session.id, let town = nodes[session.stationID]?.$town.id else { continue }
            byTown[town, default: 0] += counts[id] ?? 0
        }
        return Totals(
            year: year, personTimes: counts.values.reduce(0, +), sessions: sessions.count, target: Self.yearlyTarget,
            byTown: byTown)
    }
}
