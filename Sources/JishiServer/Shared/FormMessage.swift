import JishiKit

/// A localisable message about a form or one of its fields.
struct FormMessage: Hashable, Sendable {
    var key: L10nKey
    var arguments: [String]

    init(_ key: L10nKey, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    func text(_ context: PageContext) -> String {
        Localization.string(key, context.language, arguments: arguments)
    }
}
