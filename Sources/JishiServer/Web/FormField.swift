import JishiKit
import Plot

/// A labelled text input with its hint and error, wired for screen readers. Values are escaped;
/// password inputs never carry a value back.
struct FormField {
    enum Kind {
        case text
        /// A login name: no capitals, no spelling suggestions.
        case identifier
        case password(autocomplete: String)
    }

    var name: String
    var label: L10nKey
    var kind: Kind = .text
    var value: String = ""
    var hint: L10nKey?
    var error: FormMessage?
    var autocomplete: String?

    func node(_ context: PageContext) -> Node<HTML.FormContext> {
        let hintID = "\(name)-hint"
        let errorID = "\(name)-error"
        let describedBy = [hint.map { _ in hintID }, error.map { _ in errorID }].compactMap { $0 }
        var attributes: [Attribute<HTML.InputContext>] = [.id(name), .name(name)]
        switch kind {
        case .text:
            attributes += [.type(.text), .escaped("value", value), .escaped("autocomplete", autocomplete ?? "off")]
        case .identifier:
            attributes += [
                .type(.text), .escaped("value", value), .escaped("autocomplete", autocomplete ?? "off"),
                .attribute(named: "autocapitalize", value: "none"), .attribute(named: "spellcheck", value: "false"),
            ]
        case .password(let purpose):
            attributes += [.type(.password), .escaped("autocomplete", purpose)]
        }
        if !describedBy.isEmpty {
            attributes.append(.escaped("aria-describedby", describedBy.joined(separator: " ")))
        }
        if error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        return .group(
            .label(.for(name), .safeText(context.text(label))),
            .unwrap(hint) { .p(.class("hint"), .id(hintID), .safeText(context.text($0))) },
            .unwrap(error) { .p(.class("error"), .id(errorID), .safeText($0.text(context))) },
            .selfClosedElement(named: "input", attributes: attributes)
        )
    }
}
