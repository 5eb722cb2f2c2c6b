import Community
import FluentKit
import Foundation

/// One vehicle of the county's fleet, which the day's plan gives at most one run.
public final class Vehicle: Model, @unchecked Sendable {
    public static let schema = "vehicles"

    @ID(key: .id) public var id: UUID?
    /// Printable and unique (`VAN-1`); what a plan's run names.
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    /// The heaviest load on board at any point of a run, in grams.
    @Field(key: "capacity_grams") public var capacityGrams: Int
    /// Fuel, wear and the driver's pay per kilometre, in fen.
    @Field(key: "cost_per_km_minor") public var costPerKmMinor: Int
    /// What a day's run costs however short it is, in fen.
    @Field(key: "fixed_cost_minor") public var fixedCostMinor: Int
    /// The longest run, hub to hub, in minutes.
    @Field(key: "shift_minutes") public var shiftMinutes: Int
    /// The courier who usually drives it; a published run goes to them.
    @OptionalParent(key: "courier_id") public var courier: Account?
    @Field(key: "active") public var active: Bool

    public init() {}

    public init(
        id: UUID? = nil, code: String, name: String, capacityGrams: Int, costPerKmMinor: Int, fixedCostMinor: Int,
        shiftMinutes: Int, courierID: UUID? = nil, active: Bool = true
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.capacityGrams = capacityGrams
        self.costPerKmMinor = costPerKmMinor
        self.fixedCostMinor = fixedCostMinor
        self.shiftMinutes = shiftMinutes
        self.$courier.id = courierID
        self.active = active
    }
}
