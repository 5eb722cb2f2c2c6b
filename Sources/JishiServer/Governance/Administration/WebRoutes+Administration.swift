import Vapor

extension WebRoutes {
    /// An admin's pages: accounts and their role grants, categories and commission rates.
    static func administration(_ routes: PageRoutes) {
        routes.get(.manageAccounts, AdministrationController.accounts)
        routes.get(.manageAccount, AdministrationController.account)
        routes.post(.grantRole, AdministrationController.grant)
        routes.post(.revokeRole, AdministrationController.revoke)
        routes.get(.manageCategories, AdministrationController.categories)
        routes.post(.manageCategories, AdministrationController.addCategory)
        routes.post(.setCommission, AdministrationController.setCommission)
    }
}
