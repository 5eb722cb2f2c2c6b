import ArgumentParser
import Foundation
import JishiKit
import JishiServer
import Logistics

/// `jishi carrier …`: what an admin does for a carrier.
struct CarrierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carrier", abstract: "Carriers' keys for the parcels API.", subcommands: [CarrierKeyCommand.self])
}

/// `jishi carrier key CODE`: a new key for a carrier's system, printed once.
struct CarrierKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract:
            "Issue a key with which a carrier's system adds its own parcels (printed once; only its hash is kept).",
        discussion: """
            The carrier's system sends it as the X-Carrier-Key header to POST /api/v1/carriers/CODE/parcels. \
            A key adds parcels of its own carrier only. Exit status 2 when no carrier has the code.
            """)

    @OptionGroup var store: StoreOptions
    @Flag(help: "Stop the carrier's earlier keys from working.") var revokeOthers = false
    @Argument(help: "The carrier's code (zto, ems …).") var code: String

    func run() async throws {
        let key: String
        do {
            key = try await withApplication(try store.config()) { app in
                try await migrate(app)
                return try await CarrierKeyService(dependencies: app.jishi.dependencies).issue(
                    carrierCode: code, revokingOthers: revokeOthers, on: app.db)
            }
        } catch let problem as Problem where problem.status == 404 {
            FileHandle.standardError.write(Data("error: no carrier has the code \"\(code)\".\n".utf8))
            throw ExitCode(2)
        }
        print(key)
        FileHandle.standardError.write(
            Data(
                "Send it as X-Carrier-Key to POST /api/v1/carriers/\(code.lowercased())/parcels; it is shown only now.\n"
                    .utf8))
    }
}
