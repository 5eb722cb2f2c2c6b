import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func getStatement(_ input: Operations.GetStatement.Input) async throws -> Operations.GetStatement.Output {
        let (request, principal, shopID) = try await shopCall(input.path.shopId)
        let statement = try await request.jishi.statements.statement(
            shopID: shopID, from: input.query.from, to: input.query.to, by: principal, on: request.db)
        return .ok(.init(body: .json(APIMapping.statement(statement))))
    }
}
