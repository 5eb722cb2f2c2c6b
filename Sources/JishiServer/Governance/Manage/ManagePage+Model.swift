import Community
import Foundation

/// The staff hub: the tools this official or admin may use, and nothing else.
enum ManagePage {
    enum Tool: String, CaseIterable, Sendable {
        case reviews, shops, accounts, categories, outbox, network, dispatch, figures, stations, recognition, growth,
            simulation, registry, quality, designs, siting, imports

        var path: SitePath {
            switch self {
            case .reviews: .reportedReviews
            case .shops: .moderatedShops
            case .accounts: .manageAccounts
            case .categories: .manageCategories
            case .outbox: .outbox
            case .network: .network
            case .dispatch: .dispatch
            case .figures: .figures
            case .stations: .stations
            case .recognition: .recognition
            case .growth: .growth
            case .simulation: .simulation
            case .registry: .registry
            case .quality: .quality
            case .designs: .designs
            case .siting: .siting
            case .imports: .insightsImports
            }
        }
    }

    struct Model: Equatable, Sendable {
        var tools: [Tool]
    }
}

extension ManagePage.Model {
    /// Officials and admins moderate (within their scope); an admin of everywhere manages
    /// accounts and grants and reads the outbox; any admin sets categories and rates (the
    /// services' own rules).
    init(principal: Principal) {
        var tools: [ManagePage.Tool] = []
        if ManagePage.moderates(principal) { tools += [.reviews, .shops] }
        if ManagePage.administersAccounts(principal) { tools.append(.accounts) }
        if principal.hasCountyWide(.admin) { tools.append(.categories) }
        if Authorization.may(principal, .readMessages, .marketplace) { tools.append(.outbox) }
        if principal.has(.dispatcher) || principal.has(.admin) { tools += [.network, .dispatch] }
        if principal.has(.dispatcher) || principal.has(.admin) || principal.has(.official) { tools.append(.figures) }
        if principal.has(.official) || principal.has(.admin) {
            tools += [.stations, .recognition, .growth, .simulation, .registry, .quality, .designs, .siting]
        }
        if (try? ImportsPage.kinds(for: principal)) != nil { tools.append(.imports) }
        self.tools = tools
    }
}

extension ManagePage {
    static func moderates(_ principal: Principal) -> Bool { principal.has(.official) || principal.has(.admin) }

    static func administersAccounts(_ principal: Principal) -> Bool {
        Authorization.may(principal, .grantRoles, .account(principal.accountID))
    }
}
