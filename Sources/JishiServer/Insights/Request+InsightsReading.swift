import Insights
import Vapor

extension Request {
    /// Where the officials' dashboards and reports read (the replica when there is one, see
    /// `readSource()`), and their services' context, whose sync of Jishi's own shops into the
    /// registry writes the primary.
    func insightsReading() async -> (context: InsightsContext, source: ReadSource) {
        let source = await readSource()
        var context = jishi.insightsContext
        context.syncDatabase = db
        return (context, source)
    }
}
