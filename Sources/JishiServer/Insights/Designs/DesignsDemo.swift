import Community
import FluentKit
import Foundation
import Imaging
import Insights
import JishiKit
import Marketplace

/// The demo's design registry: 丁庄汉服坊 has filed the drawing of a skirt, and a re-coloured
/// copy of it is on sale in 桐木村实木家具's catalogue, so the seller sees a likely copy and the
/// county's official has one to decide. (All demo shops have one owner, so the seller sees
/// both sides.)
public enum DesignsDemo {
    public static func load(on database: any Database, services: JishiServices) async throws {
        guard let seller = try await Account.query(on: database).filter(\.$username == "seller").first() else { return }
        let principal = Principal(accountID: try seller.requireID(), grants: [RoleGrant(role: .seller)])
        let drawings = try LabelledDesigns.generate(designs: 1, unrelated: 0, side: 320, seed: 2026)
        let design = drawings.designs[0]
        guard let copy = drawings.listings.first(where: { $0.kind == .recoloured }) else { return }
        let designs = services.designs
        let (product, _) = try await services.catalog.addProduct(
            .init(
                title: "马面裙 新款撞色 汉服", description: copy.item.description, categoryID: copy.item.categoryID,
                variants: [.init(sku: "MMQ-1", name: "均码", price: Money(minorUnits: 9_900), stock: 20)]),
            to: DemoMarket.id("shop.furniture"), by: principal, shops: services.shops, on: database)
        _ = try await services.catalog.addPhoto(
            copy.item.photo, declaredType: "image/jpeg", to: try product.requireID(), by: principal,
            shops: services.shops, store: services.photos, on: database)
        _ = try await designs.scan(on: database)
        _ = try await designs.file(
            .init(
                shopID: DemoMarket.id("shop.hanfu"), title: "织金马面裙 丁庄原创款", description: design.description,
                categoryID: design.categoryID), photos: [(design.photo, "image/jpeg")], by: principal,
            shops: services.shops, on: database)
    }
}
