/// The order state machine:
/// `pending_payment → paid → shipped → delivered → completed`, `cancelled` before shipping,
/// `refunded` when every line's money went back.
public enum OrderStatus: String, Codable, Sendable, CaseIterable {
    case pendingPayment = "pending_payment"
    case paid
    case shipped
    case delivered
    case completed
    case cancelled
    case refunded

    /// The states an order may move to from this one.
    public var successors: Set<OrderStatus> {
        switch self {
        case .pendingPayment: [.paid, .cancelled]
        case .paid: [.shipped, .cancelled, .refunded]
        case .shipped: [.delivered, .refunded]
        case .delivered: [.completed, .refunded]
        case .completed: [.refunded]
        case .cancelled, .refunded: []
        }
    }

    public func canMove(to next: OrderStatus) -> Bool { successors.contains(next) }
}
