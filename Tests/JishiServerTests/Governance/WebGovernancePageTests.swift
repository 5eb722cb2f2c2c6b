import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Testing
import Vapor
import VaporTesting

/// The staff pages through the whole middleware stack, in memory, on every store: an official
/// hides a reported review and suspends a shop; an admin grants and takes back a scoped role,
/// sets commission rates, and reaches a seller's dashboard only through the admin view.
@Suite("Web: pages for officials and admins", .serialized)
struct WebGovernancePageTests {
    static let furniture = DemoMarket.id("shop.furniture")
    static let hanfu = DemoMarket.id("shop.hanfu")

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// The demo buyer's review of the delivered garlic, reported by the agent.
    static func reportedReview(_ app: Application) async throws -> UUID {
        let (_, lineID) = try await WebEngagePageTests.deliveredLine(app)
        let buyer = try #require(try await Account.query(on: app.db).filter(\.$username == "buyer").first())
        let agent = try #require(try await Account.query(on: app.db).filter(\.$username == "agent").first())
        let review = try await app.jishi.reviews.write(
            lineID: lineID, ratings: Ratings(described: 1, service: 1, shipping: 1), text: "加微信买便宜货",
            by: try await app.jishi.accounts.principal(for: buyer.requireID(), on: app.db), on: app.db)
        try await app.jishi.reviews.report(
            review.requireID(), reason: "广告",
            by: try await app.jishi.accounts.principal(for: agent.requireID(), on: app.db),
            on: app.db)
        return try review.requireID()
    }

