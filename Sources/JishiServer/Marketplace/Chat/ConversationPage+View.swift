import Foundation
import JishiKit
import Marketplace
import Plot

extension ConversationPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let title = context.text(.chatWith, model.otherName)
            return Layout.page(
                title: title, context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    model.side == .shop
                        ? Widgets.back(SitePath.shopMessages.path(model.shopID), context.text(.chatShopMessages))
                        : Widgets.back(SitePath.messages.path, context.text(.chatMyMessages)),
                    .h1(.id("conversation-with"), .safeText(title)),
                    blockSwitch,
                    .if(
                        model.hasOlder,
                        .p(
                            .a(
                                .class("button quiet"), .id("older"),
                                .href(model.path + "?before=\(model.messages.first?.seq ?? 1)"),
                                .safeText(context.text(.chatOlder))))),
                    .if(
                        model.messages.isEmpty,
                        .p(.class("empty"), .id("no-messages"), .safeText(context.text(.chatNoMessages)))),
                    log,
                    model.isNewest
                        ? .group(sendForm, refresh, liveScript)
                        : .p(
                            .a(
                                .class("button"), .id("newest"), .href(model.path + "#chat-form"),
                                .safeText(context.text(.chatNewest)))),
                ])
        }

        private var log: Node<HTML.BodyContext> {
            .ol(
                .class("chat"), .id("chat-log"),
                .attribute(named: "aria-live", value: "polite"),
                .escaped("data-conversation", model.conversationID.uuidString.lowercased()),
                .escaped("data-side", model.side.rawValue),
                .escaped("data-me", context.text(.chatYou)),
                .escaped("data-them", model.otherName),
                .escaped("data-live", SitePath.chatLive.path),
                .escaped("data-read", SitePath.conversationRead.path(model.conversationID)),
                .group(model.messages.map(message))
            )
        }

        private func message(_ message: Message) -> Node<HTML.ListContext> {
            let mine = message.side == model.side
            return .li(
                .class(mine ? "msg mine" : "msg theirs"), .id("message-\(message.seq)"),
                .attribute(named: "data-seq", value: String(message.seq)),
                .p(
                    .class("meta"),
                    .safeText((mine ? context.text(.chatYou) : model.otherName) + " · " + context.time(message.at))),
                .unwrap(message.imageURL) { url in
                    .img(
                        .class("ph chat-photo"), .src(url), .alt(""), .attribute(named: "width", value: "200"),
                        .attribute(named: "height", value: "200"), .attribute(named: "loading", value: "lazy"))
                },
                .if(!message.text.isEmpty, .p(.class("text"), .safeText(message.text)))
            )
        }

        /// The shop's staff block a buyer who misbehaves, and may let them back.
        private var blockSwitch: Node<HTML.BodyContext> {
            if model.side == .buyer {
                return model.blocked
                    ? .p(.class("alert"), .id("blocked"), .safeText(context.text(.chatBlockedBuyer))) : .empty
            }
            return .div(
                .class("actions"),
                .if(model.blocked, .p(.class("alert"), .id("blocked"), .safeText(context.text(.chatBlockedShop)))),
                Widgets.postButton(
                    SitePath.conversationBlock.path(model.conversationID),
                    context.text(model.blocked ? .chatUnblock : .chatBlock), context: context,
                    id: model.blocked ? "unblock-buyer" : "block-buyer", style: "button quiet",
                    fields: [("blocked", model.blocked ? "0" : "1")])
            )
        }

        private var sendForm: Node<HTML.BodyContext> {
            guard model.canSend else { return .empty }
            return .form(
                .class("card"), .id("chat-form"), .method(.post), .action(model.path), .novalidate(),
                .unwrap(model.error) { Widgets.alert($0.text(context)) },
                Layout.csrfField(context),
                FormField(
                    name: "text", label: .chatMessage, kind: .textArea(rows: 3), value: model.draft, error: model.error,
                    id: "message-text"
                ).node(context),
                .button(.type(.submit), .class("button"), .id("send-message"), .safeText(context.text(.chatSend))),
                .p(.class("hint"), .id("chat-live"), .attribute(named: "hidden"), .safeText(context.text(.chatLive)))
            )
        }

        /// Without script, new messages show when the page is loaded again. A GET form rather
        /// than a link: it loads the page even when the address is already this one.
        private var refresh: Node<HTML.BodyContext> {
            .form(
                .class("inline"), .id("refresh-form"), .method(.get), .action(model.path),
                .button(
                    .type(.submit), .class("button quiet"), .id("refresh"), .safeText(context.text(.chatRefresh))))
        }

        /// Live messages and sending without a reload, when the browser runs script; the page
        /// works without it.
        private var liveScript: Node<HTML.BodyContext> {
            guard model.canSend else { return .empty }
            return .element(named: "script", nodes: [.raw(Layout.chatScript)])
        }
    }
}
