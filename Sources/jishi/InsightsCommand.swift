import ArgumentParser
import Foundation
import Insights
import JishiKit
import JishiServer

/// `jishi insights …`: what the county's government reads.
struct InsightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights", abstract: "The county's insights: Taobao-village recognition.",
        subcommands: [RecognitionCommand.self])
}

/// `jishi insights recognition --year Y [--format json|csv|text]`.
struct RecognitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recognition",
        abstract: "Taobao villages, towns and county clusters of a year, by AliResearch's rules.",
        discussion: """
            Year Y is judged on sales from July Y-1 to June Y on every platform (Jishi's own orders and the \
            imported platforms' sales) and on the shops active at 30 June Y. Every village, town and county in \
            the database is listed.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @OptionGroup var store: StoreOptions
    @Option(help: "The year of the list (2009 to 2099).") var year: Int
    @Option(help: "text (default), json or csv.") var format: Format = .text

    func validate() throws {
        guard Recognition.years.contains(year) else { throw ValidationError("--year: a year from 2009 to 2099") }
    }

    func run() async throws {
        let report = try await withApplication(try store.config()) { app in
            try await migrate(app)
            return try await app.jishi.recognition.report(year: year, by: nil, on: app.db)
        }
        switch format {
        case .json: print(RecognitionExport.json(report), terminator: "")
        case .csv: print(RecognitionExport.csv(report), terminator: "")
        case .text: print(Self.text(report), terminator: "")
        }
    }

    /// The report as a reader skims it: the recognised places first, then the counts.
    static func text(_ report: RecognitionService.Report) -> String {
        var lines = ["Taobao villages \(report.year) (sales July \(report.year - 1) to June \(report.year)):"]
        let villages = report.villages.filter(\.recognised)
        if villages.isEmpty { lines.append("  none") }
        for village in villages {
            lines.append(
                "  \(village.code) \(village.name): \(Money(minorUnits: village.salesMinor).formatted), "
                    + "\(village.activeShops) active shops of \(village.households) households (\(village.reason.rawValue))"
            )
        }
        lines.append("Taobao towns:")
        let towns = report.towns.filter(\.recognised)
        if towns.isEmpty { lines.append("  none") }
        for town in towns {
            lines.append(
                "  \(town.code) \(town.name): \(town.taobaoVillages) Taobao villages, \(Money(minorUnits: town.salesMinor).formatted), "
                    + "\(town.activeShops) active shops (\(town.reason.rawValue))")
        }
        lines.append("Counties:")
        for county in report.counties {
            lines.append(
                "  \(county.code) \(county.name): \(county.taobaoVillages) Taobao villages, "
                    + "\(county.taobaoTowns) Taobao towns, cluster \(county.cluster.rawValue)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
