import JishiKit
import Marketplace
import Plot

extension ConversationListPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let title =
                model.shop.map { context.text(.chatShopMessagesTitle, $0.name) } ?? context.text(.chatMyMessages)
            return Layout.page(
                title: title, context: context,
                main: [
                    .unwrap(model.shop) { Widgets.back(SitePath.shop.path($0.id), $0.name) },
                    .h1(.safeText(title)),
                    .if(
                        model.rows.isEmpty,
                        .p(
                            .class("empty"), .id("no-conversations"),
                            .safeText(context.text(model.shop == nil ? .chatNoConversations : .chatNoShopConversations))
                        )
                    ),
                    .ul(.class("rows"), .id("conversation-list"), .group(model.rows.map(row))),
                    .if(
                        !model.ownShops.isEmpty,
                        .group(
                            .h2(.safeText(context.text(.chatYourShops))),
                            .ul(
                                .class("rows"), .id("own-shop-messages"),
                                .group(
                                    model.ownShops.map { shop in
                                        .li(
                                            .a(
                                                .class("row"), .href(SitePath.shopMessages.path(shop.id)),
                                                .span(.class("t"), .safeText(shop.name)),
                                                .span(.class("when"), .safeText(context.text(.chatShopMessages)))))
                                    })))),
                ])
        }

        private func row(_ row: Row) -> Node<HTML.ListContext> {
            .li(
                .a(
                    .class("row"), .id("conversation-\(row.id.uuidString.lowercased())"),
                    .href(SitePath.conversation.path(row.id) + "#chat-form"),
                    .span(.class("t"), .safeText(row.name)),
                    .span(.class("when"), .safeText(context.time(row.lastMessageAt))),
                    .span(.class("when"), .safeText(context.text(.chatMessageCount, context.number(row.messageCount)))),
                    .if(
                        row.unread > 0,
                        .span(.class("unread"), .safeText(context.text(.chatUnread, context.number(row.unread)))))
                ))
        }
    }
}
