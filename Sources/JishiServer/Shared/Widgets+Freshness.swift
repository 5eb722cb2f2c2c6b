import Foundation
import JishiKit
import Plot

extension Widgets {
    /// One line saying how fresh the page's figures are: live from the primary, or as of a moment
    /// (in the county's time) and about how many seconds old, from the replica.
    static func freshness<Context: HTML.BodyContext>(_ freshness: Freshness, _ context: PageContext) -> Node<Context> {
        let text: String
        switch freshness {
        case .live:
            text = context.text(.freshnessLive)
        case .replica(let asOf, let lag):
            let parts = PageContext.calendar.dateComponents([.hour, .minute, .second], from: asOf)
            let time = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
            text = context.text(.freshnessReplica, time, context.number(lag))
        }
        return .p(.class("hint"), .id("freshness"), .safeText(text))
    }
}
