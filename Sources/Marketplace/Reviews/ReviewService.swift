import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Reviews after delivery, the shop's reply, reports and moderation, and ratings.
public struct ReviewService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    /// Ratings cover the last twelve months.
    public static let window: TimeInterval = 365 * 24 * 3600
    public static let maximumTextLength = 2_000
    public static let reviewable: Set<OrderStatus> = [.delivered, .completed]

    /// The buyer reviews one line of an order that has arrived, once.
    public func write(
        lineID: UUID, ratings: Ratings, text: String, by principal: Principal, on database: any Database
    ) async throws -> Review {
        guard let line = try await OrderLine.find(lineID, on: database),
            let order = try await Order.find(line.$order.id, on: database),
            order.$buyer.id == principal.accountID
        else { throw Problem.notFound("The order line", field: "lineId") }
        guard Self.reviewable.contains(order.status) else {
            throw Problem(
                type: .invalidTransition, detail: "A \(order.status.rawValue) order cannot be reviewed yet.",
                field: "lineId")
        }
        for (field, stars) in [
            ("ratings.described", ratings.described), ("ratings.service", ratings.service),
            ("ratings.shipping", ratings.shipping),
        ] where !(1...5).contains(stars) {
            throw Problem.validation(field, "From 1 to 5 stars.")
        }
        let text = try plain(text, field: "text", length: 0...Self.maximumTextLength)
        guard let variant = try await Variant.find(line.$variant.id, on: database) else {
            throw Problem.notFound("The product", field: "lineId")
        }
        let review = try Review(
            id: context.dependencies.uuid(), line: line, order: order, productID: variant.$product.id,
            ratings: ratings, text: text, at: context.dependencies.now())
        do {
            try await context.transactions.transaction(on: database) { db in
                try await review.create(on: db)
                try await SearchIndex.refreshRatings(productIDs: [variant.$product.id], on: db)
            }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            throw Problem(type: .conflict, detail: "This line has been reviewed already.", field: "lineId")
        }
        return review
    }

    public static let maximumPhotos = 3

    /// The buyer adds a JPEG or PNG photo to their review (at most three). The bytes must be
    /// what `declaredType` says and within the store's limit; the file is written before the
    /// row and removed again if the row cannot be written. A hidden review takes no photos.
    public func addPhoto(
        _ bytes: Data, declaredType: String?, to reviewID: UUID, by principal: Principal, store: PhotoStore,
        on database: any Database
    ) async throws -> ReviewPhoto {
        guard let review = try await Review.find(reviewID, on: database), review.$buyer.id == principal.accountID,
            !review.hidden
        else { throw Problem.notFound("The review", field: "reviewId") }
        let format = try PhotoCheck.format(of: bytes, declaredType: declaredType, limit: store.maximumBytes)
        let photo = ReviewPhoto(
            id: context.dependencies.uuid(), reviewID: reviewID, position: 0, format: format,
            byteCount: bytes.count, at: context.dependencies.now())
        try await store.save(
            bytes, as: photo.fileName, thenCreate: photo, transactions: context.transactions, on: database
        ) { db in
            photo.position = try await PhotoStore.count(
                ReviewPhoto.query(on: db).filter(\.$review.$id == reviewID), of: reviewID, in: Review.schema,
                limit: Self.maximumPhotos, what: "A review", on: db)
        }
        return photo
    }

    /// The photos of these reviews, in the order they were added, by review.
    public static func photos(of reviewIDs: [UUID], on database: any Database) async throws -> [UUID: [ReviewPhoto]] {
        guard !reviewIDs.isEmpty else { return [:] }
        let photos = try await ReviewPhoto.query(on: database).filter(\.$review.$id ~~ reviewIDs)
            .sort(\.$position).sort(\.$createdAt).all()
        return Dictionary(grouping: photos, by: { $0.$review.id })
    }

    /// The shop answers a review, once.
    public func reply(_ reviewID: UUID, text: String, by principal: Principal, on database: any Database)
        async throws -> Review
    {
        let review = try await visible(reviewID, on: database)
        guard try await ShopStaff.exists(accountID: principal.accountID, shopID: review.$shop.id, on: database) else {
            throw Problem.forbidden("Only the shop replies to its reviews.")
        }
        let text = try plain(text, field: "text", length: 1...Self.maximumTextLength)
        let now = context.dependencies.now()
        try await context.transactions.transaction(on: database) { db in
            try await GuardedTransition(Review.schema, id: reviewID)
                .setting("reply", to: text)
                .setting("replied_at", to: now)
                .setting("replied_by", to: principal.accountID)
                .when("reply", is: nil)
                .run(
                    on: db, orElse: Problem(type: .conflict, detail: "The shop has replied already.", field: "reviewId")
                )
        }
        review.reply = text
        review.repliedAt = now
        review.repliedBy = principal.accountID
        return review
    }

    /// Anyone signed in reports a review; reporting twice counts once.
    public func report(_ reviewID: UUID, reason: String, by principal: Principal, on database: any Database)
        async throws
    {
        _ = try await visible(reviewID, on: database)
        let reason = try plain(reason, field: "reason", length: 1...500)
        let report = ReviewReport(
            id: context.dependencies.uuid(), reviewID: reviewID, reporterID: principal.accountID, reason: reason,
            at: context.dependencies.now())
        do {
            try await context.transactions.transaction(on: database) { db in
                try await report.create(on: db)
                try await db.sql().update(Review.schema)
                    .set(
                        SQLIdentifier("report_count"),
                        to: SQLBinaryExpression(SQLIdentifier("report_count"), .add, SQLLiteral.numeric("1"))
                    )
                    .where(SQLIdentifier("id"), .equal, SQLBind(reviewID)).run()
            }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            return
        }
    }

    /// An official or admin whose scope reaches the shop's village hides a review, with a
    /// reason; it leaves pages and ratings but stays on record.
    public func hide(_ reviewID: UUID, reason: String, by principal: Principal, on database: any Database)
        async throws -> Review
    {
        try await moderate(reviewID, hidden: true, reason: reason, by: principal, on: database)
    }

    public func unhide(_ reviewID: UUID, reason: String, by principal: Principal, on database: any Database)
        async throws -> Review
    {
        try await moderate(reviewID, hidden: false, reason: reason, by: principal, on: database)
    }

    /// Visible reviews of a product, newest first.
    public func reviews(ofProduct productID: UUID, page: JishiKit.PageRequest, on database: any Database)
        async throws -> JishiKit.Page<Review>
    {
        let query = Review.query(on: database).filter(\.$product.$id == productID).filter(\.$hidden == false)
        let total = try await query.copy().count()
        let items = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(page.rows).all()
        return JishiKit.Page(items: items, total: total, request: page)
    }

    /// The visible reviews of the last twelve months, of one product or one shop.
    public func rating(productID: UUID, on database: any Database) async throws -> RatingSummary {
        try await summaries(by: "product_id", ids: [productID], since: windowStart, on: database)[productID]
            ?? RatingSummary()
    }

    public func rating(shopID: UUID, on database: any Database) async throws -> RatingSummary {
        try await summaries(by: "shop_id", ids: [shopID], since: windowStart, on: database)[shopID] ?? RatingSummary()
    }

    /// Ratings of many products at once (for search results and lists).
    public func ratings(productIDs: [UUID], on database: any Database) async throws -> [UUID: RatingSummary] {
        try await summaries(by: "product_id", ids: productIDs, since: windowStart, on: database)
    }

    /// The shop's rating, refund rate and monthly rating trend over the last twelve months.
    public func quality(shopID: UUID, on database: any Database) async throws -> ShopQuality {
        let since = windowStart
        let rating = try await rating(shopID: shopID, on: database)
        let paid = try await OrderEvent.query(on: database).join(Order.self, on: \OrderEvent.$order.$id == \Order.$id)
            .filter(Order.self, \.$shop.$id == shopID).filter(\OrderEvent.$to == .paid)
            .filter(\OrderEvent.$at >= since).all()
        let paidOrderIDs = Set(paid.map { $0.$order.id })
        let refunded =
            paidOrderIDs.isEmpty
            ? []
            : try await Refund.query(on: database).filter(\.$order.$id ~~ Array(paidOrderIDs))
                .filter(\.$status == .refunded).all()
        let reviews = try await Review.query(on: database).filter(\.$shop.$id == shopID).filter(\.$hidden == false)
            .filter(\.$createdAt >= since).all()
        var months: [String: RatingSummary] = [:]
        for review in reviews {
            months[Self.month(review.createdAt), default: RatingSummary()].add(review.ratings)
        }
        return ShopQuality(
            rating: rating, paidOrders: paidOrderIDs.count, refundedOrders: Set(refunded.map { $0.$order.id }).count,
            trend: months.sorted { $0.key < $1.key }.map { (month: $0.key, rating: $0.value) })
    }

    static func month(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }

    private var windowStart: Date { context.dependencies.now().addingTimeInterval(-Self.window) }

    private func summaries(by column: String, ids: [UUID], since: Date, on database: any Database) async throws
        -> [UUID: RatingSummary]
    {
        guard !ids.isEmpty else { return [:] }
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast so both stores answer integers.
        let sums = ["described", "service", "shipping"].map { column in
            SQLAlias(
                SQLFunction("CAST", args: SQLRaw("SUM(\(column)) AS BIGINT")), as: SQLIdentifier(column + "_sum"))
        }
        let rows = try await database.sql().select()
            .column(SQLAlias(SQLIdentifier(column), as: SQLIdentifier("subject")))
            .column(SQLAlias(SQLFunction("CAST", args: SQLRaw("COUNT(*) AS BIGINT")), as: SQLIdentifier("n")))
            .columns(sums)
            .from(Review.schema)
            .where(SQLIdentifier(column), .in, SQLBind.group(ids))
            .where(SQLIdentifier("hidden"), .equal, SQLBind(false))
            .where(SQLIdentifier("created_at"), .greaterThanOrEqual, SQLBind(since))
            .groupBy(SQLIdentifier(column))
            .all()
        var result: [UUID: RatingSummary] = [:]
        for row in rows {
            let subject = try row.decode(column: "subject", as: UUID.self)
            result[subject] = RatingSummary(
                count: Int(try row.decode(column: "n", as: Int64.self)),
                describedSum: Int(try row.decode(column: "described_sum", as: Int64.self)),
                serviceSum: Int(try row.decode(column: "service_sum", as: Int64.self)),
                shippingSum: Int(try row.decode(column: "shipping_sum", as: Int64.self)))
        }
        return result
    }

    private func visible(_ reviewID: UUID, on database: any Database) async throws -> Review {
        guard let review = try await Review.find(reviewID, on: database), !review.hidden else {
            throw Problem.notFound("The review", field: "reviewId")
        }
        return review
    }

    private func moderate(
        _ reviewID: UUID, hidden: Bool, reason: String, by principal: Principal, on database: any Database
    ) async throws -> Review {
        guard let review = try await Review.find(reviewID, on: database) else {
            throw Problem.notFound("The review", field: "reviewId")
        }
        _ = try await ShopService(context: context).requireModerator(of: review.$shop.id, principal, on: database)
        let reason = try plain(reason, field: "reason", length: 1...500)
        let entry = ReviewModeration(
            id: context.dependencies.uuid(), reviewID: reviewID, hidden: hidden, actorID: principal.accountID,
            reason: reason, at: context.dependencies.now())
        try await context.transactions.transaction(on: database) { db in
            try await GuardedTransition(Review.schema, id: reviewID)
                .setting("hidden", to: hidden)
                .when("hidden", is: !hidden)
                .run(
                    on: db, recording: entry,
                    orElse: Problem(
                        type: .invalidTransition,
                        detail: hidden ? "The review is hidden already." : "The review is visible.",
                        field: "reviewId"))
            try await SearchIndex.refreshRatings(productIDs: [review.$product.id], on: db)
        }
        review.hidden = hidden
        return review
    }

    /// Trimmed text of an allowed length under the text rule (line breaks allowed). Markup is
    /// kept as typed: pages escape it, so `<script>` shows as text.
    private func plain(_ text: String, field: String, length: ClosedRange<Int>) throws -> String {
        try requireText(text, field: field, length: length, multiline: true)
    }
}
