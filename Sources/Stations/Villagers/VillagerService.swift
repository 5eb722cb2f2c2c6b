import Community
import FluentKit
import Foundation
import JishiKit

/// Registers villagers at a station's counter and lists them: in full to the station's agents,
/// masked to the officials who oversee it.
public struct VillagerService: Sendable {
    public let context: StationsContext
    let directory = StationDirectory()

    public init(context: StationsContext) { self.context = context }

    public struct Input: Sendable {
        public var name: String
        public var householdID: UUID?
        public var phone: String?
        public var idDigits: String?
        /// The villager agreed to be registered; the agent is the witness. Registering without it
        /// is refused.
        public var consent: Bool

        public init(
            name: String, householdID: UUID? = nil, phone: String? = nil, idDigits: String? = nil, consent: Bool = true
        ) {
            self.name = name
            self.householdID = householdID
            self.phone = phone
            self.idDigits = idDigits
            self.consent = consent
        }
    }

    public static let nameLength = 1...32

    /// Registers a villager at the station (its agents only). With an `Idempotency-Key`, a retry
    /// returns the first registration.
    public func register(
        _ input: Input, idempotencyKey: String?, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> Villager {
        let node = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let key = try idempotencyKey.map { try CashService.key($0) }
        if let key,
            let earlier = try await Villager.query(on: database).filter(\.$stationID == stationID)
                .filter(\.$idempotencyKey == key).first()
        {
            return earlier
        }
        let name = try TextRule.require(input.name, field: "name", length: Self.nameLength)
        guard input.consent else {
            throw Problem.validation("consent", "Register a villager only once they agree to it.")
        }
        var phone: String?
        if let text = input.phone?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let number = PhoneNumber(parsing: text) else {
                throw Problem.validation("phone", "Give a mainland mobile number: 11 digits starting with 1.")
            }
            phone = number.digits
        }
        let idDigits = try Self.idDigits(input.idDigits)
        if let householdID = input.householdID {
            guard let household = try await Household.find(householdID, on: database),
                household.$village.id == node.$village.id
            else { throw Problem.notFound("The household in this station's village", field: "householdId") }
        }
        let villager = Villager(
            id: context.dependencies.uuid(), stationID: stationID, name: name, householdID: input.householdID,
            phone: phone, idDigits: idDigits, witness: principal.accountID, idempotencyKey: key,
            at: context.dependencies.now())
        do {
            try await villager.create(on: database)
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            if let key,
                let earlier = try await Villager.query(on: database).filter(\.$stationID == stationID)
                    .filter(\.$idempotencyKey == key).first()
            {
                return earlier
            }
            throw error
        }
        return villager
    }

    /// The station's villagers by name: in full to its agents, masked to officials in scope.
    public func villagers(at stationID: UUID, for principal: Principal?, on database: any Database) async throws
        -> [Villager]
    {
        let node = try await directory.require(.read, at: stationID, by: principal, on: database)
        let all = try await Villager.query(on: database).filter(\.$stationID == stationID).sort(\.$name)
            .sort(\.$id).limit(2_000).all()
        return try await directory.isAgent(principal, of: node, on: database) ? all : all.map { $0.masked() }
    }

    /// A villager of this station, for its agents; `404` naming `villagerId` otherwise.
    public func villager(_ id: UUID, at stationID: UUID, on database: any Database) async throws -> Villager {
        guard let villager = try await Villager.find(id, on: database), villager.stationID == stationID else {
            throw Problem.notFound("The villager", field: "villagerId")
        }
        return villager
    }

    /// The last characters of an ID number as typed: four of them, digits or a final X. A
    /// whole ID number is refused, never stored.
    static func idDigits(_ text: String?) throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces).uppercased(), !text.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 4,
            scalars.enumerated().allSatisfy({ index, scalar in
                ("0"..."9").contains(scalar) || (index == 3 && scalar == "X")
            })
        else {
            throw Problem.validation(
                "idDigits",
                "Give only the last four characters of the ID number (digits, or a final X); never all of it.")
        }
        return text
    }
}
