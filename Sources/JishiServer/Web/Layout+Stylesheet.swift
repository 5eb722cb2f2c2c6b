import Crypto
import Foundation

extension Layout {
    /// The one stylesheet, inlined in every page: a slow phone gets the page in one request.
    /// Mobile first; wider screens get two columns. System fonts, with the common CJK faces.
    static let stylesheet = """
        *,*::before,*::after{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;color:#1f2328;background:#f6f3ec;overflow-wrap:anywhere;\
        font:17px/1.6 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",\
        "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
        a{color:#9c2f16}
        .skip{position:absolute;left:-9999px}
        .skip:focus{left:8px;top:8px;z-index:1;padding:8px 12px;background:#fff;color:#1f2328}
        header.site{background:#b23a1e;color:#fff}
        .bar{display:flex;align-items:center;justify-content:space-between;gap:8px;max-width:980px;\
        margin:0 auto;padding:8px 12px}
        .brand{display:flex;align-items:center;gap:10px;min-height:48px;color:#fff;text-decoration:none}
        .mark{display:grid;place-items:center;flex:none;width:40px;height:40px;border-radius:10px;\
        background:#fff;color:#b23a1e;font-size:24px;font-weight:700}
        .brand strong{display:block;font-size:20px;line-height:1.2}
        .brand small{display:block;font-size:13px;line-height:1.3;opacity:.92}
        .lang{margin:0;flex:none}
        .lang button{min-width:48px;min-height:44px;padding:0 16px;border:1px solid #fff;border-radius:22px;\
        background:transparent;color:#fff;font:inherit;font-size:15px;cursor:pointer}
        .nav{background:#8f2a13}
        .nav ul{display:flex;flex-wrap:wrap;align-items:center;gap:2px 4px;max-width:980px;margin:0 auto;\
        padding:2px 6px;list-style:none}
        .nav form{margin:0}
        .nav a,.nav button{display:inline-flex;align-items:center;min-height:44px;padding:0 12px;border:0;\
        border-radius:6px;background:none;color:#fff;font:inherit;text-decoration:none;cursor:pointer}
        .nav a[aria-current]{background:rgba(255,255,255,.2);font-weight:600}
        .nav button{text-decoration:underline}
        .who{padding:0 12px;color:#ffe9df}
        main{max-width:980px;margin:0 auto;padding:12px 12px 28px}
        h1{margin:8px 0 10px;font-size:24px;line-height:1.3}
        h2{margin:0;font-size:20px;line-height:1.3}
        p{margin:0 0 12px}
        .lead{color:#3d4249}
        .summary{font-weight:600}
        .button{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:0 20px;\
        border:0;border-radius:8px;background:#b23a1e;color:#fff;font:inherit;font-weight:700;\
        text-decoration:none;cursor:pointer}
        .towns{display:grid;gap:14px;margin-top:16px}
        .town{overflow:hidden;border-radius:10px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .town>header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;\
        gap:2px 10px;padding:12px 14px;background:#fbe9e1}
        .town>header p{margin:0;color:#5a3a30;font-size:15px}
        .villages{margin:0;padding:0;list-style:none}
        .villages li{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;\
        gap:0 12px;padding:9px 14px;border-top:1px solid #efe9df}
        .villages li:first-child{border-top:0}
        .v-name{font-weight:600}
        .v-alt{margin-left:6px;color:#6b6f76;font-size:14px;font-weight:400}
        .v-meta{margin-left:auto;color:#4a4f57;font-size:15px}
        .tag{display:inline-block;margin-right:8px;padding:0 8px;border-radius:10px;background:#f4efe6;\
        color:#6e2410;font-size:14px}
        .card{max-width:520px;padding:16px;border-radius:10px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .card label,legend{display:block;margin:14px 0 4px;padding:0;font-weight:600}
        .card input[type=text],.card input[type=password]{display:block;width:100%;min-height:48px;\
        padding:10px 12px;border:1px solid #8a8f96;border-radius:8px;background:#fff;color:inherit;font:inherit}
        .card input[aria-invalid=true]{border:2px solid #b00020}
        fieldset{margin:8px 0 0;padding:0;border:0}
        .card .choice{display:flex;align-items:center;gap:10px;min-height:48px;margin:6px 0;padding:0 12px;\
        border:1px solid #c9c4ba;border-radius:8px;font-weight:400}
        .choice input{flex:none;width:22px;height:22px;margin:0;accent-color:#b23a1e}
        .hint{margin:4px 0 0;color:#555a61;font-size:14px}
        .error{margin:4px 0 0;color:#b00020;font-size:15px;font-weight:600}
        .alert{margin:0 0 12px;padding:10px 12px;border-left:4px solid #b00020;border-radius:6px;\
        background:#fdecea;color:#5f0010}
        .card .button{width:100%;margin:20px 0 12px;font-size:18px}
        .status{color:#6b6f76;font-size:15px}
        :focus-visible{outline:3px solid #f2b705;outline-offset:2px}
        footer.site{max-width:980px;margin:0 auto;padding:16px 12px 28px;border-top:1px solid #e2dccf;\
        color:#555a61;font-size:14px}
        @media (min-width:720px){body{font-size:16px}h1{font-size:30px}\
        .towns{grid-template-columns:1fr 1fr;align-items:start}main{padding-top:20px}}

        """

    /// The stylesheet's hash for the Content-Security-Policy header.
    static let stylesheetHash = "sha256-" + Data(SHA256.hash(data: Data(stylesheet.utf8))).base64EncodedString()
}