    @Test(arguments: TestStore.available)
    func anOfficialHidesAReportedReviewAndRestoresIt(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let reviewID = try await Self.reportedReview(app)
            let key = Self.key(reviewID)
            var official = try await WebMarketPageTests.signedIn(app, "official", language: "zh-CN")
            let hub = try await official.get("/manage")
            #expect(hub.status == .ok)
            #expect(hub.body.string.contains(#"href="/manage""#), "the header links staff to their hub")
            #expect(hub.body.string.contains(#"id="tool-reviews""#) && hub.body.string.contains(#"id="tool-shops""#))
            #expect(!hub.body.string.contains(#"id="tool-accounts""#), "an official grants no roles")
            let list = try await official.get("/manage/reviews").body.string
            #expect(list.contains("加微信买便宜货") && list.contains("被举报 1 次") && list.contains("广告"))

            // No reason: the form comes back explained, and the review stays.
            let empty = try await official.post("/manage/reviews/\(key)/hide", [("reason", "  ")])
            #expect(empty.status == .badRequest)
            #expect(empty.body.string.contains(#"id="reason-\#(key)-error""#))
            #expect(try await Review.find(reviewID, on: app.db)?.hidden == false)

            let hidden = try await official.post("/manage/reviews/\(key)/hide", [("reason", "广告")])
            #expect(hidden.status == .seeOther)
            #expect(hidden.headers.first(name: .location) == "/manage/reviews?done=hidden")
            #expect(try await Review.find(reviewID, on: app.db)?.hidden == true)
            #expect(try await official.get("/manage/reviews?done=hidden").body.string.contains("评价已隐藏。"))
            // Hiding twice is a conflict that changes nothing.
            let twice = try await official.post("/manage/reviews/\(key)/hide", [("reason", "广告")])
            #expect(twice.status == .conflict)

            let hiddenList = try await official.get("/manage/reviews?show=hidden").body.string
            #expect(hiddenList.contains(#"id="restore-\#(key)""#))
            let restored = try await official.post("/manage/reviews/\(key)/restore", [("reason", "误判")])
            #expect(restored.status == .seeOther)
            #expect(try await Review.find(reviewID, on: app.db)?.hidden == false)

            // A buyer has no staff pages, and no link to them.
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer")
            #expect(!(try await buyer.get("/").body.string.contains(#"href="/manage""#)))
            #expect(try await buyer.get("/manage").status == .forbidden)
            #expect(try await buyer.get("/manage/reviews").status == .forbidden)
            _ = try await buyer.get("/")
            #expect(try await buyer.post("/manage/reviews/\(key)/hide", [("reason", "x")]).status == .forbidden)
            #expect(try await Review.find(reviewID, on: app.db)?.hidden == false)
        }
    }

    @Test(arguments: TestStore.available)
    func anOfficialSuspendsAShopWithAReasonAndReinstatesIt(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let key = Self.key(Self.furniture)
            var official = try await WebMarketPageTests.signedIn(app, "official")
            let shops = try await official.get("/manage/shops").body.string
            #expect(shops.contains(#"href="/manage/shops/\#(key)""#))
            let page = try await official.get("/manage/shops/\(key)")
            #expect(page.status == .ok)
            #expect(
                page.body.string.contains(#"id="shop-quality""#) && page.body.string.contains(#"id="suspend-form""#))
            #expect(!page.body.string.contains(#"id="admin-view""#), "the admin view is an admin's")

            let empty = try await official.post("/manage/shops/\(key)/suspend", [("reason", "")])
            #expect(empty.status == .badRequest && empty.body.string.contains(#"id="reason-error""#))
            #expect(try await Shop.find(Self.furniture, on: app.db)?.status == .active)

            let suspended = try await official.post("/manage/shops/\(key)/suspend", [("reason", "Fake wood")])
            #expect(suspended.status == .seeOther)
            let shop = try #require(try await Shop.find(Self.furniture, on: app.db))
            #expect(shop.status == .suspended && shop.statusReason == "Fake wood")
            let after = try await official.get("/manage/shops/\(key)?done=suspended").body.string
            #expect(after.contains("店铺已暂停。") && after.contains("Fake wood"), "the official reads Chinese")
            #expect(after.contains(#"id="reinstate-form""#))
            #expect(try await official.get("/manage/shops?status=suspended").body.string.contains(key))
            let again = try await official.post("/manage/shops/\(key)/suspend", [("reason", "Fake wood")])
            #expect(again.status == .conflict)

            let reinstated = try await official.post("/manage/shops/\(key)/reinstate", [("reason", "")])
            #expect(reinstated.status == .seeOther)
            #expect(try await Shop.find(Self.furniture, on: app.db)?.status == .active)
        }
    }

    @Test(arguments: TestStore.available)
    func anAdminGrantsAndTakesBackAScopedRole(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let agent = try #require(try await Account.query(on: app.db).filter(\.$username == "agent").first())
            let agentKey = Self.key(try agent.requireID())
            let before = try await app.jishi.accounts.principal(for: agent.requireID(), on: app.db).grants
            let town = try #require(
                try await Town.query(on: app.db).all().first { town in
                    !before.contains { $0.scope == .town(town.id!) }
                })
            let townValue = "town:" + Self.key(try town.requireID())
            var admin = try await WebMarketPageTests.signedIn(app, "admin")
            let hub = try await admin.get("/manage").body.string
            #expect(hub.contains(#"id="tool-accounts""#) && hub.contains(#"id="tool-categories""#))
            let found = try await admin.get("/manage/accounts?q=agen").body.string
            #expect(found.contains(#"href="/manage/accounts/\#(agentKey)""#))
            let page = try await admin.get("/manage/accounts/\(agentKey)").body.string
            #expect(page.contains(#"value="\#(townValue)""#))

            for bad in [
                [("role", ""), ("scope", townValue)], [("role", "king"), ("scope", townValue)],
                [("role", "agent"), ("scope", "town:" + Self.key(UUID()))],
            ] {
                let refused = try await admin.post("/manage/accounts/\(agentKey)/grant", bad)
                #expect(refused.status == .badRequest)
            }
            #expect(try await app.jishi.accounts.principal(for: agent.requireID(), on: app.db).grants == before)

            let granted = try await admin.post(
                "/manage/accounts/\(agentKey)/grant", [("role", "agent"), ("scope", townValue)])
            #expect(granted.status == .seeOther)
            let grant = RoleGrant(role: .agent, scope: .town(try town.requireID()))
            #expect(
                try await app.jishi.accounts.principal(for: agent.requireID(), on: app.db).grants == before + [grant])
            let shown = try await admin.get("/manage/accounts/\(agentKey)?done=granted").body.string
            #expect(shown.contains("角色已授予。") && shown.contains(town.name), "the admin reads Chinese")

            let revoked = try await admin.post(
                "/manage/accounts/\(agentKey)/revoke", [("role", "agent"), ("scope", townValue)])
            #expect(revoked.status == .seeOther)
            #expect(try await app.jishi.accounts.principal(for: agent.requireID(), on: app.db).grants == before)

            // Granting is an admin of everywhere's; an official is refused and nothing changes.
            var official = try await WebMarketPageTests.signedIn(app, "official")
            #expect(try await official.get("/manage/accounts").status == .forbidden)
            #expect(
                try await official.post(
                    "/manage/accounts/\(agentKey)/grant", [("role", "admin"), ("scope", "everywhere")]
                )
                .status == .forbidden)
            #expect(try await app.jishi.accounts.principal(for: agent.requireID(), on: app.db).grants == before)
        }
    }

    @Test func anAdminSetsCommissionInPercentAndAddsACategory() async throws {
        try await WebMarketPageTests.withMarket(on: .sqlite) { app in
            let farm = CategoryTaxonomy.id(for: "farm")
            var admin = try await WebMarketPageTests.signedIn(app, "admin")
            let page = try await admin.get("/manage/categories").body.string
            #expect(page.contains(#"id="rate-farm""#) && page.contains(#"value="2""#))
            for bad in ["31", "abc", "-1", "2.555"] {
                let refused = try await admin.post("/manage/categories/\(Self.key(farm))/commission", [("rate", bad)])
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(refused.body.string.contains(#"id="rate-farm-error""#))
            }
            #expect(try await Category.find(farm, on: app.db)?.commissionBasisPoints == 200)
            let saved = try await admin.post("/manage/categories/\(Self.key(farm))/commission", [("rate", "4.5%")])
            #expect(saved.status == .seeOther)
            #expect(try await Category.find(farm, on: app.db)?.commissionBasisPoints == 450)

            let missing = try await admin.post(
                "/manage/categories", [("code", "tea"), ("name", ""), ("nameEn", "Tea"), ("rate", "3")])
            #expect(missing.status == .badRequest && missing.body.string.contains(#"id="new-name-error""#))
            let added = try await admin.post(
                "/manage/categories", [("code", "tea"), ("name", "茶叶"), ("nameEn", "Tea"), ("rate", "3")])
            #expect(added.status == .seeOther)
            #expect(try await Category.query(on: app.db).filter(\.$code == "tea").first()?.commissionBasisPoints == 300)
            let taken = try await admin.post(
                "/manage/categories", [("code", "tea"), ("name", "茶"), ("nameEn", "Tea"), ("rate", "3")])
            #expect(taken.status == .conflict)

            var official = try await WebMarketPageTests.signedIn(app, "official")
            #expect(try await official.get("/manage/categories").status == .forbidden)
        }
    }

    @Test func anAdminReachesASellersDashboardOnlyThroughTheAdminView() async throws {
        try await WebMarketPageTests.withMarket(on: .sqlite) { app in
            let key = Self.key(Self.hanfu)
            var admin = try await WebMarketPageTests.signedIn(app, "admin")
            // A typed address: the seller's pages are not the admin's.
            for path in ["/shops/\(key)", "/shops/\(key)/orders", "/shops/\(key)/statement", "/shops/\(key)?view=x"] {
                #expect(try await admin.get(path).status == .notFound, "\(path)")
            }
            let product = Self.key(DemoMarket.id("product.mamian"))
            #expect(try await admin.get("/products/\(product)/edit").status == .notFound)
            // The deliberate way: the staff shop page links to the admin view.
            let moderation = try await admin.get("/manage/shops/\(key)").body.string
            #expect(moderation.contains(#"href="/shops/\#(key)?view=admin""#))
            let view = try await admin.get("/shops/\(key)?view=admin")
            #expect(view.status == .ok)
            #expect(view.body.string.contains(#"id="admin-view-banner""#))
            #expect(!view.body.string.contains(#"id="add-product""#), "the seller's tasks are not offered")
            // Its forms stay the shop's: nothing posts for the seller.
            _ = try await admin.get("/manage")
            let post = try await admin.post("/shops/\(key)/resellers/withdraw?view=admin", [("product", product)])
            #expect(post.status == .notFound)

            // The seller sees the dashboard as always, without the banner.
            var seller = try await WebMarketPageTests.signedIn(app, "seller")
            let own = try await seller.get("/shops/\(key)?view=admin")
            #expect(own.status == .ok && !own.body.string.contains(#"id="admin-view-banner""#))
            #expect(own.body.string.contains(#"id="add-product""#))
        }
    }

    /// The staff pages, gzipped, stay under 8 KB like every other page.
    @Test func everyStaffPageIsUnderEightKilobytesGzipped() async throws {
        try await WebMarketPageTests.withMarket(on: .sqlite) { app in
            _ = try await Self.reportedReview(app)
            let agent = try #require(try await Account.query(on: app.db).filter(\.$username == "agent").first())
            let shop = Self.key(Self.hanfu)
            let pages: [(String, [String])] = [
                (
                    "official",
                    [
                        "/manage", "/manage/reviews", "/manage/reviews?show=hidden", "/manage/shops",
                        "/manage/shops/\(shop)",
                    ]
                ),
                (
                    "admin",
                    [
                        "/manage", "/manage/accounts", "/manage/accounts/\(Self.key(try agent.requireID()))",
                        "/manage/categories", "/shops/\(shop)?view=admin",
                    ]
                ),
            ]
            let live = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            for (username, paths) in pages {
                var browser = WebBrowser(app, acceptLanguage: "zh-CN")
                try await browser.get("/login")
                try await browser.post("/login", [("username", username), ("password", DemoCounty.password)])
                for path in paths {
                    var headers = HTTPHeaders()
                    headers.replaceOrAdd(name: .accept, value: "text/html")
                    headers.replaceOrAdd(name: .acceptEncoding, value: "gzip")
                    headers.replaceOrAdd(
                        name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                    let page = try await live.sendRequest(.GET, path, headers: headers)
                    #expect(page.status == .ok, "\(username) \(path): \(page.status)")
                    #expect(page.body.readableBytes < 8_192, "\(username) \(path): \(page.body.readableBytes) bytes")
                }
            }
        }
    }
}
