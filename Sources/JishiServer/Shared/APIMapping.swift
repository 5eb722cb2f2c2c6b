import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

/// Domain models to API schemas.
enum APIMapping {
    static func account(_ account: Account, on request: Request) async throws -> Components.Schemas.Account {
        let id = try account.requireID()
        let principal = try await request.jishi.accounts.principal(for: id, on: request.db)
        return Components.Schemas.Account(
            id: id.uuidString, username: account.username, displayName: account.displayName,
            preferredLanguage: Components.Schemas.Language(rawValue: account.language.rawValue) ?? .zhHans,
            roles: principal.grants.map(roleGrant), createdAt: account.createdAt)
    }

    static func roleGrant(_ grant: RoleGrant) -> Components.Schemas.RoleGrant {
        Components.Schemas.RoleGrant(
            role: Components.Schemas.Role(rawValue: grant.role.rawValue) ?? .buyer,
            scope: .init(
                kind: .init(rawValue: grant.scope.kind.rawValue) ?? .everywhere, id: grant.scope.id?.uuidString))
    }

    static func villageSummary(_ village: Village) throws -> Components.Schemas.VillageSummary {
        Components.Schemas.VillageSummary(
            id: try village.requireID().uuidString, townId: village.$town.id.uuidString, name: village.name,
            nameEn: village.nameEn, location: .init(latitude: village.latitude, longitude: village.longitude),
            householdCount: village.householdCount,
            specialty: Components.Schemas.Specialty(rawValue: village.specialty.rawValue) ?? .mixed)
    }

    static func shop(_ shop: Shop) throws -> Components.Schemas.Shop {
        Components.Schemas.Shop(
            id: try shop.requireID().uuidString, name: shop.name, description: shop.description,
            villageId: shop.$village.id.uuidString, kind: .init(rawValue: shop.kind.rawValue) ?? .individual,
            brandName: shop.brandName, status: .init(rawValue: shop.status.rawValue) ?? .active,
            statusReason: shop.statusReason, householdId: shop.$household.id?.uuidString)
    }

    static func staffMember(_ staff: ShopStaff) throws -> Components.Schemas.StaffMember {
        Components.Schemas.StaffMember(
            accountId: staff.$account.id.uuidString, username: staff.account.username,
            displayName: staff.account.displayName, role: staff.role == .owner ? .owner : .staff)
    }

    static func product(
        _ product: Product, _ variants: [Variant], photos: [ProductPhoto]? = nil,
        attributes: [ProductAttribute]? = nil
    ) throws -> Components.Schemas.Product {
        Components.Schemas.Product(
            id: try product.requireID().uuidString, shopId: product.$shop.id.uuidString,
            categoryId: product.$category.id.uuidString, title: product.title, description: product.description,
            originVillageId: product.$originVillage.id?.uuidString, listed: product.listed,
            sourceProductId: product.sourceProductID?.uuidString,
            variants: try variants.map(variant),
            photos: try photos?.map(photo),
            attributes: attributes?.map { .init(name: $0.name, value: $0.value) })
    }

    static func product(_ detail: ProductDetail) throws -> Components.Schemas.Product {
        try product(detail.product, detail.variants, photos: detail.photos, attributes: detail.attributes)
    }

    static func variant(_ variant: Variant) throws -> Components.Schemas.Variant {
        Components.Schemas.Variant(
            id: try variant.requireID().uuidString, sku: variant.sku, name: variant.name,
            priceMinor: variant.priceMinor, currency: .cny, stock: variant.stock)
    }

    /// Where a photo is served: its name never changes, so it is cached for a year.
    static func photoURL(_ photo: ProductPhoto) -> String { PhotoRoutes.path(photo.fileName) }

    static func photo(_ photo: ProductPhoto) throws -> Components.Schemas.Photo {
        Components.Schemas.Photo(
            id: try photo.requireID().uuidString, url: photoURL(photo),
            contentType: photo.format == .jpeg ? .imageJpeg : .imagePng, byteCount: photo.byteCount)
    }

