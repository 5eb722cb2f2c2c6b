import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServerTesting
import Logistics
import Testing
import Vapor

@testable import JishiServer

/// A parcel's label, as SVG from the API and as a page with a print button, for whoever may
/// read the parcel.
@Suite("Logistics: parcel labels")
struct LabelTests {
    static let manifest = """
        carrier,tracking_number,direction,village_code,weight_grams,due_date,recipient_name,recipient_phone,cod_minor
        zto,ZT7317990001,inbound,371799101201,1200,2026-12-03,王秀英,138 0000 5678,12550
        """

    static func withParcel(on store: TestStore, _ body: (Application, UUID) async throws -> Void) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            _ = try await ParcelImport().run(Data(Self.manifest.utf8), on: app.db)
            let parcel = try #require(try await Parcel.query(on: app.db).first())
            try await body(app, try parcel.requireID())
        }
    }

    @Test(arguments: TestStore.available)
    func theAPISendsTheLabelAsSVGToADispatcherAndAProblemToAnyoneElse(store: TestStore) async throws {
        try await Self.withParcel(on: store) { app, id in
            let path = "/api/v1/parcels/\(id)/label"
            let svg: [(String, String)] = [("Accept", "image/svg+xml")]
            let dispatcher = try await app.logIn("dispatcher", password: DemoCounty.password)
            let label = try await app.send(.GET, path, token: dispatcher, headers: svg)
            #expect(label.status == .ok, "\(label.body.string)")
            #expect(label.headers.first(name: .contentType)?.hasPrefix("image/svg+xml") == true)
            let body = label.body.string
            #expect(body.hasPrefix("<svg ") && body.contains(#"viewBox="0 0 100 150""#))
            #expect(body.contains("中通快递") && body.contains("138****5678") && !body.contains("13800005678"))
            #expect(body.contains("代收货款") && body.contains("¥125.50"))
            let english = try await app.send(
                .GET, path, token: dispatcher, headers: svg + [("Accept-Language", "en")])
            #expect(english.body.string.contains("ZTO Express") && english.body.string.contains("Cash on delivery"))

            try await app.send(.GET, path, headers: svg).expectProblem(.unauthenticated)
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            try await app.send(.GET, path, token: buyer, headers: svg).expectProblem(.forbidden)
            try await app.send(.GET, "/api/v1/parcels/\(UUID())/label", token: dispatcher, headers: svg)
                .expectProblem(.notFound)
            try await app.send(.GET, "/api/v1/parcels/not-an-id/label", token: dispatcher, headers: svg)
                .expectProblem(.validation, field: "parcelId")
            // Asking for JSON only is refused, never a 500.
            let json = try await app.send(.GET, path, token: dispatcher)
            #expect((400..<500).contains(json.status.code), "\(json.status)")
        }
    }

    @Test func thePagePrintsTheLabelForADispatcherInBothLanguages() async throws {
        try await Self.withParcel(on: .sqlite) { app, id in
            let path = "/parcels/\(id.uuidString.lowercased())/label"
            var anonymous = WebBrowser(app)
            let away = try await anonymous.get(path)
            #expect(away.status == .seeOther && away.headers.first(name: .location)?.hasPrefix("/login") == true)

            var buyer = try await WebBrowser.signedIn(app, "buyer", acceptLanguage: "zh-CN")
            #expect(try await buyer.get(path).status == .forbidden)

            var dispatcher = try await WebBrowser.signedIn(app, "dispatcher", acceptLanguage: "zh-CN")
            let page = try await dispatcher.get(path)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains(#"id="label""#) && html.contains(#"viewBox="0 0 100 150""#))
            #expect(html.contains("打印面单") && html.contains("中通快递") && html.contains("138****5678"))
            #expect(!html.contains("13800005678"))
            let policy = page.headers.first(name: "Content-Security-Policy") ?? ""
            #expect(policy.contains("script-src 'sha256-"))
            #expect(try await dispatcher.get("/parcels/\(UUID().uuidString.lowercased())/label").status == .notFound)

            // The dispatcher switches to English (the account's language then applies).
            try await dispatcher.post("/language", [("lang", "en"), ("next", path)])
            let englishPage = try await dispatcher.get(path)
            #expect(englishPage.status == .ok && englishPage.body.string.contains("Print the label"))
            #expect(englishPage.body.string.contains("ZTO Express") && englishPage.body.string.contains("Inbound"))
        }
    }

    @Test func theStylesheetPrintsTheLabelOnItsOwn100By150MillimetrePage() async throws {
        #expect(Layout.stylesheetFile.contains("@page label{size:100mm 150mm;margin:0}"))
        #expect(Layout.stylesheetFile.contains(".label{page:label;width:100mm;height:150mm"))
    }
}
