import Foundation
import Logistics
import Testing

/// A run's vehicle cost shared among its parcels, checked against sums done by hand.
@Suite("Logistics: a run's cost shared by weight on each leg")
struct CostSharingTests {
    static let p1 = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let p2 = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    static let p3 = UUID(uuidString: "00000000-0000-0000-0000-000000000003")!

    /// hub → A (leave p1, 2 kg) → B (leave p2, 1 kg; collect p3, 3 kg) → hub; legs of 10, 5 and
    /// 20 km at 1 yuan a km, a fixed 10 yuan.
    static let run = CostSharing.Run(
        fixedCostMinor: 1_000, costPerKmMinor: 100, legMeters: [10_000, 5_000, 20_000],
        stops: [
            CostSharing.Stop(deliver: [CostSharing.Item(id: p1, group: "A", grams: 2_000)], pickup: []),
            CostSharing.Stop(
                deliver: [CostSharing.Item(id: p2, group: "B", grams: 1_000)],
                pickup: [CostSharing.Item(id: p3, group: "B", grams: 3_000)]),
        ])

    @Test func eachLegIsSharedByTheWeightOnBoardAndTheFixedCostByWeightOverTheRun() throws {
        let shares = CostSharing.shares(Self.run)
        // Leg 1 (1000 fen): p1 and p2 aboard, 2:1 → 666.67 and 333.33.
        // Leg 2 (500 fen): only p2 → 500.
        // Leg 3 (2000 fen): only p3 → 2000.
        // Fixed 1000 fen over 6 kg: p1 333.33, p2 166.67, p3 500.
        #expect(abs(try #require(shares[Self.p1]) - 1_000) < 1e-9)
        #expect(abs(try #require(shares[Self.p2]) - 1_000) < 1e-9)
        #expect(abs(try #require(shares[Self.p3]) - 2_500) < 1e-9)
        #expect(Self.run.costMinor == 4_500)
        #expect(CostSharing.costByGroup(Self.run) == ["A": 1_000, "B": 3_500])
    }

    @Test func anEmptyLegIsACostOfTheWholeRun() throws {
        // hub → A (leave p1 3 kg, p2 1 kg) → hub: the way home carries nothing, so its 800 fen
        // go by weight like the fixed cost (3:1).
        let run = CostSharing.Run(
            fixedCostMinor: 0, costPerKmMinor: 200, legMeters: [1_000, 4_000],
            stops: [
                CostSharing.Stop(
                    deliver: [
                        CostSharing.Item(id: Self.p1, group: "A", grams: 3_000),
                        CostSharing.Item(id: Self.p2, group: "B", grams: 1_000),
                    ], pickup: [])
            ])
        let shares = CostSharing.shares(run)
        #expect(abs(try #require(shares[Self.p1]) - 750) < 1e-9)
        #expect(abs(try #require(shares[Self.p2]) - 250) < 1e-9)
        #expect(CostSharing.costByGroup(run) == ["A": 750, "B": 250])
    }

    @Test func wholeFenAddUpToTheRunsCostByLargestRemainder() {
        // 100 fen in three equal parts: 34, 33, 33, the extra fen to the first by name.
        #expect(CostSharing.allocate(["b": 1, "a": 1, "c": 1], total: 100) == ["a": 34, "b": 33, "c": 33])
        // 10 fen split 1:3 is 2.5 and 7.5: the tie goes to the first by name.
        #expect(CostSharing.allocate(["x": 0.25, "y": 0.75], total: 10) == ["x": 3, "y": 7])
        // A run's cost rounded as the plan totals it: 1 fen fixed, 3 fen a km over 1,500 m = 4.5 → 5, + 1.
        let run = CostSharing.Run(
            fixedCostMinor: 1, costPerKmMinor: 3, legMeters: [750, 750],
            stops: [CostSharing.Stop(deliver: [CostSharing.Item(id: Self.p1, group: "A", grams: 10)], pickup: [])])
        #expect(run.costMinor == 6)
        #expect(CostSharing.costByGroup(run) == ["A": 6])
    }
}