    static func category(_ category: Marketplace.Category) throws -> Components.Schemas.CategoryInfo {
        Components.Schemas.CategoryInfo(
            id: try category.requireID().uuidString, code: category.code, name: category.name,
            nameEn: category.nameEn, commissionBps: category.commissionBasisPoints)
    }

    static func statement(_ statement: Statement) -> Components.Schemas.Statement {
        Components.Schemas.Statement(
            shopId: statement.shopID.uuidString, from: statement.from, to: statement.to,
            salesMinor: statement.salesMinor, refundsMinor: statement.refundsMinor,
            commissionMinor: statement.commissionMinor, commissionReturnedMinor: statement.commissionReturnedMinor,
            netPayableMinor: statement.netPayableMinor, paidOrders: statement.paidOrders, refunds: statement.refunds,
            wholesaleSalesMinor: statement.wholesaleSalesMinor, wholesaleCreditsMinor: statement.wholesaleCreditsMinor,
            supplyCostMinor: statement.supplyCostMinor, supplyCreditsMinor: statement.supplyCreditsMinor)
    }

    static func orderPage(_ page: JishiKit.Page<Order>) throws -> Components.Schemas.OrderPage {
        Components.Schemas.OrderPage(
            items: try page.items.map(orderSummary), total: page.total, limit: page.request.limit,
            offset: page.request.offset)
    }

    static func refund(_ refund: Refund) throws -> Components.Schemas.Refund {
        Components.Schemas.Refund(
            id: try refund.requireID().uuidString, orderId: refund.$order.id.uuidString,
            amountMinor: refund.amountMinor, reason: refund.reason, requiresReturn: refund.requiresReturn,
            status: .init(rawValue: refund.status.rawValue) ?? .requested, requestedAt: refund.requestedAt,
            decidedAt: refund.decidedAt, refundedAt: refund.refundedAt)
    }

    static func paymentResult(_ result: PaymentService.Result) throws -> Components.Schemas.PaymentResult {
        Components.Schemas.PaymentResult(
            paymentId: try result.payment.requireID().uuidString,
            status: .init(rawValue: result.payment.status.rawValue) ?? .pending,
            orders: try result.orders.map(orderSummary))
    }

    static func orderSummary(_ order: Order) throws -> Components.Schemas.OrderSummary {
        Components.Schemas.OrderSummary(
            id: try order.requireID().uuidString, shopId: order.$shop.id.uuidString,
            checkoutId: order.$checkout.id.uuidString,
            status: .init(rawValue: order.status.rawValue) ?? .pendingPayment, totalMinor: order.totalMinor,
            createdAt: order.createdAt)
    }

    static func order(_ order: Order, on database: any Database) async throws -> Components.Schemas.Order {
        let id = try order.requireID()
        let lines = try await OrderLine.query(on: database).filter(\.$order.$id == id).sort(\.$sku).all()
        let events = try await OrderEvent.query(on: database).filter(\.$order.$id == id).sort(\.$at).all()
        let refunds = try await Refund.query(on: database).filter(\.$order.$id == id).sort(\.$requestedAt).all()
        return Components.Schemas.Order(
            id: id.uuidString, checkoutId: order.$checkout.id.uuidString, shopId: order.$shop.id.uuidString,
            status: .init(rawValue: order.status.rawValue) ?? .pendingPayment, totalMinor: order.totalMinor,
            refundReservedMinor: order.refundReservedMinor, createdAt: order.createdAt,
            delivery: .init(
                name: order.deliveryName, phone: order.deliveryPhone,
                villageId: order.deliveryVillageID?.uuidString, addressLine: order.deliveryAddress),
            lines: lines.map { line in
                Components.Schemas.OrderLine(
                    id: line.id?.uuidString ?? "", variantId: line.$variant.id.uuidString, title: line.title,
                    sku: line.sku,
                    unitPriceMinor: line.unitPriceMinor, quantity: line.quantity)
            },
            history: events.map { orderEvent(from: $0.from, to: $0.to, reason: $0.reason, at: $0.at) },
            refunds: try refunds.map(refund))
    }

