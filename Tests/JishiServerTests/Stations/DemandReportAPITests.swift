import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import SQLKit
import Stations
import Testing
import Vapor
import VaporTesting

@Suite("The stations' market-demand report through the API")
struct DemandReportAPITests {
    @Test(arguments: TestStore.available)
    func searchesAreCountedWithoutNamesAndSalesByCategoryBesideLastYear(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            // Buyers search: twice for something nobody sells (the second time spelled with other
            // spaces and case), once for the stool, and a second page that does not count again.
            for query in ["竹编 凉席", " 竹编   凉席 ", "小板凳"] {
                let found = try await app.send(
                    .GET, "/api/v1/search?q=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                    token: fixture.market.buyer)
                #expect(found.status == .ok, "\(found.body.string)")
            }
            _ = try await app.send(.GET, "/api/v1/search?q=%E5%B0%8F%E6%9D%BF%E5%87%B3&offset=20")
            // The villager's stool, paid in cash.
            let villager = try await fixture.villager()
            let order = try await fixture.assistedOrder(for: villager, quantity: 2)
            #expect(try await fixture.payCash(order.checkoutID, order.totalMinor).status == .created)

            let report = try await app.send(.GET, fixture.path("/demand"), token: fixture.agent)
            #expect(report.status == .ok, "\(report.body.string)")
            let json = try report.json()
            let unmet = json["unmet"] as? [[String: Any]] ?? []
            #expect(unmet.first?["query"] as? String == "竹编 凉席")
            #expect(unmet.first?["empty"] as? Int == 2)
            let searched = json["searched"] as? [[String: Any]] ?? []
            #expect(searched.first { $0["query"] as? String == "小板凳" }?["searches"] as? Int == 1)
            #expect(searched.first { $0["query"] as? String == "小板凳" }?["empty"] as? Int == 0)
            let categories = json["categories"] as? [[String: Any]] ?? []
            let furniture = try #require(
                categories.first { $0["categoryId"] as? String == CategoryTaxonomy.id(for: "furniture").uuidString })
            #expect(furniture["units"] as? Int == 2)
            #expect(furniture["salesMinor"] as? Int == Int(order.totalMinor))
            #expect(furniture["lastYearSalesMinor"] as? Int == 0)
            // Nothing in the counts names who searched.
            let columns = try await (app.db as! any SQLDatabase).raw("SELECT * FROM search_demand").all()
            #expect(columns.allSatisfy { Set($0.allColumns) == ["month", "query", "searches", "empty"] })

            let lastYear = try await app.send(.GET, fixture.path("/demand?month=2020-01"), token: fixture.official)
            #expect((try lastYear.json()["unmet"] as? [Any])?.isEmpty == true)
            try await app.send(.GET, fixture.path("/demand"), token: fixture.otherAgent).expectProblem(.forbidden)
            try await app.send(.GET, fixture.path("/demand?month=2020-13"), token: fixture.agent)
                .expectProblem(.validation)
        }
    }
}
