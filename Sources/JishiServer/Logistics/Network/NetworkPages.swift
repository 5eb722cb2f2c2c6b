import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Vapor

/// `GET/POST /network` (the nodes, and adding one) and `GET/POST /network/:node` (changing
/// one), for dispatchers and admins. The service decides whose scope reaches which town.
enum NetworkPages {
    @Sendable static func list(_ request: Request) async throws -> Response {
        let (session, _) = try await signedInManager(request)
        var model = try await load(request, session: session)
        model.notice = (try? request.query.get(String.self, at: "done")) == "1"
        model.fields = [.opens: "08:00", .closes: "19:00", .shelfCapacity: "300", .kind: "village_station"]
        return page(model, session: session)
    }

    @Sendable static func add(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInManager(request)
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session)
        guard let input = model.take(form) else { return page(model, session: session, status: .badRequest) }
        do {
            _ = try await request.jishi.network.create(input, by: principal, on: request.db)
        } catch let problem as Problem where (400..<500).contains(problem.status) {
            return refused(problem, model: &model, session: session)
        }
        return WebPage.redirect(toPath: SitePath.network.path + "?done=1", session: session)
    }

    @Sendable static func edit(_ request: Request) async throws -> Response {
        let (session, _) = try await signedInManager(request)
        var model = try await load(request, session: session)
        guard let node = try await NetworkNode.find(try request.pageID("node"), on: request.db) else {
            throw Problem.notFound("The node", field: "node")
        }
        model.editing = node.id
        model.active = node.active
        model.fields = [
            .code: node.code, .kind: node.kind.rawValue, .name: node.name,
            .villageId: node.$village.id?.uuidString.lowercased() ?? "", .townId: node.$town.id.uuidString.lowercased(),
            .opens: OpeningHours.clock(node.opensAt), .closes: OpeningHours.clock(node.closesAt),
            .shelfCapacity: String(node.shelfCapacity), .operatorName: node.operatorName,
        ]
        return page(model, session: session)
    }

    @Sendable static func save(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInManager(request)
        let form = try FormValues.verified(request, session: session)
        let nodeID = try request.pageID("node")
        var model = try await load(request, session: session)
        model.editing = nodeID
        guard let input = model.take(form) else { return page(model, session: session, status: .badRequest) }
        do {
            _ = try await request.jishi.network.update(nodeID, input, by: principal, on: request.db)
        } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 404 {
            return refused(problem, model: &model, session: session)
        }
        return WebPage.redirect(toPath: SitePath.network.path + "?done=1", session: session)
    }

    /// Only dispatchers and admins come here; anyone else gets a `403`.
    private static func signedInManager(_ request: Request) async throws -> (WebSession, Principal) {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        guard principal.has(.dispatcher) || principal.has(.admin) else {
            throw Problem.forbidden("Only dispatchers and admins manage the network.")
        }
        return (session, principal)
    }

    /// The service's refusal on the field it names, or on the whole form.
    private static func refused(_ problem: Problem, model: inout NetworkPage.Model, session: WebSession) -> Response {
        let field: NetworkPage.Field? =
            switch problem.field {
            case "hours": .closes
            case "location": nil
            case let name?: NetworkPage.Field(rawValue: name)
            case nil: nil
            }
        let message =
            problem.status == 409
            ? FormMessage(.networkErrorCodeTaken)
            : problem.status == 403 ? FormMessage(.networkErrorScope) : FormMessage(.errorFieldInvalid)
        if let field { model.errors[field] = message } else { model.failure = message }
        return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
    }

    private static func load(_ request: Request, session: WebSession) async throws -> NetworkPage.Model {
        let services = request.jishi
        let language = session.language
        let nodes = try await services.network.nodes(on: request.db)
        let towns = try await services.geography.towns(on: request.db)
        let villages = try await services.geography.villages(inTown: nil, on: request.db)
        let villageNames = Dictionary(
            villages.compactMap { v in v.id.map { ($0, HomePage.Name(zhHans: v.name, en: v.nameEn).primary(language)) }
            },
            uniquingKeysWith: { a, _ in a })
        var model = NetworkPage.Model()
        model.villageMenu = try await VillageMenu.load(services.geography, language: language, on: request.db)
        model.townChoices = towns.compactMap { town in
            town.id.map {
                ($0.uuidString.lowercased(), HomePage.Name(zhHans: town.name, en: town.nameEn).primary(language))
            }
        }
        let byTown = Dictionary(grouping: nodes, by: { $0.$town.id })
        model.towns = towns.compactMap { town in
            guard let id = town.id, let own = byTown[id] else { return nil }
            return (
                HomePage.Name(zhHans: town.name, en: town.nameEn).primary(language),
                own.compactMap { node in
                    node.id.map {
                        NetworkPage.Row(
                            id: $0, code: node.code, kind: node.kind, name: node.name,
                            village: node.$village.id.flatMap { villageNames[$0] }, hours: node.hours.text,
                            shelfCapacity: node.shelfCapacity, active: node.active)
                    }
                }
            )
        }
        return model
    }

    private static func page(_ model: NetworkPage.Model, session: WebSession, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let view = NetworkPage.View(model: model, context: PageContext(session: session, current: .network))
        return WebPage.response(view.html, status: status, session: session)
    }
}
