extension L10nKey {
    /// The text message carrying a sign-in code: {0} the code, {1} its minutes.
    public static let phoneCodeMessage = L10nKey("phone.code-message")
    public static let phoneTitle = L10nKey("phone.title")
    public static let phoneIntro = L10nKey("phone.intro")
    public static let phoneLogInHeading = L10nKey("phone.log-in-heading")
    public static let phoneRegisterHeading = L10nKey("phone.register-heading")
    public static let phoneLogInIntro = L10nKey("phone.log-in-intro")
    public static let phoneNumberLabel = L10nKey("phone.number")
    public static let phoneNumberHint = L10nKey("phone.number.hint")
    public static let phoneSendCode = L10nKey("phone.send-code")
    public static let phoneStaffLogIn = L10nKey("phone.staff-log-in")
    /// {0} the number, {1} minutes.
    public static let phoneSent = L10nKey("phone.sent")
    /// {0} the number.
    public static let phoneCodeFor = L10nKey("phone.code-for")
    public static let phoneCodeLabel = L10nKey("phone.code")
    public static let phoneCodeHint = L10nKey("phone.code.hint")
    public static let phoneNewNumber = L10nKey("phone.new-number")
    public static let phoneDisplayNameHint = L10nKey("phone.display-name.hint")
    public static let phoneSignUpSubmit = L10nKey("phone.sign-up")
    public static let phoneSignInSubmit = L10nKey("phone.sign-in")
    public static let phoneSendAgain = L10nKey("phone.send-again")
    public static let phoneOtherNumber = L10nKey("phone.other-number")
    public static let phoneErrorNumber = L10nKey("phone.error.number")
    /// {0} seconds.
    public static let phoneErrorTooSoon = L10nKey("phone.error.too-soon")
    /// {0} minutes.
    public static let phoneErrorTooMany = L10nKey("phone.error.too-many")
    public static let phoneErrorNoCode = L10nKey("phone.error.no-code")
    public static let phoneErrorExpired = L10nKey("phone.error.expired")
    /// {0} tries left.
    public static let phoneErrorWrongCode = L10nKey("phone.error.wrong-code")
    public static let phoneErrorTooManyFailures = L10nKey("phone.error.too-many-failures")
    public static let outboxTitle = L10nKey("outbox.title")
    public static let outboxIntro = L10nKey("outbox.intro")
    public static let outboxFilter = L10nKey("outbox.filter")
    public static let outboxEmpty = L10nKey("outbox.empty")
}

extension Localization {
    /// Signing up and in with a mobile number and a code, and the outbox the codes go to.
    static let phone = Area(
        en: [
            .phoneCodeMessage: "[Jishi] Your sign-in code is {0}. It works for {1} minutes. Never tell it to anyone.",
            .phoneTitle: "Log in with your phone",
            .phoneIntro:
                "No password to remember: type your mobile number and we text you a code. A number without an "
                + "account gets one.",
            .phoneLogInHeading: "With your mobile number",
            .phoneRegisterHeading: "With your mobile number (easiest)",
            .phoneLogInIntro: "We text you a code. A number without an account gets one.",
            .phoneNumberLabel: "Mobile number",
            .phoneNumberHint: "11 digits, such as 138 0000 1234.",
            .phoneSendCode: "Text me a code",
            .phoneStaffLogIn: "Staff: log in with username and password",
            .phoneSent: "We texted a code to {0}. It works for {1} minutes.",
            .phoneCodeFor: "The code for {0}:",
            .phoneCodeLabel: "Code",
            .phoneCodeHint: "The 6 digits in the text message.",
            .phoneNewNumber: "This number has no account yet. Tell us your name and we open one.",
            .phoneDisplayNameHint: "Any name you like, in Chinese or other letters, such as 王小明.",
            .phoneSignUpSubmit: "Open my account",
            .phoneSignInSubmit: "Log in",
            .phoneSendAgain: "Send a new code",
            .phoneOtherNumber: "Use another number",
            .phoneErrorNumber: "Type a mainland mobile number: 11 digits starting with 1, such as 138 0000 1234.",
            .phoneErrorTooSoon: "A code was just sent. Wait {0} seconds before asking for another.",
            .phoneErrorTooMany: "Too many codes were asked for. Try again in {0} minutes.",
            .phoneErrorNoCode: "That code has been used or was never sent. Ask for a new code.",
            .phoneErrorExpired: "That code has expired (codes work for 10 minutes). Ask for a new code.",
            .phoneErrorWrongCode: "That code is wrong. You can try {0} more times.",
            .phoneErrorTooManyFailures: "Too many wrong codes: this code no longer works. Ask for a new code.",
            .outboxTitle: "Outbox",
            .outboxIntro:
                "Every text message Jishi has sent, newest first. An SMS gateway, where one is set up, relays them.",
            .outboxFilter: "Show",
            .outboxEmpty: "No messages.",
        ],
        zhHans: [
            .phoneCodeMessage: "【集市】您的登录验证码是 {0}，{1} 分钟内有效。请勿告诉任何人。",
            .phoneTitle: "手机号登录",
            .phoneIntro: "不用记密码：填手机号，我们发验证码短信给您。没有账号的号码会自动注册。",
            .phoneLogInHeading: "用手机号登录",
            .phoneRegisterHeading: "用手机号注册（最简单）",
            .phoneLogInIntro: "我们发验证码短信给您。没有账号的号码会自动注册。",
            .phoneNumberLabel: "手机号",
            .phoneNumberHint: "11 位数字，例如 138 0000 1234。",
            .phoneSendCode: "发送验证码",
            .phoneStaffLogIn: "工作人员：用用户名和密码登录",
            .phoneSent: "验证码已发到 {0}，{1} 分钟内有效。",
            .phoneCodeFor: "{0} 收到的验证码：",
            .phoneCodeLabel: "验证码",
            .phoneCodeHint: "短信里的 6 位数字。",
            .phoneNewNumber: "这个号码还没有账号。填上您的名字，就给您开一个。",
            .phoneDisplayNameHint: "填什么名字都行，可以是中文，例如 王小明。",
            .phoneSignUpSubmit: "开通账号",
            .phoneSignInSubmit: "登录",
            .phoneSendAgain: "重新发送验证码",
            .phoneOtherNumber: "换一个号码",
            .phoneErrorNumber: "请填大陆手机号：1 开头的 11 位数字，例如 138 0000 1234。",
            .phoneErrorTooSoon: "验证码刚刚发过，请等 {0} 秒再要新的。",
            .phoneErrorTooMany: "要验证码的次数太多了，请 {0} 分钟后再试。",
            .phoneErrorNoCode: "这个验证码已经用过或者没有发过，请重新获取。",
            .phoneErrorExpired: "验证码已过期（10 分钟内有效），请重新获取。",
            .phoneErrorWrongCode: "验证码不对，还可以再试 {0} 次。",
            .phoneErrorTooManyFailures: "错的次数太多，这个验证码已经作废，请重新获取。",
            .outboxTitle: "发件箱",
            .outboxIntro: "集市发出的每条短信，最新的在前。接了短信网关的话，由网关转发。",
            .outboxFilter: "查看",
            .outboxEmpty: "没有短信。",
        ])
}
