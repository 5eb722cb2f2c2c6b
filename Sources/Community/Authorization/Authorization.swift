import Foundation
import JishiKit

/// What someone wants to do.
public enum Action: String, Sendable, CaseIterable {
    /// See public information (geography, listings).
    case read
    /// See or change an account's own details.
    case readAccount, updateAccount
    /// Give or take roles.
    case grantRoles
    /// Change the county's geography and settings.
    case manageGeography
    /// Registries, dashboards, recognition reports.
    case viewInsights
    /// Buy, sell and take cash for villagers at a station.
    case actAtStation
    /// Plan the day's runs.
    case dispatch
    /// Deliver and pick up parcels.
    case deliver
    /// Buy in the marketplace.
    case buy
    /// Open shops and sell.
    case sell
    /// Suspend and reinstate shops, hide reviews: the marketplace's rules enforced.
    case moderate
    /// Take a villager's cash for an order at a station and confirm it.
    case collectCash
    /// Read the messages Jishi has sent to people's phones (the outbox).
    case readMessages
    /// Act as the staff of the shops in a place (an admin's help to a shop's people).
    case administerShops
}

/// What it is done to.
public enum Resource: Sendable, Hashable {
    case marketplace
    case account(UUID)
    case place(Place)
}

/// The one answer to "may this account do this to that?". Every handler asks it.
///
/// Rules: public reads are open to everyone; an account reads and updates itself; admins do
/// anything within their scope (acting as the staff of the shops there too); officials see insights within their scope; agents act at the
/// stations their scope reaches; dispatchers dispatch and couriers deliver within theirs;
/// buying and selling need the buyer or seller role; officials and admins moderate shops in
/// their scope; agents (and admins) take cash for orders delivered within theirs; only an admin of
/// everywhere reads the outbox.
public enum Authorization {
    public static func may(_ principal: Principal?, _ action: Action, _ resource: Resource) -> Bool {
        if action == .read { return true }
        guard let principal else { return false }
        switch (action, resource) {
        case (.readAccount, .account(let id)), (.updateAccount, .account(let id)):
            return id == principal.accountID || principal.has(.admin)
        case (.grantRoles, .account), (.readMessages, .marketplace):
            return principal.grants.contains { $0.role == .admin && $0.scope == .everywhere }
        case (.grantRoles, .place(let place)):
            return principal.has(.admin, at: place)
        case (.manageGeography, .place(let place)), (.administerShops, .place(let place)):
            return principal.has(.admin, at: place)
        case (.viewInsights, .place(let place)):
            return principal.has(.official, at: place) || principal.has(.admin, at: place)
        case (.actAtStation, .place(let place)):
            return place.stationID != nil && principal.has(.agent, at: place)
        case (.dispatch, .place(let place)):
            return principal.has(.dispatcher, at: place) || principal.has(.admin, at: place)
        case (.deliver, .place(let place)):
            return principal.has(.courier, at: place)
        case (.buy, .marketplace):
            return principal.has(.buyer) || principal.has(.agent)
        case (.sell, .marketplace):
            return principal.has(.seller) || principal.has(.agent)
        case (.moderate, .place(let place)):
            return principal.has(.official, at: place) || principal.has(.admin, at: place)
        case (.collectCash, .place(let place)):
            return principal.has(.agent, at: place) || principal.has(.admin, at: place)
        default:
            return false
        }
    }

    /// Throws a `403` problem (or `401` without a principal) unless `may` says yes.
    public static func require(_ principal: Principal?, _ action: Action, _ resource: Resource) throws {
        guard may(principal, action, resource) else {
            if principal == nil { throw Problem(type: .unauthenticated) }
            throw Problem.forbidden("This account may not \(action.rawValue) here.")
        }
    }
}
