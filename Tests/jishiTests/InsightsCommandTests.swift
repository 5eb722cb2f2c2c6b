import ArgumentParser
import FluentKit
import Foundation
import Insights
import JishiServer
import JishiServerTesting
import Testing

@testable import jishi

/// `jishi import geography|shops|sales` and `jishi insights recognition`, as a county office
/// runs them on an empty database: the division list, then its sellers' shops and months, then
/// the year's list, printed exactly as the contract says.
@Suite("Command line: the county's imports and its Taobao villages")
struct InsightsCommandTests {
    static func write(_ text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("insights-\(UUID()).csv")
        try Data(text.utf8).write(to: file)
        return file
    }

    static func command<C: ParsableCommand>(_ arguments: [String], path: String, as: C.Type) throws -> C {
        try #require(
            try Jishi.parseAsRoot(arguments + ["--database-url", "sqlite:\(path)", "--log-level", "error"]) as? C)
    }

    /// The shops of two villages: 丁楼村 with 100 active shops selling CNY 100,000 each in the
    /// year to June 2019; 张庄村 with one shop closed on 30 June 2019.
    static var shops: String {
        var lines = ["platform,shop_ref,kind,village_code,opened_on,closed_on"]
        for shop in 1...100 { lines.append("taobao,DL\(shop),individual,371721105201,2015-03-01,") }
        lines.append("pinduoduo,ZZ1,enterprise,371721105202,2016-01-01,2019-06-30")
        return lines.joined(separator: "\n") + "\n"
    }

    static var sales: String {
        var lines = ["platform,shop_ref,month,orders,sales_minor"]
        for shop in 1...100 {
            for month in ["04", "05", "06"] { lines.append("taobao,DL\(shop),2019-\(month),1,3333333") }
            lines.append("taobao,DL\(shop),2018-07,1,1")
        }
        lines.append("pinduoduo,ZZ1,2019-06,40,2000000000")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theOfficeImportsItsFiguresAndPrintsTheYearsListExactly() async throws {
        let path = CommandLineTests.temporaryDatabase()
        let geography = try Self.write(
            """
            county_code,county_name,town_code,town_name,town_kind,village_code,village_name,village_kind,households,latitude,longitude
            371721,曹县,371721105,大集镇,town,371721105201,丁楼村,administrative,312,34.83,115.54
            371721,曹县,371721105,大集镇,town,371721105202,张庄村,administrative,406,34.84,115.56

            """)
        let shops = try Self.write(Self.shops)
        let sales = try Self.write(Self.sales)
        let bad = try Self.write("platform,shop_ref,month,orders,sales_minor\ntaobao,DL1,2019-6,1,1\n")
        defer {
            for file in [path, geography.path, shops.path, sales.path, bad.path] {
                try? FileManager.default.removeItem(atPath: file)
            }
        }

        try await Self.command(["import", "geography", geography.path], path: path, as: ImportGeography.self).run()
        try await Self.command(["import", "geography", geography.path], path: path, as: ImportGeography.self).run()
        try await Self.command(["import", "shops", shops.path], path: path, as: ImportShops.self).run()
        try await Self.command(["import", "sales", sales.path], path: path, as: ImportSales.self).run()
        await #expect(throws: ExitCode(2)) {
            try await Self.command(["import", "sales", bad.path], path: path, as: ImportSales.self).run()
        }
        await #expect(throws: ExitCode(2)) {
            try await Self.command(["import", "shops", sales.path], path: path, as: ImportShops.self).run()
        }
        #expect(throws: (any Error).self) {
            try Jishi.parseAsRoot(["insights", "recognition", "--year", "2008"])
        }

        let config = JishiConfig(store: try JishiConfig.Store(databaseURL: "sqlite:\(path)"), logLevel: .error)
        let report = try await withApplication(config) { app in
            try await app.jishi.recognition.report(year: 2019, by: nil, on: app.db)
        }
        // 100 × CNY 99,999.99 + 100 fen = CNY 10,000,000.00 exactly; 张庄村's closed shop sold CNY 20 million.
        let expected = """
            {"year": 2019,
              "villages": [
                {"code": "371721105201", "recognised": true, "salesMinor": 1000000000, "activeShops": 100, "households": 312},
                {"code": "371721105202", "recognised": false, "salesMinor": 2000000000, "activeShops": 0, "households": 406}
              ],
              "towns": [
                {"code": "371721105", "recognised": false, "salesMinor": 3000000000, "activeShops": 100, "taobaoVillages": 1}
              ],
              "counties": [
                {"code": "371721", "taobaoVillages": 1, "cluster": "none"}
              ]}

            """
        #expect(RecognitionExport.json(report) == expected)
        #expect(try JSONSerialization.jsonObject(with: Data(expected.utf8)) is [String: Any])

        // The built command prints exactly that document on its standard output.
        guard FileManager.default.isExecutableFile(atPath: BuiltJishi.binary.path) else { return }
        let process = Process()
        process.executableURL = BuiltJishi.binary
        process.arguments = [
            "insights", "recognition", "--year", "2019", "--format", "json", "--database-url", "sqlite:\(path)",
            "--log-level", "error",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = try await offThePool {
            let printed = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return printed
        }
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: printed, as: UTF8.self) == expected)
    }
}
