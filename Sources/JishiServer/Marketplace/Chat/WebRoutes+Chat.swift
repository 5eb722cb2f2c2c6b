import Vapor

extension WebRoutes {
    /// The chat pages.
    static func chat(_ routes: PageRoutes) {
        routes.get(.messages, ChatController.list)
        routes.get(.shopMessages, ChatController.shopList)
        routes.post(.contactShop, ChatController.contact)
        routes.get(.conversation, ChatController.show)
        routes.post(.conversation, ChatController.send)
        routes.post(.conversationRead, ChatController.markRead)
        routes.post(.conversationBlock, ChatController.block)
        ChatLive.register(on: routes.app)
    }
}
