import Vapor

extension WebRoutes {
    /// Signing up and in with a mobile number and a code.
    static func phoneSignIn(_ routes: PageRoutes) {
        routes.get(.phone, PhonePages.show)
        routes.post(.phoneCode, PhonePages.sendCode)
        routes.post(.phoneVerify, PhonePages.verify)
    }
}
