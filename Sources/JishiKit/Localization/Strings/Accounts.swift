extension L10nKey {
    public static let registerTitle = L10nKey("register.title")
    public static let registerIntro = L10nKey("register.intro")
    public static let registerSubmit = L10nKey("register.submit")
    public static let registerHaveAccount = L10nKey("register.have-account")
    public static let logInTitle = L10nKey("log-in.title")
    public static let logInSubmit = L10nKey("log-in.submit")
    public static let logInNoAccount = L10nKey("log-in.no-account")
    public static let logInPasswordHeading = L10nKey("log-in.password-heading")
    public static let registerPasswordHeading = L10nKey("register.password-heading")
}

extension Localization {
    /// Registering and logging in.
    static let accounts = Area(
        en: [
            .registerTitle: "Register",
            .registerIntro:
                "Registering is free. Buyers and sellers register themselves; station, courier and office roles are "
                + "granted by an admin.",
            .registerSubmit: "Create account",
            .registerHaveAccount: "Already registered? Log in",
            .logInTitle: "Log in",
            .logInSubmit: "Log in",
            .logInNoAccount: "No account yet? Register for free",
            .logInPasswordHeading: "With a username and password (staff)",
            .registerPasswordHeading: "Or with a username and password",
        ],
        zhHans: [
            .registerTitle: "注册",
            .registerIntro: "注册免费。买家、卖家都可以自己注册；服务站、快递等角色由管理员开通。",
            .registerSubmit: "注册",
            .registerHaveAccount: "已经有账号？去登录",
            .logInTitle: "登录",
            .logInSubmit: "登录",
            .logInNoAccount: "还没有账号？免费注册",
            .logInPasswordHeading: "用用户名和密码登录（工作人员）",
            .registerPasswordHeading: "或者设用户名和密码",
        ])
}
