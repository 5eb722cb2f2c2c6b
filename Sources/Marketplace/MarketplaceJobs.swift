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
    }
}
