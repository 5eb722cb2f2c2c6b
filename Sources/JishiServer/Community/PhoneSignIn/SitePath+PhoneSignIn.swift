import Foundation

extension SitePath {
    /// Enter a mobile number; a code is sent to it.
    static let phone = SitePath("/phone", page: true)
    static let phoneCode = SitePath("/phone/code", page: false)
    static let phoneVerify = SitePath("/phone/verify", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let phoneSignInPaths: [SitePath] = [.phone, .phoneCode, .phoneVerify]
}
