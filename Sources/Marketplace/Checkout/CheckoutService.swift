import Community
import Crypto
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Turns a buyer's items into one order per shop and reserves their stock, all or nothing.
///
/// Stock moves only by guarded statements (`… SET stock = stock - q WHERE id = ? AND stock >= q`)
/// that take the variants' rows in variant-id order, so concurrent multi-line checkouts never
/// deadlock; the unique `(buyer, Idempotency-Key)` index makes a retry a replay, and an earlier
/// checkout with the key is looked up only when that index, a check, or short stock says there
/// may be one. The rows are written by `CheckoutStore`: on PostgreSQL one prepared statement that
/// writes everything or nothing, so a plain checkout opens no transaction.
public struct CheckoutService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    public struct Item: Sendable, Hashable {
        public var variantID: UUID
        public var quantity: Int

        public init(variantID: UUID, quantity: Int) {
            self.variantID = variantID
            self.quantity = quantity
        }
    }

    public struct Request: Sendable {
        public var items: [Item]
        public var delivery: DeliveryAddress
        public var paymentMethod: Checkout.PaymentMethod
        /// Whether the items came from the buyer's cart, which checkout then empties of them.
        public var fromCart: Bool

        public init(
            items: [Item], delivery: DeliveryAddress, paymentMethod: Checkout.PaymentMethod, fromCart: Bool = false
        ) {
            self.items = items
            self.delivery = delivery
            self.paymentMethod = paymentMethod
            self.fromCart = fromCart
        }
    }

    public struct Result: Sendable {
        public var checkout: Checkout
        public var orders: [Order]
        /// True when this answers a retry of an earlier request with the same key.
        public var replayed: Bool
    }

    public static let maximumQuantity = 999
    public static let maximumLines = 100

    public func checkout(
        _ request: Request, idempotencyKey: String, by principal: Principal, on database: any Database
    ) async throws -> Result {
        try Authorization.require(principal, .buy, .marketplace)
        let key = try requireText(idempotencyKey, field: "Idempotency-Key", length: FieldLimits.idempotencyKey)
        let items = try Self.validated(request.items)
        let delivery = try Self.validated(request.delivery)
        let digest = Self.digest(items: items, delivery: delivery, method: request.paymentMethod)

        if request.paymentMethod == .cashAtStation, delivery.villageID == nil {
            throw Problem.validation(
                "delivery.villageId", "Cash is paid at a village station: give the village in the county.")
        }
        let catalogue: [UUID: Offer]
        do {
            catalogue = try await forSale(items, village: delivery.villageID, on: database)
        } catch let problem as Problem {
            // A retry of a checkout made before the catalogue changed still gets its answer.
            if let earlier = try await existing(principal, key: key, digest: digest, on: database) {
                return earlier
            }
            throw problem
        }

        let now = context.dependencies.now()
        let checkoutID = context.dependencies.uuid()
        // One order per shop, and per producer for linked products, so that each order of
        // linked products is shipped by one producer with its one supply order.
        var ordersByShop: [OrderKey: (order: Order, lines: [OrderLine])] = [:]
        var total: Int64 = 0
        for (index, item) in items.enumerated() {
            guard let entry = catalogue[item.variantID] else { continue }
            let shopID = OrderKey(shopID: entry.shopID, producerID: entry.terms?.producerShopID)
            if ordersByShop[shopID] == nil {
                let order = Order(
                    id: context.dependencies.uuid(), checkoutID: checkoutID, shopID: shopID.shopID,
                    buyerID: principal.accountID,
                    totalMinor: 0, delivery: delivery, at: now)
                ordersByShop[shopID] = (order, [])
            }
            let lineTotal = entry.priceMinor.multipliedReportingOverflow(by: Int64(item.quantity))
            guard !lineTotal.overflow else {
                throw Problem.validation("items[\(index)].quantity", "The amount is too large.")
            }
            let line = OrderLine(
                id: context.dependencies.uuid(), orderID: try ordersByShop[shopID]!.order.requireID(),
                variantID: item.variantID, title: entry.title, variantName: entry.variantName, sku: entry.sku,
                unitPriceMinor: entry.priceMinor, quantity: item.quantity,
                commissionBasisPoints: entry.commissionBasisPoints)
            line.orderCreatedAt = now
            ordersByShop[shopID]!.lines.append(line)
            ordersByShop[shopID]!.order.totalMinor += lineTotal.partialValue
            total += lineTotal.partialValue
        }
        let checkout = Checkout(
            id: checkoutID, buyerID: principal.accountID, idempotencyKey: key, requestDigest: digest, totalMinor: total,
            paymentMethod: request.paymentMethod, createdAt: now,
            expiresAt: now.addingTimeInterval(
                request.paymentMethod == .cashAtStation ? context.cashWindow : context.paymentWindow))
        let orders = ordersByShop.values.sorted { $0.order.id!.uuidString < $1.order.id!.uuidString }
        let events = try orders.map {
            OrderEvent(
                id: context.dependencies.uuid(), orderID: try $0.order.requireID(), from: nil, to: .pendingPayment,
                actorID: principal.accountID, reason: "checkout", at: now)
        }

        let expiry = context.jobs.insertion(
            MarketplaceJobs.expireCheckout, payload: checkoutID.uuidString, runAt: checkout.expiresAt)
        let takes = items.map {
            StockLedger.Take(
                variantID: catalogue[$0.variantID]?.stockVariantID ?? $0.variantID, quantity: $0.quantity,
                label: catalogue[$0.variantID]?.sku)
        }
        let prepared = context.prepared
        let place: @Sendable (any Database) async throws -> Void = { db in
            try await CheckoutStore.place(
                checkout, orders: orders, events: events, expiry: expiry, takes: takes, prepared: prepared, on: db)
        }
        do {
            if CheckoutStore.isAtomic(prepared: prepared), !request.fromCart,
                catalogue.values.allSatisfy({ $0.terms == nil })
            {
                // One statement writes all of it or nothing: no transaction to open and close.
                try await place(database)
            } else {
                try await context.transactions.transaction(on: database) { db in
                    try await place(db)
                    for entry in orders {
                        let linked = entry.lines.compactMap { line in
                            catalogue[line.$variant.id]?.terms.map { (line: line, terms: $0) }
                        }
                        if !linked.isEmpty {
                            try await SupplyService.createDropShip(
                                for: entry.order, lines: linked, actor: principal.accountID, at: now,
                                dependencies: context.dependencies, on: db)
                        }
                    }
                    if request.fromCart {
                        try await CartItem.query(on: db).filter(\.$buyer.$id == principal.accountID)
                            .filter(\.$variant.$id ~~ items.map(\.variantID)).delete()
                    }
                }
            }
        } catch let error
            where (error as? any DatabaseError)?.isConstraintFailure == true
            || (error as? Problem)?.type == ProblemType.insufficientStock.uri
        {
            // The same key raced in from another request and won, or was used before the stock
            // ran out: answer with its checkout.
            if let earlier = try await existing(principal, key: key, digest: digest, on: database) {
                return earlier
            }
            throw error
        }
        return Result(checkout: checkout, orders: orders.map(\.order), replayed: false)
    }

    /// The checkout made earlier with this key, whatever its items: a retry of a cart
    /// checkout finds it even though the cart has been emptied since.
    public func replay(idempotencyKey: String, by principal: Principal, on database: any Database) async throws
        -> Result?
    {
        guard
            let checkout = try await Checkout.query(on: database).filter(\.$buyer.$id == principal.accountID)
                .filter(\.$idempotencyKey == idempotencyKey).first()
        else { return nil }
        let orders = try await Order.query(on: database).filter(\.$checkout.$id == checkout.requireID()).sort(\.$id)
            .all()
        return Result(checkout: checkout, orders: orders, replayed: true)
    }

    /// Checks out the buyer's cart: replays an earlier checkout with this key, or turns the
    /// cart into orders and empties it, in one transaction.
    public func checkoutCart(
        delivery: DeliveryAddress, paymentMethod: Checkout.PaymentMethod, idempotencyKey: String,
        by principal: Principal,
        on database: any Database
    ) async throws -> Result {
        try Authorization.require(principal, .buy, .marketplace)
        if let earlier = try await replay(idempotencyKey: idempotencyKey, by: principal, on: database) {
            return earlier
        }
        let items = try await CartService(context: context).checkoutItems(of: principal, on: database)
        return try await checkout(
            Request(items: items, delivery: delivery, paymentMethod: paymentMethod, fromCart: true),
            idempotencyKey: idempotencyKey, by: principal, on: database)
    }

    /// The earlier checkout with this key, if it was for the same request; a `409` if the key
    /// was used for another one.
    private func existing(_ principal: Principal, key: String, digest: String, on database: any Database) async throws
        -> Result?
    {
        guard let earlier = try await replay(idempotencyKey: key, by: principal, on: database) else { return nil }
        guard earlier.checkout.requestDigest == digest else {
            throw Problem(type: .idempotencyKeyReused, field: "Idempotency-Key")
        }
        return earlier
    }

    /// A variant on sale, with what the sale needs from its product, shop and category.
    struct Offer: Sendable {
        var variantID: UUID
        var sku: String
        /// The variant's name ("红色 L").
        var variantName: String
        var priceMinor: Int64
        /// The product's title.
        var title: String
        var shopID: UUID
        var listed: Bool
        var shopStatus: Shop.Status
        var commissionBasisPoints: Int
        /// For a reseller's linked variant, the producer's variant it sells.
        var sourceVariantID: UUID? = nil
        /// For a linked variant: the producer's variant and wholesale price.
        var terms: SupplyTerms? = nil

        /// The variant whose stock a sale takes: the producer's, for a linked variant.
        var stockVariantID: UUID { terms?.sourceVariantID ?? variantID }
    }

    struct OrderKey: Hashable {
        var shopID: UUID
        var producerID: UUID?
    }

    /// The variants asked for; every one must exist and be for sale, and the delivery village,
    /// if given, must exist. One joined query reads variant, product, shop and category
    /// together, and asks after the village in the same statement.
    private func forSale(_ items: [Item], village: UUID?, on database: any Database) async throws -> [UUID: Offer] {
        var (offers, villageExists) = try await CheckoutStore.offers(
            items.map(\.variantID), village: village, prepared: context.prepared, on: database)
        if let village {
            let exists: Bool
            if let villageExists {
                exists = villageExists
            } else {
                exists = try await Village.find(village, on: database) != nil
            }
            guard exists else { throw Problem.notFound("The delivery village", field: "delivery.villageId") }
        }
        for (index, item) in items.enumerated() {
            guard let offer = offers[item.variantID] else {
                throw Problem.notFound("The variant \(item.variantID.uuidString)", field: "items[\(index)].variantId")
            }
            guard offer.listed, offer.shopStatus == .active else {
                throw Problem(
                    type: .conflict, detail: "\(offer.title) is not for sale.",
                    field: "items[\(index)].variantId")
            }
        }
        let linked = items.enumerated().compactMap { index, item -> SupplyTerms.Request? in
            guard let offer = offers[item.variantID], let sourceID = offer.sourceVariantID else { return nil }
            return SupplyTerms.Request(
                key: offer.variantID, sourceVariantID: sourceID, resellerShopID: offer.shopID,
                field: "items[\(index)].variantId")
        }
        let terms = try await SourcingService(context: context).supplyTerms(for: linked, on: database)
        for request in linked {
            guard let term = terms[request.key], let offer = offers[request.key] else { continue }
            // The reseller may not sell below what the producer now charges it.
            guard offer.priceMinor >= term.tiers.basePriceMinor else {
                throw Problem(
                    type: .conflict, detail: "\(offer.title) is not for sale at this price.",
                    field: request.field)
            }
            offers[request.key]?.terms = term
        }
        return offers
    }

    static func validated(_ items: [Item]) throws -> [Item] {
        guard !items.isEmpty else { throw Problem(type: .missingField, detail: "The cart is empty.", field: "items") }
        guard items.count <= maximumLines else { throw Problem.validation("items", "At most \(maximumLines) lines.") }
        var merged: [UUID: Int] = [:]
        for (index, item) in items.enumerated() {
            guard (1...maximumQuantity).contains(item.quantity) else {
                throw Problem.validation("items[\(index)].quantity", "A quantity from 1 to \(maximumQuantity).")
            }
            merged[item.variantID, default: 0] += item.quantity
            guard merged[item.variantID]! <= maximumQuantity else {
                throw Problem.validation("items[\(index)].quantity", "At most \(maximumQuantity) of one variant.")
            }
        }
        // Variant-id order: every checkout locks rows in the same order, so none deadlock.
        return merged.map { Item(variantID: $0.key, quantity: $0.value) }.sorted {
            $0.variantID.uuidString < $1.variantID.uuidString
        }
    }

    static func validated(_ delivery: DeliveryAddress) throws -> DeliveryAddress {
        var clean = delivery
        clean.name = try requireText(delivery.name, field: "delivery.name", length: FieldLimits.deliveryName)
        clean.phone = try requireText(delivery.phone, field: "delivery.phone", length: FieldLimits.deliveryPhone)
        guard clean.phone.allSatisfy({ $0.isNumber || $0 == "+" || $0 == "-" || $0 == " " }) else {
            throw Problem.validation("delivery.phone", "Digits, spaces, '+' and '-' only.")
        }
        clean.addressLine = try requireText(
            delivery.addressLine, field: "delivery.addressLine", length: FieldLimits.deliveryAddress)
        return clean
    }

    static func digest(items: [Item], delivery: DeliveryAddress, method: Checkout.PaymentMethod) -> String {
        var text = items.map { "\($0.variantID.uuidString):\($0.quantity)" }.joined(separator: ",")
        text +=
            "|\(delivery.name)|\(delivery.phone)|\(delivery.villageID?.uuidString ?? "-")|\(delivery.addressLine)|\(method.rawValue)"
        return SHA256.hash(data: Data(text.utf8)).hexadecimal
    }
}
