import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import Testing

/// The division list and other platforms' shops and sales: loaded whole or not at all, again
/// without duplicates, every bad line and column named.
@Suite("Insights: importing the division list and other platforms' shops and sales")
struct ImportTests {
    static let header =
        "county_code,county_name,town_code,town_name,town_kind,village_code,village_name,village_kind,households,latitude,longitude"
    static let geography = """
        \(header)
        371721,曹县,371721105,大集镇,town,371721105201,丁楼村,administrative,312,34.83,115.54
        371721,曹县,371721105,大集镇,town,371721105202,张庄村,administrative,406,34.84,115.56
        371721,曹县,371721001,曹城街道,subdistrict,371721001001,东关社区,residents,2100,34.82,115.53

        """

    static func data(_ text: String) -> Data { Data(text.utf8) }

    /// Every shop's months in the registry.
    static func sales(on database: any Database) async throws -> [PlatformSale] {
        try await PlatformSale.months(of: PlatformShop.query(on: database).all().compactMap(\.id), on: database)
    }

    static func refusal(_ body: () async throws -> Void) async -> [String] {
        do {
            try await body()
            return []
        } catch let refused as CSVFile.Refused {
            return refused.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test(arguments: TestStore.available)
    func theDivisionListLoadsOnceAndUpdatesByCode(store: TestStore) async throws {
        try await withInsights(on: store) { county, context in
            let geography = GeographyImport(context: context)
            let first = try await geography.run(Self.data(Self.geography), on: county.db)
            #expect(first.counties.added == 1 && first.towns.added == 2 && first.villages.added == 3)
            let again = try await geography.run(Self.data(Self.geography), on: county.db)
            #expect(again.villages.unchanged == 3 && again.villages.added == 0 && again.towns.unchanged == 2)
            #expect(try await Village.query(on: county.db).count() == 3)

            // New names, kinds and households by code; a new village.
            let changed =
                Self.geography.replacingOccurrences(of: "丁楼村,administrative,312", with: "丁楼村,administrative,330")
                .replacingOccurrences(of: "曹城街道,subdistrict", with: "曹城街道,town")
                + "371721,曹县,371721105,大集镇,town,371721105203,孙庄村,村委会,287,34.85,115.57\n"
            let update = try await geography.run(Self.data(changed), on: county.db)
            #expect(update.villages.updated == 1 && update.villages.added == 1 && update.villages.unchanged == 2)
            #expect(update.towns.updated == 1)
            let village = try #require(try await Village.query(on: county.db).filter(\.$code == "371721105201").first())
            #expect(village.householdCount == 330)
            let town = try #require(try await Town.query(on: county.db).filter(\.$code == "371721001").first())
            #expect(town.kind == .town)
            #expect(try await Village.query(on: county.db).count() == 4)
        }
    }

    @Test(arguments: TestStore.available)
    func aBadDivisionListWritesNothingAndNamesEveryBadLineAndColumn(store: TestStore) async throws {
        try await withInsights(on: store) { county, context in
            let bad = """
                \(Self.header)
                371721,曹县,371721105,大集镇,town,371721105201,丁楼村,administrative,312,34.83,115.54
                371721,曹县,371722105,大集镇,city,37172110520,,administrative,-4,91,115.54
                371721,曹县,371721105,大集镇,town,371721105201,丁楼村,administrative,312,34.83,115.54
                371721,Cao,371721106,X,town,371721106201,Y,residents,10,34,115

                """
            let errors = await Self.refusal {
                _ = try await GeographyImport(context: context).run(Self.data(bad), on: county.db)
            }
            #expect(errors.contains { $0.hasPrefix("line 3, column town_code") })
            #expect(errors.contains { $0.hasPrefix("line 3, column town_kind") })
            #expect(errors.contains { $0.hasPrefix("line 3, column village_code") })
            #expect(errors.contains { $0.hasPrefix("line 3, column village_name") })
            #expect(errors.contains { $0.hasPrefix("line 3, column households") })
            #expect(errors.contains { $0.hasPrefix("line 3, column latitude") })
            #expect(errors.contains { $0.hasPrefix("line 4, column village_code") })  // on line 2 already
            #expect(errors.contains { $0.hasPrefix("line 5, column county_name") })  // named 曹县 on line 2
            #expect(!errors.contains { $0.hasPrefix("line 2") })
            let written = try await Village.query(on: county.db).count() + County.query(on: county.db).count()
            #expect(written == 0)

            let header = await Self.refusal {
                _ = try await GeographyImport(context: context).run(
                    Self.data("county_code,town_code\n1,2\n"), on: county.db)
            }
            #expect(header.contains("line 1, column village_code: The header lacks this column."))
        }
    }

    @Test(arguments: TestStore.available)
    func shopsAndSalesUpsertByTheirKeysAndABadFileWritesNothing(store: TestStore) async throws {
        try await withInsights(on: store) { county, context in
            _ = try await GeographyImport(context: context).run(Self.data(Self.geography), on: county.db)
            let shops = ShopsImport(context: context)
            let file = """
                platform,shop_ref,kind,village_code,opened_on,closed_on
                taobao,DL001,individual,371721105201,2009-04-12,
                taobao,DL002,enterprise,371721105201,2012-03-01,2020-06-30
                pinduoduo,DL001,individual,371721105202,2019-05-31,

                """
            let first = try await shops.run(Self.data(file), on: county.db)
            #expect(first.added == 3)
            let again = try await shops.run(Self.data(file), on: county.db)
            #expect(again.unchanged == 3 && again.added == 0)
            let moved = try await shops.run(
                Self.data(
                    file.replacingOccurrences(
                        of: "DL001,individual,371721105201", with: "DL001,enterprise,371721105202")),
                on: county.db)
            #expect(moved.updated == 1 && moved.unchanged == 2)
            #expect(try await PlatformShop.query(on: county.db).count() == 3)

            let sales = SalesImport(context: context)
            let months = """
                platform,shop_ref,month,orders,sales_minor
                taobao,DL001,2019-04,12,360000
                taobao,DL001,2019-05,40,1200000
                pinduoduo,DL001,2019-05,3,9000

                """
            #expect(try await sales.run(Self.data(months), on: county.db).written == 3)
            _ = try await sales.run(
                Self.data(months.replacingOccurrences(of: "40,1200000", with: "41,1230000")), on: county.db)
            #expect(try await Self.sales(on: county.db).count == 3)
            let may = try await Self.sales(on: county.db).filter { $0.month == "2019-05" && $0.orders == 41 }
            #expect(may.count == 1 && may.first?.salesMinor == 1_230_000)

            // Bad rows: nothing of the file is written, every line and column named.
            let badShops = """
                platform,shop_ref,kind,village_code,opened_on,closed_on
                taobao,DL009,individual,371721105201,2020-01-01,
                jishi,X1,individual,371721105201,2020-01-01,
                taobao,DL010,shop,999999999999,2020-02-30,2019-01-01
                taobao,DL011,individual,371721105201,2020-03-01,2020-02-01
                taobao,DL009,individual,371721105201,2020-01-01,

                """
            let shopErrors = await Self.refusal { _ = try await shops.run(Self.data(badShops), on: county.db) }
            #expect(shopErrors.contains { $0.hasPrefix("line 3, column platform") })
            #expect(shopErrors.contains { $0.hasPrefix("line 4, column kind") })
            #expect(shopErrors.contains { $0.hasPrefix("line 4, column village_code") })
            #expect(shopErrors.contains { $0.hasPrefix("line 4, column opened_on") })
            #expect(shopErrors.contains { $0.hasPrefix("line 5, column closed_on") })
            #expect(shopErrors.contains { $0.hasPrefix("line 6, column shop_ref") })
            #expect(try await PlatformShop.query(on: county.db).filter(\.$shopRef == "DL009").count() == 0)

            let badSales = """
                platform,shop_ref,month,orders,sales_minor
                taobao,DL002,2019-06,1,100
                taobao,NOPE,2019-06,1,100
                taobao,DL002,2019-13,-1,1.5
                taobao,DL002,2019-06,1,100

                """
            let saleErrors = await Self.refusal { _ = try await sales.run(Self.data(badSales), on: county.db) }
            #expect(saleErrors.contains { $0.hasPrefix("line 3, column shop_ref") })
            #expect(saleErrors.contains { $0.hasPrefix("line 4, column month") })
            #expect(saleErrors.contains { $0.hasPrefix("line 4, column orders") })
            #expect(saleErrors.contains { $0.hasPrefix("line 4, column sales_minor") })
            #expect(saleErrors.contains { $0.hasPrefix("line 5, column month") })
            #expect(try await Self.sales(on: county.db).filter { $0.month == "2019-06" }.isEmpty)
        }
    }
}