    static func orderEvent(from: OrderStatus?, to: OrderStatus, reason: String, at: Date)
        -> Components.Schemas.OrderEvent
    {
        Components.Schemas.OrderEvent(
            from: from.flatMap { .init(rawValue: $0.rawValue) }, to: .init(rawValue: to.rawValue) ?? .pendingPayment,
            reason: reason, at: at)
    }

    static func rating(_ summary: RatingSummary) -> Components.Schemas.RatingSummary {
        Components.Schemas.RatingSummary(
            count: summary.count, described: summary.described, service: summary.service,
            shipping: summary.shipping, overall: summary.overall)
    }

    /// A display name as strangers see it: the first character, then stars.
    static func masked(_ name: String) -> String {
        guard let first = name.first else { return "*" }
        return String(first) + String(repeating: "*", count: max(1, min(name.count - 1, 3)))
    }

    static func review(_ review: Review, on database: any Database) async throws -> Components.Schemas.Review {
        let buyer = try await Account.find(review.$buyer.id, on: database)
        let photos = try await ReviewPhoto.query(on: database).filter(\.$review.$id == review.requireID())
            .sort(\.$position).all()
        return Components.Schemas.Review(
            id: try review.requireID().uuidString, orderLineId: review.$orderLine.id.uuidString,
            productId: review.$product.id.uuidString, shopId: review.$shop.id.uuidString,
            buyerName: masked(buyer?.displayName ?? ""),
            ratings: .init(described: review.described, service: review.service, shipping: review.shipping),
            text: review.text, createdAt: review.createdAt, reply: review.reply, repliedAt: review.repliedAt,
            photos: try photos.map(reviewPhoto))
    }

    static func reviewPhoto(_ photo: ReviewPhoto) throws -> Components.Schemas.Photo {
        Components.Schemas.Photo(
            id: try photo.requireID().uuidString, url: PhotoRoutes.path(photo.fileName),
            contentType: photo.format == .jpeg ? .imageJpeg : .imagePng, byteCount: photo.byteCount)
    }

    static func conversation(_ conversation: Conversation, side: ChatSide) throws -> Components.Schemas.Conversation {
        let (read, other) =
            side == .buyer
            ? (conversation.buyerReadSeq, conversation.shopReadSeq)
            : (conversation.shopReadSeq, conversation.buyerReadSeq)
        return Components.Schemas.Conversation(
            id: try conversation.requireID().uuidString, buyerId: conversation.$buyer.id.uuidString,
            shopId: conversation.$shop.id.uuidString, side: side == .buyer ? .buyer : .shop,
            lastSeq: conversation.lastSeq, unread: conversation.unread(for: side), readSeq: read, otherReadSeq: other,
            lastMessageAt: conversation.lastMessageAt)
    }

    static func chatMessage(_ message: ChatMessage) throws -> Components.Schemas.ChatMessage {
        Components.Schemas.ChatMessage(
            id: try message.requireID().uuidString, conversationId: message.$conversation.id.uuidString,
            seq: message.seq, senderId: message.senderID.uuidString, side: message.side == .buyer ? .buyer : .shop,
            text: message.text, imageUrl: message.image.map(PhotoRoutes.path),
            productId: message.productID?.uuidString, orderId: message.orderID?.uuidString,
            createdAt: message.createdAt)
    }

    static func cart(_ items: [CartItem]) -> Components.Schemas.Cart {
        Components.Schemas.Cart(
            items: items.map { .init(variantId: $0.$variant.id.uuidString, quantity: $0.quantity) })
    }
}
