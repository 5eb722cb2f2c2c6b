import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Testing

/// A carrier's manifest: registered whole or not at all, every bad line and column named, and
/// a second import of the same file writing nothing.
@Suite("Logistics: importing parcels")
struct ParcelImportTests {
    static let good = """
        carrier,tracking_number,direction,village_code,weight_grams,due_date,recipient_name,recipient_phone,cod_minor
        zto,ZT7300000001,inbound,371799101201,1200,2026-12-03,王秀英,138 0000 1234,
        yto,YT8800000002,inbound,371799101204,300,2026-12-03,刘大姐,,4500
        ems,1100000000003,outbound,371799200201,5000,2026-12-03,桃园农家,,
        """

    @Test(arguments: TestStore.available)
    func aGoodManifestRegistersEachParcelOnceWithItsFirstHolder(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let importer = ParcelImport()
            let first = try await importer.run(Data(Self.good.utf8), on: county.db)
            #expect(first == ParcelImport.Outcome(added: 3, unchanged: 0))
            let again = try await importer.run(Data(Self.good.utf8), on: county.db)
            #expect(again == ParcelImport.Outcome(added: 0, unchanged: 3))
            #expect(try await Parcel.query(on: county.db).count() == 3)
            #expect(try await ParcelEvent.query(on: county.db).count() == 3)

            let network = NetworkService()
            let hub = try #require(try await network.node(code: LogisticsDemo.hubCode, on: county.db))
            let inbound = try #require(
                try await Parcel.query(on: county.db).filter(\.$trackingNumber == "ZT7300000001").first())
            #expect(inbound.currentHolder == .carrier && inbound.$origin.id == hub.id)
            #expect(inbound.contactPhone == "13800001234" && inbound.weightGrams == 1_200)
            // 刘集村 has no station: its parcels wait at the grocery.
            let grocery = try #require(
                try await Parcel.query(on: county.db).filter(\.$trackingNumber == "YT8800000002").with(\.$destination)
                    .first())
            #expect(grocery.destination.kind == .pickupPoint && grocery.codMinor == 4_500)
            let outbound = try #require(
                try await Parcel.query(on: county.db).filter(\.$trackingNumber == "1100000000003").first())
            #expect(outbound.currentHolder == .node(outbound.$origin.id) && outbound.$destination.id == hub.id)
        }
    }

    @Test(arguments: TestStore.available)
    func aBadManifestWritesNothingAndNamesEveryLineAndColumn(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let bad = """
                tracking_number,carrier,direction,village_code,weight_grams,due_date
                ZT7300000001,zto,inbound,371799101201,1200,2026-12-03
                ZT7300000002,dhl,inbound,371799101201,1200,2026-12-03
                ZT7300000003,zto,inbound,999999999999,1200,2026-12-03
                ZT7300000004,zto,inbound,371799101201,-5,2026-12-03
                ZT7300000001,zto,inbound,371799101201,1200,2026-12-03
                ZT7300000006,zto,sideways,371799101201,1200,2026-02-30
                """
            do {
                _ = try await ParcelImport().run(Data(bad.utf8), on: county.db)
                Issue.record("a bad manifest was taken")
            } catch let refused as ParcelImport.Refused {
                let found = refused.errors.map { "\($0.line) \($0.column ?? "")" }
                #expect(
                    found == [
                        "3 carrier", "4 village_code", "5 weight_grams", "6 tracking_number", "7 direction",
                        "7 due_date",
                    ])
                #expect(refused.description.contains("line 6, column tracking_number: zto ZT7300000001 is on line 2"))
            }
            #expect(try await Parcel.query(on: county.db).count() == 0)
        }
    }

    @Test func aFileThatIsNotUTF8OrLacksAColumnIsRefusedWhole() async throws {
        try await withTestNetwork { county in
            var gbk = Data("carrier,tracking_number,direction,village_code,weight_grams,due_date\n".utf8)
            gbk.append(contentsOf: [0x7A, 0x74, 0x6F, 0x2C, 0xCD, 0xF5, 0x0A])  // "zto," then 王 in GBK
            await #expect(throws: ParcelImport.Refused.self) { _ = try await ParcelImport().run(gbk, on: county.db) }
            do {
                _ = try await ParcelImport().run(gbk, on: county.db)
            } catch let refused as ParcelImport.Refused {
                #expect(refused.errors.map(\.line) == [2])
            }
            do {
                _ = try await ParcelImport().run(Data("carrier,tracking_number\nzto,1".utf8), on: county.db)
            } catch let refused as ParcelImport.Refused {
                #expect(
                    refused.errors.compactMap(\.column) == ["direction", "village_code", "weight_grams", "due_date"])
            }
            #expect(try await Parcel.query(on: county.db).count() == 0)
        }
    }
}
