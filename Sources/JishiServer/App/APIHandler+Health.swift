import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import SQLKit
import Vapor

extension APIHandler {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        let request = try RequestContext.request()
        let kind = request.jishi.config.store.kind
        let applied: Int
        do {
            guard let sql = request.db as? any SQLDatabase else { throw Problem(type: .unavailable) }
            try await sql.raw("SELECT 1").run()
            applied =
                (try? await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()?.decode(
                    column: "n", as: Int.self)) ?? 0
        } catch {
            request.logger.error("health check failed: \(String(reflecting: error))")
            throw Problem(type: .unavailable, detail: "The database does not answer.")
        }
        guard applied >= JishiMigrations.all.count else {
            throw Problem(type: .unavailable, detail: "Migrations are pending: run jishi migrate.")
        }
        return .ok(.init(body: .json(.init(status: .ok, database: kind == "postgres" ? .postgres : .sqlite))))
    }
}
