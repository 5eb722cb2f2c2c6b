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
        .nav .navrow{display:flex;align-items:center;max-width:980px;margin:0 auto;padding:2px 6px}
        .nav ul{display:flex;flex-wrap:nowrap;align-items:center;gap:2px 4px;margin:0;padding:0;list-style:none;\
        white-space:nowrap}
        .nav li{flex:none}
        .menu{position:relative;margin:0 0 0 auto}
        .menu>summary{display:flex;align-items:center;min-height:44px;padding:0 12px;border-radius:6px;\
        color:#fff;cursor:pointer;list-style:none}
        .menu>summary::-webkit-details-marker{display:none}
        .menu>summary::after{content:"";margin-left:8px;border:6px solid transparent;border-top-color:#fff;\
        transform:translateY(3px)}
        .menu[open]>summary{background:rgba(255,255,255,.2)}
        .menu>ul{position:absolute;right:0;top:100%;z-index:3;display:block;min-width:200px;padding:6px;\
        background:#8f2a13;border-radius:0 0 8px 8px;box-shadow:0 6px 16px rgba(0,0,0,.25)}
        .menu li{display:block}
        .menu a,.menu button{width:100%}
        .nav form{margin:0}
        .nav a,.nav button{display:inline-flex;align-items:center;min-height:44px;padding:0 12px;border:0;\
        border-radius:6px;background:none;color:#fff;font:inherit;text-decoration:none;cursor:pointer}
        .nav a[aria-current]{background:rgba(255,255,255,.2);font-weight:600}
        .nav button{text-decoration:underline}
        .who{padding:8px 12px;color:#ffe9df}
        @media (max-width:480px){.brand small{display:none}.bar{padding:4px 12px}}
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
        .in{display:block;width:100%;min-height:48px;padding:10px 12px;border:1px solid #8a8f96;\
        border-radius:8px;background:#fff;color:inherit;font:inherit}
        textarea.in{resize:vertical}
        [hidden]{display:none!important}
        #planning progress{display:block;width:100%;height:16px}
        video.scanner{display:block;width:100%;max-height:50vh;margin:8px 0;background:#000}
        .in[aria-invalid=true]{border:2px solid #b00020}
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
        @media (min-width:720px){body{font-size:16px}h1{font-size:30px}\
        .towns{grid-template-columns:1fr 1fr;align-items:start}main{padding-top:20px}}

        """

    /// What only the marketplace pages use (lists, cards, forms with rows, print): a second
    /// inline stylesheet, so that the home, register and log-in pages stay as light as they were.
    static let marketStylesheet = """
        label{font-weight:600}
        .card.wide{max-width:720px}
        .button.secondary{background:#fff;color:#9c2f16;border:2px solid #b23a1e}
        .button.quiet{background:#efe9df;color:#1f2328}
        .card .button.secondary,.card .button.quiet{margin-top:8px}
        form.inline{display:inline-block;margin:0}
        .actions{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0}
        .notice{padding:10px 12px;border-left:4px solid #2e7d32;border-radius:6px;background:#e8f5e9;color:#1b4d1e}
        .box{margin:0 0 14px;padding:12px 14px;border-radius:10px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        details.box{margin:0 0 10px}
        .offer>summary{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;padding:4px 0}
        .offer>summary h2{font-size:18px}
        .box h2{margin-bottom:8px}
        .meta,.when,.vn,.shop{color:#4a4f57;font-size:15px}
        .price{font-weight:700;color:#9c2f16;white-space:nowrap}
        .stock{color:#2e7d32;font-size:14px}
        .stock.out{color:#8a3a00}
        .empty{padding:16px 0;color:#4a4f57}
        .back{margin:0 0 4px;font-size:15px}
        .search{margin-bottom:12px}
        .qrow{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px}
        .qrow>label{flex-basis:100%;margin:0}
        .qrow>.in{flex:1 1 180px;width:auto}
        details{margin:10px 0}
        summary{min-height:44px;padding:10px 0;font-weight:600;cursor:pointer}
        .filters label{display:block;margin:10px 0 4px}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:0 10px}
        @media (max-width:480px){.pair.dates{grid-template-columns:1fr}}
        .pair>*{min-width:0}
        main>h2{margin:18px 0 6px}
        .check,.card .check{display:flex;align-items:center;gap:10px;min-height:44px;margin:8px 0;font-weight:400}
        .check input{width:22px;height:22px;margin:0;accent-color:#b23a1e}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:0;padding:0;\
        list-style:none}
        .cards a{display:flex;flex-direction:column;gap:2px;height:100%;padding:8px;border-radius:10px;\
        background:#fff;color:inherit;text-decoration:none;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .cards .t{font-weight:600;line-height:1.4}
        .facets{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;margin:0 0 10px}
        .facets h2{font-size:1em;margin:0}
        .facets ul{display:flex;flex-wrap:wrap;gap:4px 8px;margin:0;padding:0;list-style:none}
        .facets a{display:inline-block;padding:8px 10px;border-radius:16px;background:#fff;color:inherit;\
        box-shadow:0 1px 2px rgba(0,0,0,.12)}
        .ph{display:block;width:100%;height:auto;aspect-ratio:1;border-radius:8px;background:#efe9df;object-fit:cover}
        .gallery{display:flex;gap:8px;overflow-x:auto;margin:0 0 10px}
        .gallery .ph{flex:none;width:min(320px,80vw)}
        .choice.variant{flex-wrap:wrap;gap:4px 10px;padding:6px 12px}
        .variant .vn{flex:1 1 40%;color:inherit}
        .desc{white-space:pre-line}
        .facts{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}
        .facts dt{color:#4a4f57}
        .facts dd{margin:0}
        .facts.amounts{grid-template-columns:minmax(0,1fr) auto}
        .facts.amounts dd{white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums}
        .lines,.rows,.history,.variants,.thumbs{margin:0;padding:0;list-style:none}
        .line{padding:8px 0;border-top:1px solid #efe9df}
        .line:first-child{border-top:0}
        .lt{display:flex;flex-wrap:wrap;gap:2px 10px}
        .lt>:first-child{flex-basis:100%;font-weight:600}
        .qty{display:grid;grid-template-columns:1fr;gap:0 8px}
        .qty label{font-weight:400;font-size:15px;margin-top:6px}
        .subtotal,.total .summary{text-align:right;font-weight:700}
        .rows li{margin:0 0 10px}
        .row{display:flex;flex-wrap:wrap;gap:2px 12px;padding:10px 12px;border-radius:10px;background:#fff;\
        color:inherit;text-decoration:none;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .row .t{flex-basis:100%;font-weight:600}
        .order .row{box-shadow:none;padding:4px 0}
        .st{display:inline-block;padding:0 8px;border-radius:10px;background:#e3e7ee;font-size:14px;font-weight:600}
        .st-paid,.st-completed{background:#e0f2e3;color:#1b4d1e}
        .st-pending_payment{background:#fff3d6;color:#6b4500}
        .st-shipped,.st-delivered{background:#e1ecfb;color:#123d7a}
        .st-cancelled,.st-refunded{background:#eee;color:#555}
        .history li{display:grid;grid-template-columns:1fr;padding:6px 0;border-top:1px solid #efe9df}
        .step{font-weight:600}
        .why{color:#4a4f57;font-size:15px}
        .tiles{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:12px 0}
        .tile{display:flex;flex-direction:column;justify-content:center;min-height:64px;padding:10px;\
        border-radius:10px;background:#fff;color:#9c2f16;font-weight:600;text-decoration:none;\
        box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .tile strong{font-size:22px}
        .tabs{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 12px}
        .tabs a{display:inline-flex;align-items:center;min-height:44px;padding:0 12px;border-radius:22px;\
        background:#fff;color:inherit;text-decoration:none}
        .tabs a[aria-current]{background:#b23a1e;color:#fff}
        .variants li{padding:8px 0;border-top:1px solid #efe9df}
        .variants h3{margin:0;font-size:17px}
        .inline-form{margin:6px 0}
        .inline-form .button{margin-top:8px}
        .map-box{margin:10px 0}.map-box svg{width:100%;max-width:480px;height:auto;display:block;border:1px solid #ddd}
        .map-box figcaption{font-size:.85em;color:#666}
        .thumbs{display:flex;flex-wrap:wrap;gap:10px}
        .thumbs .ph{width:120px}
        .review-photos img{object-fit:cover;border-radius:6px}
        input[type=file].in{padding:8px}
        .pack{width:100%;border-collapse:collapse;margin-top:8px}
        .pack th,.pack td{padding:6px 4px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
        .pack .n{text-align:right}
        .pack th{white-space:nowrap}
        .pack td>span,.pack td>strong{display:block}
        .pack td>.vn{color:#1f2328;font-size:17px}
        .box-tick{font-size:20px;text-align:center}
        .slip{break-inside:avoid}
        @media print{header.site,footer.site,.skip,.noprint{display:none}body{background:#fff;font-size:12pt}\
        main{padding:0}.box{box-shadow:none;border:1px solid #999}}
        footer.site{max-width:980px;margin:0 auto;padding:16px 12px 28px;border-top:1px solid #e2dccf;\
        color:#555a61;font-size:14px}
        .rated{color:#6b4500;font-size:14px}
        .reviews>h2{margin:18px 0 6px}
        .stars{color:#b26a00;letter-spacing:1px;white-space:nowrap}
        .rating .overall{margin:4px 0}
        .rating .overall strong{font-size:26px;color:#9c2f16}
        .dims{display:flex;flex-wrap:wrap;gap:0 14px;margin:0 0 6px;padding:0;list-style:none;font-size:15px}
        .reply{margin:6px 0 0;padding:6px 10px;border-left:3px solid #e2dccf;background:#faf8f3}
        .review .desc{margin:4px 0}
        .chat{display:flex;flex-direction:column;gap:8px;margin:0 0 12px;padding:0;list-style:none}
        .msg{max-width:85%;padding:6px 10px;border-radius:10px;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.1)}
        .msg.mine{align-self:flex-end;background:#fde9e1}
        .msg .meta{margin:0;font-size:13px}
        .msg .text{margin:0;white-space:pre-line}
        .chat-photo{max-width:200px}
        .unread{padding:0 8px;border-radius:10px;background:#b23a1e;color:#fff;font-size:14px;font-weight:600}
        @media (min-width:720px){.qty{grid-template-columns:1fr auto}.tiles{grid-template-columns:repeat(4,1fr)}}

        """

    /// Both stylesheets as the one file every page links: a phone fetches it once and keeps it
    /// (it is served with a year-long immutable lifetime), instead of reading 4 KB of styles
    /// inline on every page.
    static let stylesheetFile =
        stylesheet + marketStylesheet + labelStylesheet + figuresStylesheet
        + insightsStylesheet + growthStylesheet + simulationStylesheet

    /// Where the file is served: its name carries its content's hash, so a changed stylesheet
    /// is a new address and no browser keeps an old one.
    static let stylesheetName =
        "site-" + SHA256.hash(data: Data(stylesheetFile.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        + ".css"
    static let stylesheetPath = "/assets/" + stylesheetName
}
