import Foundation
import JishiKit

/// The report as the command line and the CSV export write it.
public enum RecognitionExport {
    /// The contract's JSON document, keys in the contract's order:
    /// `{"year", "villages": [{"code","recognised","salesMinor","activeShops","households"}],
    /// "towns": [{"code","recognised","salesMinor","activeShops","taobaoVillages"}],
    /// "counties": [{"code","taobaoVillages","cluster"}]}`.
    public static func json(_ report: RecognitionService.Report) -> String {
        func string(_ text: String) -> String {
            // Codes are digits; escape anyway so that the document is always JSON.
            let data = try? JSONEncoder().encode(text)
            return data.flatMap { String(data: $0, encoding: .utf8) } ?? "\"\""
        }
        let villages = report.villages.map {
            "{\"code\": \(string($0.code)), \"recognised\": \($0.recognised), \"salesMinor\": \($0.salesMinor), "
                + "\"activeShops\": \($0.activeShops), \"households\": \($0.households)}"
        }
        let towns = report.towns.map {
            "{\"code\": \(string($0.code)), \"recognised\": \($0.recognised), \"salesMinor\": \($0.salesMinor), "
                + "\"activeShops\": \($0.activeShops), \"taobaoVillages\": \($0.taobaoVillages)}"
        }
        let counties = report.counties.map {
            "{\"code\": \(string($0.code)), \"taobaoVillages\": \($0.taobaoVillages), "
                + "\"cluster\": \(string($0.cluster.rawValue))}"
        }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
        }
        return "{\"year\": \(report.year),\n  \"villages\": \(list(villages)),\n  \"towns\": \(list(towns)),\n"
            + "  \"counties\": \(list(counties))}\n"
    }

    public static let csvHeader =
        "year,level,code,name,parent_code,kind,recognised,reason,sales_minor,active_shops,households,"
        + "taobao_villages,taobao_towns,cluster"

    /// One row per village, town and county, with the evidence of each decision.
    public static func csv(_ report: RecognitionService.Report) -> String {
        let year = String(report.year)
        var rows: [[String]] = []
        for village in report.villages {
            rows.append([
                year, "village", village.code, CSVFile.cell(village.name), village.townCode, village.kind.rawValue,
                String(village.recognised), village.reason.rawValue, String(village.salesMinor),
                String(village.activeShops), String(village.households), "", "", "",
            ])
        }
        for town in report.towns {
            rows.append([
                year, "town", town.code, CSVFile.cell(town.name), town.countyCode, town.kind.rawValue,
                String(town.recognised), town.reason.rawValue, String(town.salesMinor), String(town.activeShops), "",
                String(town.taobaoVillages), "", "",
            ])
        }
        for county in report.counties {
            rows.append([
                year, "county", county.code, CSVFile.cell(county.name), "", "county",
                String(county.cluster != .none), county.cluster.rawValue, "", "", "", String(county.taobaoVillages),
                String(county.taobaoTowns), county.cluster.rawValue,
            ])
        }
        return CSVFile.text(header: csvHeader, rows: rows)
    }
}
