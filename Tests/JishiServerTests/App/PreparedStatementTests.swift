import Community
import DomainTesting
import FluentKit
import Foundation
import JishiServer
import JishiServerTesting
import Persistence
import SQLKit
import Testing

@Suite("Prepared statements: where the app uses them")
struct PreparedStatementTests {
    static var postgres: [TestStore] { TestStore.available.filter { $0 == .postgres } }

    @Test func preparedStatementsAreOnlyForPostgreSQLAndCanBeTurnedOff() async throws {
        try await withTestApp(on: .sqlite) { app in
            #expect(app.jishi.tokens.prepared == nil)
            #expect(app.jishi.marketplace.prepared == nil)
        }
        for store in Self.postgres {
            try await withTestApp(on: store, adjust: { $0.preparedStatements = false }) { app in
                #expect(app.jishi.tokens.prepared == nil)
            }
        }
    }
}
