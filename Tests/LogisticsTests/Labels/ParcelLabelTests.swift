import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Testing

@testable import Logistics

/// A parcel's label: what it says, who may have it, and the SVG it is drawn as.
@Suite("Logistics: parcel labels")
struct ParcelLabelTests {
    static let captions = LabelSVG.Captions(
        title: "Label", direction: "Inbound", destination: "To", recipient: "Recipient", weight: "Weight",
        cashOnDelivery: "Cash on delivery", due: "Due")

    @Test(arguments: TestStore.available)
    func aDispatcherGetsTheLabelWithTheMaskedPhoneAndOthersGetNothing(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            _ = try await ParcelImport().run(Data(ParcelImportTests.good.utf8), on: county.db)
            let service = ParcelService()
            let zto = try #require(
                try await Parcel.query(on: county.db).filter(\.$trackingNumber == "ZT7300000001").first())
            let dispatcher = try await county.principal("dispatcher")
            let label = try await service.label(try zto.requireID(), by: dispatcher, on: county.db)
            #expect(label.carrierCode == "zto" && label.trackingNumber == "ZT7300000001")
            #expect(label.maskedPhone == "138****1234" && label.recipientName == "王秀英")
            #expect(label.weightText == "1.2 kg" && label.codMinor == nil && label.dueDate == "2026-12-03")
            #expect(label.direction == .inbound && !label.destinationCode.isEmpty && !label.villageName.isEmpty)
            #expect(label.barcodeText == "ZT7300000001" && label.qrText == "ZT7300000001")

            let yto = try #require(
                try await Parcel.query(on: county.db).filter(\.$trackingNumber == "YT8800000002").first())
            let cod = try await service.label(try yto.requireID(), by: dispatcher, on: county.db)
            #expect(cod.codMinor == 4_500 && cod.maskedPhone == nil && cod.weightText == "300 g")

            // The same rule as reading the parcel: a buyer is refused, an unknown id is not found.
            let buyer = try await county.principal("buyer")
            do {
                _ = try await service.label(try zto.requireID(), by: buyer, on: county.db)
                Issue.record("a buyer may not have a parcel's label")
            } catch let problem as Problem {
                #expect(problem.status == 403)
            }
            do {
                _ = try await service.label(UUID(), by: dispatcher, on: county.db)
                Issue.record("an unknown parcel has no label")
            } catch let problem as Problem {
                #expect(problem.status == 404)
            }
        }
    }

    @Test func phonesAreMaskedAndWeightsRounded() {
        #expect(ParcelLabel.maskPhone("13800005678") == "138****5678")
        #expect(ParcelLabel.maskPhone("138 0000 5678") == "138****5678")
        #expect(ParcelLabel.maskPhone("5678") == "**78")
        var label = Self.sample
        for (grams, text) in [
            (850, "850 g"), (1_000, "1 kg"), (1_249, "1.2 kg"), (1_250, "1.3 kg"), (99_960, "100 kg"),
        ] {
            label.weightGrams = grams
            #expect(label.weightText == text)
        }
    }

    static let sample = ParcelLabel(
        carrierCode: "zto", carrierName: "中通快递", carrierNameEn: "ZTO Express", trackingNumber: "ZT7317990001",
        direction: .inbound, destinationCode: "STA-371799101201", destinationName: "孙庄村服务站",
        villageName: "孙庄村", villageNameEn: "Sunzhuang", recipientName: "王秀英 & <co>", maskedPhone: "138****5678",
        weightGrams: 1_200, codMinor: 12_550, dueDate: "2026-12-03")

    @Test func theLabelIsA100By150MillimetreSVGWithOnePathPerSymbol() throws {
        let svg = try LabelSVG.label(Self.sample, captions: Self.captions, english: false)
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="150mm""#))
        #expect(svg.contains(#"viewBox="0 0 100 150""#))
        #expect(svg.components(separatedBy: #"shape-rendering="crispEdges""#).count == 3)
        // The barcode's viewBox is its modules plus 10 on each side; the QR's its size plus 4 all round.
        let code = try Code128("ZT7317990001")
        #expect(svg.contains(#"viewBox="0 0 \#(code.moduleCount + 20) 10""#))
        let qr = try QRCode("ZT7317990001")
        #expect(svg.contains(#"viewBox="0 0 \#(qr.size + 8) \#(qr.size + 8)""#))
        #expect(svg.contains("中通快递") && svg.contains("孙庄村") && svg.contains("138****5678"))
        #expect(svg.contains("王秀英 &amp; &lt;co&gt;") && !svg.contains("<co>"))
        #expect(svg.contains(Money(minorUnits: 12_550).formatted) && svg.contains("Cash on delivery"))
        let english = try LabelSVG.label(Self.sample, captions: Self.captions, english: true)
        #expect(english.contains("ZTO Express") && english.contains("Sunzhuang") && !english.contains("中通快递"))
        var noCash = Self.sample
        noCash.codMinor = nil
        #expect(!(try LabelSVG.label(noCash, captions: Self.captions, english: true)).contains("Cash on delivery"))
    }

    @Test func theSymbolPathsDrawEachBarAndEachRunOfDarkModules() throws {
        let code = try Code128("42")
        // Start C 211232, 42, check 44 (105 + 42 = 147 → 44), stop: bars at 10 (2 wide), 13 (1), 16 (3)...
        #expect(LabelSVG.barcodePath(code, height: 10).hasPrefix("M10 0h2v10h-2zM13 0h1v10h-1zM16 0h3v10h-3z"))
        let qr = try QRCode("ZT7317990001")
        let path = LabelSVG.qrPath(qr)
        // The top-left finder's first row is one run of 7 from (4, 4).
        #expect(path.hasPrefix("M4 4h7v1h-7z"))
        let runs = qr.modules.reduce(0) { count, row in
            count + zip([false] + row, row).filter { !$0 && $1 }.count
        }
        #expect(path.components(separatedBy: "M").count - 1 == runs)
    }
}
