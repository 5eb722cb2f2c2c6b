import Foundation
import JishiServer
import JishiServerTesting
import Testing
import Vapor

@testable import jishi

#if canImport(Glibc)
    import Glibc  // signal()
#endif

/// Serves a configured app on a free loopback port with the `serve` command's own function,
/// runs `whileServing` once it accepts connections (and `serve` has set `app.running`: stopping
/// before that would stop nothing), then stops it as the signal handler does, waits for `serve`
/// to return, and runs `afterStopping` before the app is shut down (which it is whatever
/// happens). `prepare` runs on the configured app before it serves (to add a route, say).
func withServingApp(
    _ config: JishiConfig, migrate: Bool = false,
    prepare: (Application) throws -> Void = { _ in },
    whileServing: (Application, Int) async throws -> Void = { _, _ in },
    afterStopping: (Application, Int) async throws -> Void = { _, _ in }
) async throws {
    let port = try Loopback.freePort()
    let app = try await Application.make(.testing)
    defer {
        // `serve` ignores these signals while it listens for them; give them back.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
    do {
        try await configure(app, config)
        if migrate { try await app.autoMigrate() }
        try prepare(app)
        let serving = Task { try await serve(app, hostname: "127.0.0.1", port: port) }
        var running: Application.Running?
        for _ in 0..<400 where running == nil {
            running = Loopback.accepts(port) ? app.running : nil
            if running == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let server = try #require(running)
        try await whileServing(app, port)
        server.stop()
        try await serving.value
        try await afterStopping(app, port)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
