import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

extension ShopService {
    /// The shops `principal` works for, by name.
    public func shops(staffedBy principal: Principal, on database: any Database) async throws -> [StaffedShop] {
        let rows = try await ShopStaff.query(on: database).filter(\.$account.$id == principal.accountID)
            .with(\.$shop).all()
        return rows.map { StaffedShop(shop: $0.shop, role: $0.role) }
            .sorted { ($0.shop.name, $0.shop.id?.uuidString ?? "") < ($1.shop.name, $1.shop.id?.uuidString ?? "") }
    }

    /// A shop anyone may see while it is active; its staff and moderators see it in any state.
    public func shop(_ id: UUID, viewer: Principal?, on database: any Database) async throws -> Shop {
        guard let shop = try await Shop.find(id, on: database) else {
            throw Problem.notFound("The shop", field: "shopId")
        }
        if shop.status == .active { return shop }
        if let viewer {
            if try await ShopStaff.exists(accountID: viewer.accountID, shopID: id, on: database) { return shop }
            let place = try await GeographyService().place(ofVillage: shop.$village.id, on: database)
            if Authorization.may(viewer, .moderate, .place(place)) { return shop }
        }
        throw Problem.notFound("The shop", field: "shopId")
    }

    /// Changes the name and description (staff).
    public func update(
        _ shopID: UUID, name: String?, description: String?, by principal: Principal, on database: any Database
    ) async throws -> Shop {
        let shop = try await requireStaff(of: shopID, principal, on: database)
        if let name { shop.name = try requireText(name, field: "name", length: FieldLimits.shopName) }
        if let description {
            shop.description = try requireText(
                description, field: "description", length: FieldLimits.shopDescription, multiline: true)
        }
        try await shop.save(on: database)
        return shop
    }

    /// An individual shop becomes an enterprise with a registered brand (owner only).
    public func upgrade(
        _ shopID: UUID, brandName: String, licenceNumber: String, by principal: Principal, on database: any Database
    ) async throws -> Shop {
        let shop = try await requireOwner(of: shopID, principal, on: database)
        guard shop.kind == .individual else {
            throw Problem(type: .conflict, detail: "The shop is already an enterprise.", field: "kind")
        }
        shop.brandName = try requireText(brandName, field: "brandName", length: FieldLimits.brandName)
        shop.licenceNumber = try requireText(licenceNumber, field: "licenceNumber", length: FieldLimits.licenceNumber)
        shop.kind = .enterprise
        let event = ShopEvent(
            id: context.dependencies.uuid(), shopID: shopID, change: "upgraded to enterprise",
            actorID: principal.accountID, reason: shop.brandName ?? "", at: context.dependencies.now())
        try await context.transactions.transaction(on: database) { db in
            try await shop.save(on: db)
            try await event.create(on: db)
        }
        return shop
    }

    /// An official or admin whose scope reaches the shop's village suspends it, with a reason:
    /// its products leave search and cannot be bought.
    public func suspend(_ shopID: UUID, reason: String, by principal: Principal, on database: any Database)
        async throws -> Shop
    {
        let shop = try await requireModerator(of: shopID, principal, on: database)
        let reason = try requireText(reason, field: "reason", length: FieldLimits.reason, multiline: true)
        return try await move(
            shop, to: .suspended, from: [.active, .closed], reason: reason, by: principal, on: database)
    }

    /// Lifts a suspension; the shop is active again.
    public func reinstate(_ shopID: UUID, reason: String, by principal: Principal, on database: any Database)
        async throws -> Shop
    {
        let shop = try await requireModerator(of: shopID, principal, on: database)
        let reason = try requireText(reason, field: "reason", length: 0...500, multiline: true)
        return try await move(shop, to: .active, from: [.suspended], reason: reason, by: principal, on: database)
    }

    /// The owner closes the shop; it can be reopened. A suspended shop stays suspended.
    public func close(_ shopID: UUID, by principal: Principal, on database: any Database) async throws -> Shop {
        let shop = try await requireOwner(of: shopID, principal, on: database)
        return try await move(
            shop, to: .closed, from: [.active], reason: "closed by owner", by: principal, on: database)
    }

    public func reopen(_ shopID: UUID, by principal: Principal, on database: any Database) async throws -> Shop {
        let shop = try await requireOwner(of: shopID, principal, on: database)
        return try await move(
            shop, to: .active, from: [.closed], reason: "reopened by owner", by: principal, on: database)
    }

