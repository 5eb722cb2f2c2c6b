import Community
import FluentKit
import Foundation
import Persistence

/// The marketplace's background jobs.
public enum MarketplaceJobs {
    /// Payload: a checkout id. Queued at checkout to run when its payment window closes.
    public static let expireCheckout = "marketplace.expire-checkout"
    /// Payload: an order id. Queued at delivery to complete the order after
    /// `MarketplaceContext.autoCompleteAfter`.
    public static let completeDelivered = "marketplace.complete-delivered"
    /// No payload. Creates the order book's monthly partitions ahead (`OrderPartitions`) and
    /// queues itself again for the next day; queued as the job runner starts (`scheduleOrderPartitions`).
    public static let orderPartitions = "marketplace.order-partitions"
    /// How often the partitions are looked after.
    public static let orderPartitionsInterval: TimeInterval = 24 * 3600
    /// No payload. Sums the search facet counts' rows per bucket (``SearchFacetCounts/fold(on:)``),
    /// makes PostgreSQL's RUM index again if a bulk write's process died with it set aside
    /// (``SearchIndex/restoreRankedIndex(on:)``), and queues itself again; queued as the job
    /// runner starts (`scheduleFacetFold`).
    public static let foldSearchFacets = "marketplace.fold-search-facets"
    /// How often the facet counts are folded: on PostgreSQL each statement that writes search
    /// rows adds a few, so between folds a busy county's buckets grow by some thousands of rows.
    public static let foldSearchFacetsInterval: TimeInterval = 600

    /// `queue` with the marketplace's handlers added.
    public static func register(on queue: JobQueue, context: MarketplaceContext) -> JobQueue {
        queue.handling(expireCheckout) { payload, database in
            guard let id = UUID(uuidString: payload) else { throw JobError(message: "Bad checkout id \(payload).") }
            try await OrderService(context: context).expire(checkoutID: id, on: database)
        }
        .handling(completeDelivered) { payload, database in
            guard let id = UUID(uuidString: payload) else { throw JobError(message: "Bad order id \(payload).") }
            try await OrderService(context: context).autoComplete(orderID: id, on: database)
        }
        .handling(orderPartitions) { _, database in
            try await OrderPartitions.ensure(at: queue.dependencies.now(), on: database)
            try await scheduleOrderPartitions(
                on: database, queue: queue,
                at: queue.dependencies.now().addingTimeInterval(orderPartitionsInterval))
        }
        .handling(foldSearchFacets) { _, database in
            try await SearchFacetCounts.fold(on: database)
            try await SearchIndex.restoreRankedIndex(on: database)
            try await scheduleFacetFold(
                on: database, queue: queue,
                at: queue.dependencies.now().addingTimeInterval(foldSearchFacetsInterval))
        }
    }

    /// Queues the partition job at `time` (now when nil) unless one is queued already; the job
    /// runner calls it as it starts, the job after each run.
    public static func scheduleOrderPartitions(on database: any Database, queue: JobQueue, at time: Date? = nil)
        async throws
    {
        try await scheduleOnce(orderPartitions, on: database, queue: queue, at: time)
    }

    /// Queues the facet fold at `time` (now when nil) unless one is queued already; the job
    /// runner calls it as it starts, the job after each run.
    public static func scheduleFacetFold(on database: any Database, queue: JobQueue, at time: Date? = nil) async throws
    {
        try await scheduleOnce(foldSearchFacets, on: database, queue: queue, at: time)
    }

    private static func scheduleOnce(_ kind: String, on database: any Database, queue: JobQueue, at time: Date?)
        async throws
    {
        let waiting = try await Job.query(on: database).filter(\.$kind == kind).filter(\.$status == .queued).count()
        guard waiting == 0 else { return }
        try await queue.enqueue(kind, payload: "", runAt: time, on: database)
    }
}
