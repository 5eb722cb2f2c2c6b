import Foundation

extension SitePath {
    static let manageAccounts = SitePath("/manage/accounts", page: true)
    static let manageAccount = SitePath("/manage/accounts/:account", page: true)
    static let grantRole = SitePath("/manage/accounts/:account/grant", page: false)
    static let revokeRole = SitePath("/manage/accounts/:account/revoke", page: false)
    static let manageCategories = SitePath("/manage/categories", page: true)
    static let setCommission = SitePath("/manage/categories/:category/commission", page: false)

    /// This feature's paths, for `SitePath.governancePaths`.
    static let administrationPaths: [SitePath] = [
        .manageAccounts, .manageAccount, .grantRole, .revokeRole, .manageCategories, .setCommission,
    ]
}
