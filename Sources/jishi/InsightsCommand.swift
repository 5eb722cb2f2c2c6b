import ArgumentParser
import Foundation
import Insights
import JishiKit
import JishiServer

/// `jishi insights …`: what the county's government reads.
struct InsightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "The county's insights: Taobao-village recognition, and the copy detector's measurement.",
        subcommands: [RecognitionCommand.self, CopyDetectionCommand.self])
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

/// `jishi insights copy-detection`: the design registry's copy detector measured on a
/// generated labelled set (`bench/designs/run` runs it on the release build).
struct CopyDetectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy-detection",
        abstract: "Precision and recall of the copy detector on a generated labelled set.",
        discussion: """
            Draws N product designs of four kinds, four copies of each (cropped, re-coloured, re-titled, cropped \
            and re-coloured, each saved again as a JPEG) and M unrelated products of the same kinds, then compares \
            every listing with every design. Needs no database.
            """)

    @Option(help: "Designs to draw (1 to 2000).") var designs = 200
    @Option(help: "Unrelated products (0 to 20000).") var unrelated = 800
    @Option(help: "Photo side in pixels (32 to 1024).") var side = 240
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Flag(help: "Also print how image distance and text similarity spread over copies and others.")
    var distributions = false

    func validate() throws {
        guard (1...2000).contains(designs) else { throw ValidationError("--designs: 1 to 2000") }
        guard (0...20000).contains(unrelated) else { throw ValidationError("--unrelated: 0 to 20000") }
        guard (32...1024).contains(side) else { throw ValidationError("--side: 32 to 1024") }
    }

    func run() async throws {
        let started = Date()
        let set = try LabelledDesigns.generate(designs: designs, unrelated: unrelated, side: side, seed: seed)
        let generated = Date()
        let detector = CopyDetector()
        let pairs = try set.pairs(with: detector)
        let score = LabelledDesigns.score(pairs)
        let scored = Date()
        let copies = set.listings.filter { $0.copyOf != nil }.count
        print(
            "designs \(designs), listings \(set.listings.count) (\(copies) copies, \(unrelated) unrelated), \(side) px, seed \(seed)"
        )
        print("pairs compared \(score.pairs)")
        print(
            "true positives \(score.truePositives), false positives \(score.falsePositives), "
                + "false negatives \(score.falseNegatives)")
        print(String(format: "precision %.4f, recall %.4f", score.precision, score.recall))
        for kind in LabelledDesigns.CopyKind.allCases {
            let found = score.recallByKind[kind.rawValue] ?? (0, 0)
            print(
                String(
                    format: "recall %@: %d of %d (%.4f)", kind.rawValue, found.found, found.of,
                    found.of == 0 ? 1 : Double(found.found) / Double(found.of)))
        }
        if distributions { print(Self.distributions(pairs), terminator: "") }
        let baseline = try set.baselineScore()
        print(
            String(
                format: "baseline (whole-photo 64-bit pHash, <= 10 bits, no text): precision %.4f, recall %.4f",
                baseline.precision, baseline.recall))
        for kind in LabelledDesigns.CopyKind.allCases {
            let found = baseline.recallByKind[kind.rawValue] ?? (0, 0)
            print("  baseline recall \(kind.rawValue): \(found.found) of \(found.of)")
        }
        print(
            String(
                format: "generating %.1f s; hashing and comparing %.1f s", generated.timeIntervalSince(started),
                scored.timeIntervalSince(generated)))
    }

    /// Counts of pairs by image distance (bands of 2 bits) and by text similarity (bands of
    /// 0.1), for copies and for the rest of the same category.
    static func distributions(_ pairs: [LabelledDesigns.Pair]) -> String {
        var lines: [String] = []
        let copies = pairs.filter(\.isCopy)
        let others = pairs.filter { !$0.isCopy && $0.evidence.sameCategory }
        lines.append("image distance (bits of 255): copies | others of the same category")
        for band in stride(from: 0, to: 128, by: 8) {
            let c = copies.filter { ($0.evidence.imageDistance ?? 999) / 8 * 8 == band }.count
            let o = others.filter { ($0.evidence.imageDistance ?? 999) / 8 * 8 == band }.count
            lines.append("  \(band)-\(band + 7): \(c) | \(o)")
        }
        for kind in LabelledDesigns.CopyKind.allCases {
            let these = copies.filter { $0.kind == kind }
            func spread(_ values: [Int]) -> String {
                let sorted = values.sorted()
                guard !sorted.isEmpty else { return "-" }
                return "\(sorted[0])/\(sorted[sorted.count / 2])/\(sorted[sorted.count * 9 / 10])/\(sorted.last!)"
            }
            lines.append(
                "  \(kind.rawValue): min/median/p90/max luminance \(spread(these.compactMap(\.evidence.luminanceDistance))), "
                    + "shape \(spread(these.compactMap(\.evidence.shapeDistance)))")
        }
        func spread(_ values: [Int]) -> String {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return "-" }
            return "\(sorted[0])/\(sorted[sorted.count / 10])/\(sorted[sorted.count / 100])/\(sorted[sorted.count / 2])"
        }
        lines.append(
            "  others: min/p10/p1/median luminance \(spread(others.compactMap(\.evidence.luminanceDistance))), "
                + "shape \(spread(others.compactMap(\.evidence.shapeDistance)))")
        lines.append("text similarity: copies | others of the same category")
        for band in 0..<10 {
            let c = copies.filter { min(Int($0.evidence.textSimilarity * 10), 9) == band }.count
            let o = others.filter { min(Int($0.evidence.textSimilarity * 10), 9) == band }.count
            lines.append("  0.\(band): \(c) | \(o)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
