import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace

/// The station's consignment shop (代卖): the agent lists a villager's goods with the
/// villager's witnessed consent to the price and the split, buyers buy them like any product,
/// each sale earns the consignor their share (`ConsignmentSales`), and the agent pays it out in
/// cash at the counter, once the sale is final, against a receipt.
public struct ConsignmentService: Sendable {
    public let context: StationsContext
    public let marketplace: MarketplaceContext
    let directory = StationDirectory()

    public init(context: StationsContext, marketplace: MarketplaceContext) {
        self.context = context
        self.marketplace = marketplace
    }

    /// The consignor's share a station may agree to: 1 % to all of it.
    public static let shareRange = 100...10_000
    public static let witnessLength = 1...32

    public struct Input: Sendable {
        public var villagerID: UUID
        public var title: String
        public var description: String
        public var categoryID: UUID
        public var priceMinor: Int64
        public var stock: Int
        public var consignorShareBasisPoints: Int
        /// The villager agreed to the price and the split …
        public var agreed: Bool
        /// … in front of this witness.
        public var witness: String

        public init(
            villagerID: UUID, title: String, description: String = "", categoryID: UUID, priceMinor: Int64,
            stock: Int, consignorShareBasisPoints: Int, agreed: Bool, witness: String
        ) {
            self.villagerID = villagerID
            self.title = title
            self.description = description
            self.categoryID = categoryID
            self.priceMinor = priceMinor
            self.stock = stock
            self.consignorShareBasisPoints = consignorShareBasisPoints
            self.agreed = agreed
            self.witness = witness
        }
    }

    /// A listing as the counter shows it.
    public struct Listed: Sendable {
        public var listing: ConsignmentListing
        public var product: Product
        public var variant: Variant?
        public var villagerName: String
    }

    /// Lists a villager's goods in the station's consignment shop (its agents), opening the shop
    /// on first use; a retry with the same key returns the first listing. Without the villager's
    /// witnessed consent nothing is written.
    public func consign(
        _ input: Input, idempotencyKey: String, at stationID: UUID, by principal: Principal?,
        on database: any Database
    ) async throws -> Listed {
        let node = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let key = try CashService.key(idempotencyKey)
        if let earlier = try await ConsignmentListing.query(on: database).filter(\.$stationID == stationID)
            .filter(\.$idempotencyKey == key).first()
        {
            return try await listed(earlier, on: database)
        }
        let villager = try await VillagerService(context: context).villager(
            input.villagerID, at: stationID, on: database)
        guard input.agreed else {
            throw Problem.validation(
                "consent.agreed", "List a villager's goods only once they agree to the price and the split.")
        }
        let witness = try TextRule.require(input.witness, field: "consent.witness", length: Self.witnessLength)
        guard Self.shareRange.contains(input.consignorShareBasisPoints) else {
            throw Problem.validation(
                "consignorShareBasisPoints",
                "The consignor's share: 100 to 10000 hundredths of a percent (1 % to 100 %).")
        }
        let shopID = try await shop(of: node, for: principal, on: database)
        let catalog = CatalogService(context: marketplace)
        let (product, variants) = try await catalog.addProduct(
            CatalogService.NewProduct(
                title: input.title, description: input.description, categoryID: input.categoryID,
                variants: [
                    CatalogService.NewVariant(sku: "", price: Money(minorUnits: input.priceMinor), stock: input.stock)
                ]),
            to: shopID, by: principal, shops: ShopService(context: marketplace), on: database)
        let productID = try product.requireID()
        let listing = ConsignmentListing(
            id: context.dependencies.uuid(), stationID: stationID, productID: productID,
            villagerID: try villager.requireID(), agreedPriceMinor: input.priceMinor,
            consignorShareBasisPoints: input.consignorShareBasisPoints, witness: witness,
            consentAt: context.dependencies.now(), recordedBy: principal.accountID, idempotencyKey: key)
        do {
            try await listing.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another listing with the same key won the race: take this product down again.
            _ = try? await catalog.update(
                productID, CatalogService.ProductChanges(listed: false), by: principal,
                shops: ShopService(context: marketplace), on: database)
            guard
                let earlier = try await ConsignmentListing.query(on: database).filter(\.$stationID == stationID)
                    .filter(\.$idempotencyKey == key).first()
            else { throw Problem(type: .conflict, detail: "The listing clashed with another; send it again.") }
            return try await listed(earlier, on: database)
        }
        return Listed(listing: listing, product: product, variant: variants.first, villagerName: villager.name)
    }

