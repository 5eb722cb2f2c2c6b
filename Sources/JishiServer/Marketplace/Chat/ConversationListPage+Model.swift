import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A list of conversations, latest first, with unread counts: the buyer's own ("my
/// messages", each named after its shop), or one shop's for its staff (each named after its
/// buyer). The buyer's list also links to the shops the viewer works for.
enum ConversationListPage {
    struct Row: Equatable, Sendable {
        var id: UUID
        var name: String
        var unread: Int
        var lastMessageAt: Date
        var messageCount: Int
    }

    struct ShopLink: Equatable, Sendable {
        var id: UUID
        var name: String
    }

    struct Model: Equatable, Sendable {
        /// The shop whose conversations these are; `nil` for the buyer's own.
        var shop: ShopLink?
        var rows: [Row]
        /// The viewer's shops (on the buyer's list), whose messages are elsewhere.
        var ownShops: [ShopLink] = []

        var unread: Int { rows.reduce(0) { $0 + $1.unread } }
    }
}

extension ConversationListPage.Model {
    static func loadBuyer(_ principal: Principal, services: JishiServices, on database: any Database) async throws
        -> Self
    {
        let summaries = try await services.chat.conversations(ofBuyer: principal, on: database)
        let shops = try await services.shops.shops(
            withIDs: summaries.map { $0.conversation.$shop.id }, on: database)
        let own = try await services.shops.shops(staffedBy: principal, on: database)
        return Self(
            shop: nil,
            rows: rows(summaries) { shops[$0.$shop.id]?.name ?? "" },
            ownShops: own.compactMap { staffed in
                staffed.shop.id.map { ConversationListPage.ShopLink(id: $0, name: staffed.shop.name) }
            })
    }

    static func loadShop(
        _ shopID: UUID, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> Self {
        let shop = try await services.shops.requireStaff(of: shopID, principal, on: database)
        let summaries = try await services.chat.conversations(ofShop: shopID, by: principal, on: database)
        let buyerIDs = summaries.map { $0.conversation.$buyer.id }
        let buyers = buyerIDs.isEmpty ? [] : try await Account.query(on: database).filter(\.$id ~~ buyerIDs).all()
        var names: [UUID: String] = [:]
        for buyer in buyers { if let id = buyer.id { names[id] = buyer.displayName } }
        return Self(
            shop: ConversationListPage.ShopLink(id: shopID, name: shop.name),
            rows: rows(summaries) { names[$0.$buyer.id] ?? "" })
    }

    private static func rows(_ summaries: [ConversationSummary], name: (Conversation) -> String)
        -> [ConversationListPage.Row]
    {
        summaries.compactMap { summary in
            summary.conversation.id.map {
                ConversationListPage.Row(
                    id: $0, name: name(summary.conversation), unread: summary.unread,
                    lastMessageAt: summary.conversation.lastMessageAt, messageCount: summary.conversation.lastSeq)
            }
        }
    }
}
