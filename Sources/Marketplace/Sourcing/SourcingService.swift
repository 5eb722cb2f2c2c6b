import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Sourcing between shops: producers open products to resellers with wholesale tiers (to
/// everyone or to approved shops), resellers ask for approval and list linked products at their
/// own retail price, never below the wholesale price.
public struct SourcingService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    public static let maximumTiers = 10

    // MARK: Producer side

    /// Opens (or re-prices) a product to resellers (its shop's staff). Every variant listed in
    /// `tiers` needs a tier from 1 unit; variants left out are not offered.
    public func offer(
        productID: UUID, audience: SourcingOffer.Audience, tiers: [UUID: [PriceTiers.Tier]], by principal: Principal,
        on database: any Database
    ) async throws -> SourcingOfferDetail {
        guard let product = try await Product.find(productID, on: database) else {
            throw Problem.notFound("The product", field: "productId")
        }
        let shop = try await ShopService(context: context).requireStaff(of: product.$shop.id, principal, on: database)
        guard product.sourceProductID == nil else {
            throw Problem(type: .conflict, detail: "A linked product cannot be offered on.", field: "productId")
        }
        guard !tiers.isEmpty else { throw Problem.validation("variants", "Offer at least one variant.") }
        let variants = try await Variant.query(on: database).filter(\.$product.$id == productID).all()
        let own = Dictionary(uniqueKeysWithValues: try variants.map { (try $0.requireID(), $0) })
        var rows: [WholesaleTier] = []
        for (variantID, list) in tiers.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let field = "variants[\(variantID.uuidString)]"
            guard let variant = own[variantID] else {
                throw Problem.notFound("The variant \(variantID.uuidString)", field: field + ".variantId")
            }
            guard (1...Self.maximumTiers).contains(list.count) else {
                throw Problem.validation(field + ".tiers", "Give 1 to \(Self.maximumTiers) tiers.")
            }
            for tier in list {
                guard (1...CheckoutService.maximumQuantity).contains(tier.minQuantity) else {
                    throw Problem.validation(
                        field + ".tiers.minQuantity", "From 1 to \(CheckoutService.maximumQuantity).")
                }
                guard (1...variant.priceMinor).contains(tier.unitPriceMinor) else {
                    throw Problem.validation(
                        field + ".tiers.unitPriceMinor", "From 1 fen to the retail price, \(variant.priceMinor) fen.")
                }
            }
            guard PriceTiers(list) != nil else {
                throw Problem.validation(
                    field + ".tiers",
                    "Start at 1 unit, use each quantity once, and never charge more for more units.")
            }
            rows += list.map {
                WholesaleTier(
                    id: context.dependencies.uuid(), variantID: variantID, minQuantity: $0.minQuantity,
                    unitPriceMinor: $0.unitPriceMinor)
            }
        }
        let now = context.dependencies.now()
        let shopID = try shop.requireID()
        let variantIDs = Array(own.keys)
        let newTiers = rows
        try await context.transactions.transaction(on: database) { db in
            if let existing = try await SourcingOffer.query(on: db).filter(\.$product.$id == productID).first() {
                existing.audience = audience
                existing.updatedAt = now
                try await existing.save(on: db)
            } else {
                try await SourcingOffer(
                    id: context.dependencies.uuid(), productID: productID, shopID: shopID, audience: audience, at: now
                ).create(on: db)
            }
            try await WholesaleTier.query(on: db).filter(\.$variant.$id ~~ variantIDs).delete()
            try await newTiers.create(on: db)
        }
        guard let detail = try await offerDetail(productID: productID, on: database) else {
            throw Problem.notFound("The offer", field: "productId")
        }
        return detail
    }

    /// Closes a product to resellers: its linked listings are unlisted (out of search and off
    /// sale) in the same transaction.
    public func withdraw(productID: UUID, by principal: Principal, on database: any Database) async throws {
        guard let product = try await Product.find(productID, on: database) else {
            throw Problem.notFound("The product", field: "productId")
        }
        _ = try await ShopService(context: context).requireStaff(of: product.$shop.id, principal, on: database)
        let variantIDs = try await Variant.query(on: database).filter(\.$product.$id == productID).all(\.$id)
        try await context.transactions.transaction(on: database) { db in
            try await SourcingOffer.query(on: db).filter(\.$product.$id == productID).delete()
            try await WholesaleTier.query(on: db).filter(\.$variant.$id ~~ variantIDs).delete()
            try await db.sql().update(Product.schema).set(SQLIdentifier("listed"), to: SQLBind(false))
                .where(SQLIdentifier("source_product_id"), .equal, SQLBind(productID)).run()
        }
    }

    /// The offer on a product, if it is open to resellers.
    public func offerDetail(productID: UUID, on database: any Database) async throws -> SourcingOfferDetail? {
        try await offerDetails(SourcingOffer.query(on: database).filter(\.$product.$id == productID), on: database)
            .first
    }

    /// A reseller asks a producer for approval (the reseller's staff); asking again after a
    /// rejection or revocation asks anew.
    public func requestApproval(
        producerShopID: UUID, resellerShopID: UUID, message: String, by principal: Principal,
        on database: any Database
    ) async throws -> ResellerApproval {
        let shops = ShopService(context: context)
        let reseller = try await shops.requireStaff(of: resellerShopID, principal, on: database)
        guard reseller.status == .active else {
            throw Problem(type: .conflict, detail: "The shop is \(reseller.status.rawValue).", field: "resellerShopId")
        }
        let producer = try await shops.shop(producerShopID, viewer: principal, on: database)
        guard try producer.requireID() != resellerShopID else {
            throw Problem.validation("resellerShopId", "A shop does not resell its own products.")
        }
        let message = try requireText(message, field: "message", length: 0...500, multiline: true)
        let now = context.dependencies.now()
        if let existing = try await ResellerApproval.query(on: database).filter(\.$producer.$id == producerShopID)
            .filter(\.$reseller.$id == resellerShopID).first()
        {
            guard existing.status == .rejected || existing.status == .revoked else { return existing }
            existing.status = .requested
            existing.message = message
            existing.requestedBy = principal.accountID
            existing.requestedAt = now
            existing.decidedBy = nil
            existing.decidedAt = nil
            try await existing.save(on: database)
            return existing
        }
        let approval = ResellerApproval(
            id: context.dependencies.uuid(), producerID: producerShopID, resellerID: resellerShopID, message: message,
            by: principal.accountID, at: now)
        do {
            try await approval.create(on: database)
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            // A concurrent request from the same shop won.
            if let raced = try await ResellerApproval.query(on: database).filter(\.$producer.$id == producerShopID)
                .filter(\.$reseller.$id == resellerShopID).first()
            {
                return raced
            }
            throw error
        }
        return approval
    }

    /// The producer's requests and approved resellers (its staff), newest first.
    public func approvals(ofProducer shopID: UUID, by principal: Principal, on database: any Database) async throws
        -> [ResellerApproval]
    {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        return try await ResellerApproval.query(on: database).filter(\.$producer.$id == shopID)
            .sort(\.$requestedAt, .descending).sort(\.$id).all()
    }

    public enum Decision: String, Sendable, CaseIterable {
        case approve, reject, revoke
    }

    /// The producer approves or rejects a request, or revokes an approval (its staff).
    public func decide(
        _ approvalID: UUID, producerShopID: UUID, decision: Decision, by principal: Principal,
        on database: any Database
    ) async throws -> ResellerApproval {
        _ = try await ShopService(context: context).requireStaff(of: producerShopID, principal, on: database)
        guard let approval = try await ResellerApproval.find(approvalID, on: database),
            approval.$producer.id == producerShopID
        else { throw Problem.notFound("The reseller request", field: "approvalId") }
        let (from, to): ([ResellerApproval.Status], ResellerApproval.Status) =
            switch decision {
            case .approve: ([.requested, .rejected, .revoked], .approved)
            case .reject: ([.requested], .rejected)
            case .revoke: ([.approved], .revoked)
            }
        guard from.contains(approval.status) else {
            throw Problem(
                type: .invalidTransition, detail: "The request is \(approval.status.rawValue); it cannot \(decision).")
        }
        let now = context.dependencies.now()
        try await context.transactions.transaction(on: database) { db in
            let sql = try db.sql()
            try await GuardedTransition(ResellerApproval.schema, id: approvalID)
                .moving("status", from: approval.status, to: to)
                .setting("decided_by", to: principal.accountID)
                .setting("decided_at", to: now)
                .run(on: db, orElse: "The request changed meanwhile; reload it.")
            // A revoked reseller's listings of this producer's approved-only products go off sale.
            if to == .revoked {
                try await sql.raw(
                    """
                    UPDATE "products" SET "listed" = \(bind: false) WHERE "shop_id" = \(bind: approval.$reseller.id) \
                    AND "source_product_id" IN (SELECT "product_id" FROM "sourcing_offers" \
                    WHERE "shop_id" = \(bind: producerShopID) AND "audience" = \(bind: SourcingOffer.Audience.approved.rawValue))
                    """
                ).run()
            }
        }
        approval.status = to
        approval.decidedBy = principal.accountID
        approval.decidedAt = now
        return approval
    }

    // MARK: Reseller side

    /// The products a reseller shop may source (its staff): offers to everyone and those of
    /// producers that approved it, from active shops, listed, newest first.
    public func catalogue(
        forReseller shopID: UUID, page: JishiKit.PageRequest, by principal: Principal, on database: any Database
    ) async throws -> JishiKit.Page<SourcingOfferDetail> {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        let approvedProducers = try await ResellerApproval.query(on: database).filter(\.$reseller.$id == shopID)
            .filter(\.$status == .approved).all(\.$producer.$id)
        let query = SourcingOffer.query(on: database)
            .join(Product.self, on: \SourcingOffer.$product.$id == \Product.$id)
            .join(Shop.self, on: \SourcingOffer.$shop.$id == \Shop.$id)
            .filter(Product.self, \.$listed == true)
            .filter(Shop.self, \.$status == .active)
            .filter(\.$shop.$id != shopID)
            .group(.or) {
                $0.filter(\.$audience == .everyone)
                if !approvedProducers.isEmpty { $0.filter(\.$shop.$id ~~ approvedProducers) }
            }
        let total = try await query.copy().count()
        let details = try await offerDetails(
            query.sort(\.$updatedAt, .descending).sort(\.$id).range(page.rows),
            on: database)
        return JishiKit.Page(items: details, total: total, request: page)
    }

    /// The active producers that sell only to shops they approved, with this shop's standing
    /// with each (`nil`: never asked), by name.
    public func standing(ofReseller shopID: UUID, by principal: Principal, on database: any Database) async throws
        -> [(producer: Shop, status: ResellerApproval.Status?)]
    {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        let producerIDs = Set(
            try await SourcingOffer.query(on: database).filter(\.$audience == .approved).filter(\.$shop.$id != shopID)
                .all(\.$shop.$id))
        guard !producerIDs.isEmpty else { return [] }
        let producers = try await Shop.query(on: database).filter(\.$id ~~ Array(producerIDs))
            .filter(\.$status == .active).sort(\.$name).all()
        let approvals = try await ResellerApproval.query(on: database).filter(\.$reseller.$id == shopID).all()
        let status = Dictionary(uniqueKeysWithValues: approvals.map { ($0.$producer.id, $0.status) })
        return try producers.map { ($0, status[try $0.requireID()]) }
    }

    /// Whether `resellerShopID` may resell what this offer covers.
    public func mayResell(_ offer: SourcingOffer, resellerShopID: UUID, on database: any Database) async throws
        -> Bool
    {
        guard offer.$shop.id != resellerShopID else { return false }
        if offer.audience == .everyone { return true }
        return try await ResellerApproval.query(on: database).filter(\.$producer.$id == offer.$shop.id)
            .filter(\.$reseller.$id == resellerShopID).filter(\.$status == .approved).count() > 0
    }

    /// Lists a producer's offered product in a reseller shop (its staff), with each chosen
    /// variant at the reseller's retail price, which may not be below the wholesale price.
    public func link(
        sourceProductID: UUID, into resellerShopID: UUID, title: String?, description: String?,
        prices: [(sourceVariantID: UUID, priceMinor: Int64)], by principal: Principal, on database: any Database
    ) async throws -> (Product, [Variant]) {
        let reseller = try await ShopService(context: context).requireStaff(of: resellerShopID, principal, on: database)
        guard reseller.status == .active else {
            throw Problem(type: .conflict, detail: "The shop is \(reseller.status.rawValue).", field: "shopId")
        }
        guard let detail = try await offerDetail(productID: sourceProductID, on: database),
            detail.product.listed, detail.producer.status == .active
        else { throw Problem.notFound("The offered product", field: "sourceProductId") }
        guard try await mayResell(detail.offer, resellerShopID: resellerShopID, on: database) else {
            throw Problem.forbidden("The producer sells this product only to resellers it approved.")
        }
        let alreadyLinked = try await Product.query(on: database).filter(\.$shop.$id == resellerShopID)
            .filter(\.$sourceProductID == sourceProductID).count()
        guard alreadyLinked == 0 else {
            throw Problem(type: .conflict, detail: "The shop already lists this product.", field: "sourceProductId")
        }
        guard (1...50).contains(prices.count) else { throw Problem.validation("variants", "Give 1 to 50 variants.") }
        let offered = Dictionary(uniqueKeysWithValues: try detail.variants.map { (try $0.variant.requireID(), $0) })
        let productID = context.dependencies.uuid()
        var seen = Set<UUID>()
        let variants = try prices.enumerated().map { index, price in
            let field = "variants[\(index)]"
            guard let source = offered[price.sourceVariantID] else {
                throw Problem.notFound("The offered variant", field: field + ".sourceVariantId")
            }
            guard seen.insert(price.sourceVariantID).inserted else {
                throw Problem.validation(field + ".sourceVariantId", "Each variant once.")
            }
            guard price.priceMinor <= CatalogService.maximumPriceMinor else {
                throw Problem.validation(
                    field + ".priceMinor", "At most \(CatalogService.maximumPriceMinor) fen.")
            }
            guard price.priceMinor >= source.tiers.basePriceMinor else {
                throw Problem.validation(
                    field + ".priceMinor",
                    "Not below the wholesale price of \(Money(minorUnits: source.tiers.basePriceMinor).formatted).")
            }
            let variant = Variant(
                id: context.dependencies.uuid(), productID: productID, sku: source.variant.sku,
                name: source.variant.name, price: Money(minorUnits: price.priceMinor), stock: 0,
                weightGrams: source.variant.weightGrams)
            variant.sourceVariantID = price.sourceVariantID
            return variant
        }
        let product = Product(
            id: productID, shopID: resellerShopID, categoryID: detail.product.$category.id,
            title: try requireText(title ?? detail.product.title, field: "title", length: FieldLimits.productTitle),
            description: try requireText(
                description ?? detail.product.description, field: "description", length: FieldLimits.productDescription,
                multiline: true),
            originVillageID: detail.product.$originVillage.id)
        product.sourceProductID = sourceProductID
        try await context.transactions.transaction(on: database) { db in
            try await product.create(on: db)
            try await variants.create(on: db)
            try await SearchIndex.reindex(productID: productID, on: db)
        }
        try await Self.showSourceStock(of: variants, on: database)
        return (product, variants)
    }

    /// Checks a linked variant's new retail price against its wholesale price.
    func checkRetailPrice(_ priceMinor: Int64, of variant: Variant, on database: any Database) async throws {
        guard let sourceID = variant.sourceVariantID else { return }
        let tiers = try await WholesaleTier.query(on: database).filter(\.$variant.$id == sourceID).all()
        guard
            let list = PriceTiers(
                tiers.map { PriceTiers.Tier(minQuantity: $0.minQuantity, unitPriceMinor: $0.unitPriceMinor) })
        else { return }
        guard priceMinor >= list.basePriceMinor else {
            throw Problem.validation(
                "priceMinor", "Not below the wholesale price of \(Money(minorUnits: list.basePriceMinor).formatted).")
        }
    }

    /// Shows a linked variant's stock as the producer's (in memory only: never save these).
    static func showSourceStock(of variants: [Variant], on database: any Database) async throws {
        let sourceIDs = variants.compactMap(\.sourceVariantID)
        guard !sourceIDs.isEmpty else { return }
        let sources = try await Variant.query(on: database).filter(\.$id ~~ sourceIDs).all()
        let stock = Dictionary(uniqueKeysWithValues: try sources.map { (try $0.requireID(), $0.stock) })
        for variant in variants {
            if let sourceID = variant.sourceVariantID { variant.stock = stock[sourceID] ?? 0 }
        }
    }

    /// The supply terms of each requested line, keyed by its `key`; a `409` naming the line
    /// when the producer no longer offers the variant to this reseller.
    func supplyTerms(for linked: [SupplyTerms.Request], on database: any Database) async throws -> [UUID: SupplyTerms] {
        guard !linked.isEmpty else { return [:] }
        let sourceIDs = linked.map(\.sourceVariantID)
        let sources = try await Variant.query(on: database)
            .join(Product.self, on: \Variant.$product.$id == \Product.$id)
            .join(Shop.self, on: \Product.$shop.$id == \Shop.$id)
            .join(SourcingOffer.self, on: \Product.$id == \SourcingOffer.$product.$id)
            .filter(\.$id ~~ sourceIDs).all()
        let tiers = Dictionary(
            grouping: try await WholesaleTier.query(on: database).filter(\.$variant.$id ~~ sourceIDs).all(),
            by: { $0.$variant.id })
        var byID: [UUID: Variant] = [:]
        for source in sources { byID[try source.requireID()] = source }
        var terms: [UUID: SupplyTerms] = [:]
        for entry in linked {
            let notOffered = Problem(
                type: .conflict, detail: "The producer no longer offers this product.", field: entry.field)
            let sourceID = entry.sourceVariantID
            guard let source = byID[sourceID],
                let list = PriceTiers(
                    (tiers[sourceID] ?? []).map {
                        PriceTiers.Tier(minQuantity: $0.minQuantity, unitPriceMinor: $0.unitPriceMinor)
                    })
            else { throw notOffered }
            let product = try source.joined(Product.self)
            let producer = try source.joined(Shop.self)
            let offer = try source.joined(SourcingOffer.self)
            guard product.listed, producer.status == .active,
                try await mayResell(offer, resellerShopID: entry.resellerShopID, on: database)
            else { throw notOffered }
            terms[entry.key] = SupplyTerms(
                sourceVariantID: sourceID, producerShopID: try producer.requireID(), title: product.title,
                variantName: source.name, sku: source.sku, tiers: list)
        }
        return terms
    }

    private func offerDetails(_ query: QueryBuilder<SourcingOffer>, on database: any Database) async throws
        -> [SourcingOfferDetail]
    {
        let offers = try await query.all()
        guard !offers.isEmpty else { return [] }
        let productIDs = offers.map(\.$product.id)
        let products = Dictionary(
            uniqueKeysWithValues: try await Product.query(on: database).filter(\.$id ~~ productIDs).all().map {
                (try $0.requireID(), $0)
            })
        let shops = Dictionary(
            uniqueKeysWithValues: try await Shop.query(on: database).filter(\.$id ~~ offers.map(\.$shop.id)).all()
                .map { (try $0.requireID(), $0) })
        let variants = try await Variant.query(on: database).filter(\.$product.$id ~~ productIDs).sort(\.$sku).all()
        let tiers = Dictionary(
            grouping: try await WholesaleTier.query(on: database)
                .filter(\.$variant.$id ~~ (try variants.map { try $0.requireID() })).all(),
            by: { $0.$variant.id })
        return try offers.compactMap { offer in
            guard let product = products[offer.$product.id], let shop = shops[offer.$shop.id] else { return nil }
            let offered = try variants.filter { $0.$product.id == offer.$product.id }.compactMap {
                variant -> (Variant, PriceTiers)? in
                guard
                    let list = PriceTiers(
                        (tiers[try variant.requireID()] ?? []).map {
                            PriceTiers.Tier(minQuantity: $0.minQuantity, unitPriceMinor: $0.unitPriceMinor)
                        })
                else { return nil }
                return (variant, list)
            }
            return SourcingOfferDetail(offer: offer, product: product, producer: shop, variants: offered)
        }
    }
}