    /// The station's consignments, newest first (its agents).
    public func listings(at stationID: UUID, for principal: Principal?, on database: any Database) async throws
        -> [Listed]
    {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        let listings = try await ConsignmentListing.query(on: database).filter(\.$stationID == stationID)
            .sort(\.$consentAt, .descending).limit(200).all()
        var result: [Listed] = []
        for listing in listings { result.append(try await listed(listing, on: database)) }
        return result
    }

    /// The station's consignment shop, if it has one.
    public func shopID(at stationID: UUID, on database: any Database) async throws -> UUID? {
        try await ConsignmentShop.query(on: database).filter(\.$stationID == stationID).first()?.shopID
    }

    // MARK: The consignor's account

    /// What the station owes a consignor and what of it may be paid out now: shares of sales
    /// whose orders are completed (no longer open to the buyer's change of mind), less what went
    /// back and what was paid.
    public struct Statement: Sendable {
        public var villager: Villager
        /// Every sale's share less refunds and payouts.
        public var owedMinor: Int64
        /// What the agent may hand out today.
        public var payableMinor: Int64
        /// Newest first.
        public var lines: [ConsignorLine]
    }

    /// A consignor's statement, as the villager asks at the counter (the station's agents).
    public func statement(
        of villagerID: UUID, at stationID: UUID, for principal: Principal?, on database: any Database
    ) async throws -> Statement {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        return try await statement(of: villagerID, at: stationID, on: database)
    }

    func statement(of villagerID: UUID, at stationID: UUID, on database: any Database) async throws -> Statement {
        let villager = try await VillagerService(context: context).villager(villagerID, at: stationID, on: database)
        let lines = try await ConsignorLine.query(on: database).filter(\.$stationID == stationID)
            .filter(\.$villagerID == villagerID).sort(\.$at, .descending).sort(\.$id, .descending).all()
        let orderIDs = Set(lines.compactMap { $0.kind == .sale ? $0.orderID : nil })
        let final =
            orderIDs.isEmpty
            ? []
            : Set(
                try await Order.query(on: database).filter(\.$id ~~ orderIDs).filter(\.$status == .completed).all()
                    .compactMap(\.id))
        let owed = lines.reduce(0) { $0 + $1.amountMinor }
        let payable = lines.reduce(Int64(0)) { total, line in
            line.kind == .sale && !final.contains(line.orderID ?? UUID()) ? total : total + line.amountMinor
        }
        return Statement(villager: villager, owedMinor: owed, payableMinor: payable, lines: lines)
    }