    /// Everyone who works for the shop, owner first.
    public func staff(of shopID: UUID, by principal: Principal, on database: any Database) async throws -> [ShopStaff] {
        _ = try await requireStaff(of: shopID, principal, on: database)
        return try await ShopStaff.query(on: database).filter(\.$shop.$id == shopID).with(\.$account).all()
            .sorted {
                ($0.role == .owner ? 0 : 1, $0.account.username) < ($1.role == .owner ? 0 : 1, $1.account.username)
            }
    }

    /// The owner adds an account as staff, by username. Adding someone twice is harmless.
    public func addStaff(_ shopID: UUID, username: String, by principal: Principal, on database: any Database)
        async throws -> ShopStaff
    {
        _ = try await requireOwner(of: shopID, principal, on: database)
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard let account = try await Account.query(on: database).filter(\.$username == name).first() else {
            throw Problem.notFound("The account", field: "username")
        }
        let accountID = try account.requireID()
        if let existing = try await ShopStaff.query(on: database).filter(\.$shop.$id == shopID)
            .filter(\.$account.$id == accountID).first()
        {
            return existing
        }
        let staff = ShopStaff(id: context.dependencies.uuid(), shopID: shopID, accountID: accountID, role: .staff)
        do {
            try await context.transactions.transaction(on: database) { db in try await staff.create(on: db) }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            // Added by a concurrent request meanwhile.
            if let existing = try await ShopStaff.query(on: database).filter(\.$shop.$id == shopID)
                .filter(\.$account.$id == accountID).first()
            {
                return existing
            }
            throw error
        }
        return staff
    }

    /// The owner removes a staff member; the owner cannot be removed.
    public func removeStaff(_ shopID: UUID, accountID: UUID, by principal: Principal, on database: any Database)
        async throws
    {
        _ = try await requireOwner(of: shopID, principal, on: database)
        guard
            let staff = try await ShopStaff.query(on: database).filter(\.$shop.$id == shopID)
                .filter(\.$account.$id == accountID).first()
        else { throw Problem.notFound("The staff member", field: "accountId") }
        guard staff.role != .owner else {
            throw Problem(type: .conflict, detail: "The owner cannot be removed.", field: "accountId")
        }
        try await staff.delete(on: database)
    }

    func requireOwner(of shopID: UUID, _ principal: Principal, on database: any Database) async throws -> Shop {
        let shop = try await requireStaff(of: shopID, principal, on: database)
        if shop.$owner.id != principal.accountID {
            guard try await ShopAccess.administers(villageID: shop.$village.id, principal, on: database) else {
                throw Problem.forbidden("Only the shop's owner may do this.")
            }
        }
        return shop
    }

    func requireModerator(of shopID: UUID, _ principal: Principal, on database: any Database) async throws -> Shop {
        guard let shop = try await Shop.find(shopID, on: database) else {
            throw Problem.notFound("The shop", field: "shopId")
        }
        let place = try await GeographyService().place(ofVillage: shop.$village.id, on: database)
        try Authorization.require(principal, .moderate, .place(place))
        return shop
    }

    /// A guarded status change with its event, in one transaction.
    private func move(
        _ shop: Shop, to next: Shop.Status, from allowed: [Shop.Status], reason: String, by principal: Principal,
        on database: any Database
    ) async throws -> Shop {
        let id = try shop.requireID()
        guard allowed.contains(shop.status) else {
            throw Problem(
                type: .invalidTransition,
                detail: "The shop is \(shop.status.rawValue); it cannot become \(next.rawValue).")
        }
        let previous = shop.status
        let event = ShopEvent(
            id: context.dependencies.uuid(), shopID: id, change: "\(previous.rawValue) → \(next.rawValue)",
            actorID: principal.accountID, reason: reason, at: context.dependencies.now())
        try await context.transactions.transaction(on: database) { db in
            try await GuardedTransition(Shop.schema, id: id)
                .moving("status", from: previous, to: next)
                .setting("status_reason", to: reason)
                .run(on: db, recording: event, orElse: "The shop changed meanwhile; reload it.")
            // Only an active shop's products can be found.
            try await SearchIndex.reindex(shopID: id, on: db)
        }
        shop.status = next
        shop.statusReason = reason
        return shop
    }
}
