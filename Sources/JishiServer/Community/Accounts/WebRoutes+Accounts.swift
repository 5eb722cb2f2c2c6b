import Vapor

extension WebRoutes {
    /// The accounts pages.
    static func accounts(_ routes: PageRoutes) {
        routes.get(.register, AccountPages.showRegister)
        routes.post(.register, AccountPages.register)
        routes.get(.logIn, AccountPages.showLogIn)
        routes.post(.logIn, AccountPages.logIn)
        routes.post(.logOut, AccountPages.logOut)
        routes.post(.language, LanguageSwitch.choose)
    }
}
