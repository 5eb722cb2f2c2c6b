import Foundation
import Logistics

/// The dispatcher's day.
enum DispatchPage {
    struct Model: Sendable {
        var date: String
        var plan: PlanView?
        var courierNames: [UUID: String] = [:]
        var map: RunMap?
        var notice = false
        /// The service's reason a change was refused.
        var refusal: String?
        /// How far planning the day is, while it runs.
        var planning: PlanningBoard.Entry?
    }
}
