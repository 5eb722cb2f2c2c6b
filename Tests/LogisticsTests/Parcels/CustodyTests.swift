import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Testing

/// A parcel is with exactly one holder at every moment: random hand-overs, failures and returns,
/// each raced by two couriers and the hub at once, leave one winner a step and a history whose
/// every event starts where the one before ended.
@Suite("Logistics: custody")
struct CustodyTests {
    @Test(arguments: TestStore.available)
    func racingHandOversNeverLeaveAParcelWithTwoHoldersOrNone(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            _ = try await ParcelImport().run(Data(ParcelImportTests.good.utf8), on: county.db)
            let parcel = try #require(
                try await Parcel.query(on: county.db).filter(\.$trackingNumber == "ZT7300000001").first())
            let parcelID = try parcel.requireID()
            let hub = parcel.$origin.id
            let station = parcel.$destination.id
            let runs = [UUID(), UUID()]
            let service = ParcelService(transactions: county.database.transactions)
            var generator = SeededGenerator(seed: 7)
            var holder = Holder.carrier
            var steps = 0
            for _ in 0..<40 {
                // Where the parcel may go next from its holder (a failure keeps it there).
                let choices: [(Holder, ParcelEvent.Kind)] =
                    switch holder {
                    case .carrier: [(.node(hub), .handedOver)]
                    case .node(let id) where id == hub: runs.map { (.run($0), .handedOver) } + [(.carrier, .returned)]
                    case .run: [(.node(station), .handedOver), (.node(hub), .returned), (holder, .failed)]
                    case .node: [(.recipient, .delivered), (.run(runs[0]), .handedOver), (holder, .failed)]
                    case .recipient: [(.node(station), .returned)]
                    }
                // Three at once try to move it from where they saw it, as they saw it.
                let attempts = (0..<3).map { _ in choices[Int.random(in: 0..<choices.count, using: &generator)] }
                let from = holder
                let seen = steps
                let results = await withTaskGroup(of: Holder?.self) { group in
                    for (to, kind) in attempts {
                        group.addTask {
                            do {
                                if kind == .failed {
                                    try await service.recordFailure(
                                        parcelID, holder: from, reason: "nobody home", by: nil, at: nil, seen: seen,
                                        on: county.db)
                                } else {
                                    try await service.handOver(
                                        parcelID, from: from, to: to, kind: kind, by: nil, at: nil, seen: seen,
                                        on: county.db)
                                }
                                return to
                            } catch {
                                return nil
                            }
                        }
                    }
                    return await group.reduce(into: [Holder]()) { if let to = $1 { $0.append(to) } }
                }
                #expect(results.count == 1, "exactly one of three racing moves wins")
                if let winner = results.first { holder = winner }
                steps += results.count
            }
            let stored = try #require(try await Parcel.find(parcelID, on: county.db))
            #expect(stored.currentHolder == holder && stored.custodyVersion == steps)
            let events = try await service.events(of: parcelID, on: county.db)
            #expect(events.map(\.sequence) == Array(0...steps))
            for (previous, next) in zip(events, events.dropFirst()) {
                #expect(
                    next.fromHolder == previous.toHolder,
                    "event \(next.sequence) starts where \(previous.sequence) ended")
            }
            #expect(events.last?.toHolder == holder.rawValue)
        }
    }
}