    /// Pays a consignor `amountMinor` in cash from the drawer against a receipt, never more
    /// than is payable; the payout and its cash entry are written together and once per key.
    public func payOut(
        _ amountMinor: Int64, to villagerID: UUID, idempotencyKey: String, at stationID: UUID,
        by principal: Principal?, on database: any Database
    ) async throws -> ConsignorLine {
        _ = try await directory.require(.act, at: stationID, by: principal, on: database)
        guard let principal else { throw Problem(type: .unauthenticated) }
        let key = "payout:" + (try CashService.key(idempotencyKey))
        _ = try await VillagerService(context: context).villager(villagerID, at: stationID, on: database)
        guard amountMinor > 0 else { throw Problem.validation("amountMinor", "Pay out more than zero fen.") }
        let ledger = CashLedger(dependencies: context.dependencies)
        let dependencies = context.dependencies
        return try await context.transactions.transaction(on: database) { db in
            try await CashLedger.lock(stationID, on: db)
            if let earlier = try await ConsignorLine.query(on: db).filter(\.$stationID == stationID)
                .filter(\.$idempotencyKey == key).first()
            {
                guard earlier.villagerID == villagerID, earlier.amountMinor == -amountMinor else {
                    throw Problem(
                        type: .idempotencyKeyReused, detail: "This Idempotency-Key was used for another payout.",
                        field: "Idempotency-Key")
                }
                return earlier
            }
            let account = try await statement(of: villagerID, at: stationID, on: db)
            guard amountMinor <= account.payableMinor else {
                throw Problem(
                    type: .conflict,
                    detail: "Only \(Money(minorUnits: max(account.payableMinor, 0)).formatted) may be paid out now.",
                    field: "amountMinor")
            }
            let lineID = dependencies.uuid()
            let receipt = "DM" + lineID.uuidString.replacingOccurrences(of: "-", with: "").prefix(8).uppercased()
            let line = ConsignorLine(
                id: lineID, stationID: stationID, villagerID: villagerID, kind: .payout, amountMinor: -amountMinor,
                baseMinor: amountMinor, receipt: receipt, actorID: principal.accountID, idempotencyKey: key,
                at: dependencies.now())
            try await line.create(on: db)
            _ = try await ledger.record(
                CashLedger.Movement(
                    stationID: stationID, kind: .consignorPayout, amountMinor: amountMinor,
                    actorID: principal.accountID, reason: receipt, key: key, referenceID: lineID,
                    villagerID: villagerID), on: db)
            return line
        }
    }

    // MARK: Helpers

    private func listed(_ listing: ConsignmentListing, on database: any Database) async throws -> Listed {
        guard let product = try await Product.find(listing.productID, on: database) else {
            throw Problem.notFound("The product", field: "productId")
        }
        let variant = try await Variant.query(on: database).filter(\.$product.$id == listing.productID).first()
        let villager = try await Villager.find(listing.villagerID, on: database)
        return Listed(listing: listing, product: product, variant: variant, villagerName: villager?.name ?? "")
    }

    /// The station's consignment shop, opened in the agent's name on first use; the agent is
    /// made one of its staff so they can ship its orders.
    private func shop(of node: NetworkNode, for principal: Principal, on database: any Database) async throws -> UUID {
        let stationID = try node.requireID()
        let dependencies = context.dependencies
        return try await context.transactions.transaction(on: database) { db in
            try await CashLedger.lock(stationID, on: db)
            let shopID: UUID
            if let existing = try await ConsignmentShop.query(on: db).filter(\.$stationID == stationID).first() {
                shopID = existing.shopID
            } else {
                guard let villageID = node.$village.id else {
                    throw Problem(type: .conflict, detail: "This station serves no village to sell from.")
                }
                let shop = Shop(
                    id: dependencies.uuid(), ownerID: principal.accountID, villageID: villageID,
                    name: String((node.name + " 代卖").prefix(FieldLimits.shopName.upperBound)),
                    description: "服务站为村民代卖 · Sold by the village station for its villagers", kind: .individual)
                shopID = try shop.requireID()
                try await shop.create(on: db)
                try await ConsignmentShop(
                    id: dependencies.uuid(), stationID: stationID, shopID: shopID, openedAt: dependencies.now()
                ).create(on: db)
            }
            if try await !ShopStaff.exists(accountID: principal.accountID, shopID: shopID, on: db) {
                let shop = try await Shop.find(shopID, on: db)
                try await ShopStaff(
                    id: dependencies.uuid(), shopID: shopID, accountID: principal.accountID,
                    role: shop?.$owner.id == principal.accountID ? .owner : .staff
                ).create(on: db)
            }
            return shopID
        }
    }
}
