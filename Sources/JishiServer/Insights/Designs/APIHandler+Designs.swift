import Foundation
import Insights
import JishiAPI
import JishiKit
import Marketplace
import OpenAPIRuntime

/// The design registry's operations: filings and their photos, copy alerts and their disputes.
extension APIHandler {
    func listDesignFilings(_ input: Operations.ListDesignFilings.Input) async throws
        -> Operations.ListDesignFilings.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let filings = try await request.jishi.designs.filings(by: principal, on: request.db)
        return .ok(.init(body: .json(.init(items: try filings.map(APIMapping.filing)))))
    }

    func fileDesign(_ input: Operations.FileDesign.Input) async throws -> Operations.FileDesign.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let designs = request.jishi.designs
        let filing = try await designs.file(
            .init(
                shopID: try Self.uuid(body.shopId, field: "shopId"), title: body.title, description: body.description,
                categoryID: try Self.uuid(body.categoryId, field: "categoryId")),
            by: principal, shops: request.jishi.shops, on: request.db)
        let view = try await designs.filing(try filing.requireID(), by: principal, on: request.db)
        return .created(.init(body: .json(try APIMapping.filing(view))))
    }

    func getDesignFiling(_ input: Operations.GetDesignFiling.Input) async throws -> Operations.GetDesignFiling.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let view = try await request.jishi.designs.filing(
            try Self.uuid(input.path.filingId, field: "filingId"), by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.filing(view))))
    }

    func addDesignPhoto(_ input: Operations.AddDesignPhoto.Input) async throws -> Operations.AddDesignPhoto.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let designs = request.jishi.designs
        let bytes: Data
        switch input.body {
        case .jpeg(let body), .png(let body): bytes = try await Self.collect(body, limit: designs.photos.maximumBytes)
        }
        let photo = try await designs.addPhoto(
            bytes, declaredType: request.headers.first(name: .contentType),
            to: try Self.uuid(input.path.filingId, field: "filingId"), by: principal, shops: request.jishi.shops,
            on: request.db)
        return .created(.init(body: .json(try APIMapping.photo(photo))))
    }

    func scanDesignCopies(_ input: Operations.ScanDesignCopies.Input) async throws
        -> Operations.ScanDesignCopies.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        // The offices and admins: anyone who sees insights somewhere.
        _ = try await InsightsScope.of(principal, on: request.db)
        let report = try await request.jishi.designs.scan(on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        photosHashed: report.photosHashed, listingsChecked: report.listingsChecked,
                        alertsRaised: report.alertsRaised, more: report.more))))
    }

    func listCopyAlerts(_ input: Operations.ListCopyAlerts.Input) async throws -> Operations.ListCopyAlerts.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let alerts = try await request.jishi.designs.alerts(
            status: input.query.status.flatMap { CopyAlert.Status(rawValue: $0.rawValue) }, by: principal,
            on: request.db)
        return .ok(.init(body: .json(.init(items: try alerts.map(APIMapping.copyAlert)))))
    }

    func stateOnCopyAlert(_ input: Operations.StateOnCopyAlert.Input) async throws
        -> Operations.StateOnCopyAlert.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let view = try await request.jishi.designs.state(
            try Self.uuid(input.path.alertId, field: "alertId"), statement: body.statement, by: principal,
            on: request.db)
        return .ok(.init(body: .json(try APIMapping.copyAlert(view))))
    }

    func decideCopyAlert(_ input: Operations.DecideCopyAlert.Input) async throws -> Operations.DecideCopyAlert.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let view = try await request.jishi.designs.decide(
            try Self.uuid(input.path.alertId, field: "alertId"),
            CopyAlert.Decision(rawValue: body.decision.rawValue) ?? .notCopy, note: body.note, by: principal,
            on: request.db)
        return .ok(.init(body: .json(try APIMapping.copyAlert(view))))
    }

    func withdrawCopyAlert(_ input: Operations.WithdrawCopyAlert.Input) async throws
        -> Operations.WithdrawCopyAlert.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let view = try await request.jishi.designs.withdraw(
            try Self.uuid(input.path.alertId, field: "alertId"), by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.copyAlert(view))))
    }

    func unlistCopy(_ input: Operations.UnlistCopy.Input) async throws -> Operations.UnlistCopy.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let view = try await request.jishi.designs.unlist(
            try Self.uuid(input.path.alertId, field: "alertId"), by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.copyAlert(view))))
    }
}

extension APIMapping {
    static func photo(_ photo: DesignPhoto) throws -> Components.Schemas.Photo {
        Components.Schemas.Photo(
            id: try photo.requireID().uuidString, url: PhotoRoutes.path(photo.fileName),
            contentType: photo.format == .jpeg ? .imageJpeg : .imagePng, byteCount: photo.byteCount)
    }

    static func filing(_ view: DesignRegistry.FilingView) throws -> Components.Schemas.DesignFiling {
        let filing = view.filing
        return .init(
            id: try filing.requireID().uuidString.lowercased(), number: filing.number,
            shopId: filing.$shop.id.uuidString.lowercased(), shopName: view.shopName, title: filing.title,
            description: filing.description, categoryId: filing.$category.id.uuidString.lowercased(),
            filedAt: filing.filedAt, photos: try view.photos.map(photo), alerts: view.alerts)
    }

    static func copyAlert(_ view: DesignRegistry.AlertView) throws -> Components.Schemas.CopyAlert {
        let alert = view.alert
        return .init(
            id: try alert.requireID().uuidString.lowercased(), status: .init(rawValue: alert.status.rawValue)!,
            filingId: alert.$filing.id.uuidString.lowercased(), filingNumber: view.filingNumber,
            filingTitle: view.filingTitle, filerShopName: view.filerShopName,
            productId: alert.$product.id.uuidString.lowercased(), productTitle: view.productTitle,
            productListed: view.productListed, sellerShopName: view.sellerShopName,
            imageDistance: alert.imageDistance, textSimilarity: Double(alert.textPermille) / 1000,
            raisedAt: alert.raisedAt, filerStatement: alert.filerStatement, sellerStatement: alert.sellerStatement,
            decision: alert.decision.flatMap { .init(rawValue: $0.rawValue) }, decisionNote: alert.decisionNote,
            decidedAt: alert.decidedAt, unlistedAt: alert.unlistedAt,
            sides: DesignRegistry.Side.allCases.filter(view.sides.contains).compactMap { .init(rawValue: $0.rawValue) })
    }
}
