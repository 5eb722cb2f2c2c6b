import JishiKit
import Plot

/// A labelled input (or text area, or menu) with its hint and error, wired for screen readers.
/// Values are escaped; password inputs never carry a value back.
struct FormField {
    enum Kind {
        case text
        /// A login name: no capitals, no spelling suggestions.
        case identifier
        case password(autocomplete: String)
        /// Whole numbers: phones show the digit pad.
        case number
        /// Money in yuan such as 12.50: phones show the digit pad with a point.
        case decimal
        case phone
        case date
        case textArea(rows: Int)
        /// A menu; the choices may be grouped under headings (a `nil` heading for none).
        case menu([MenuGroup])
    }

    /// Choices of a menu under one heading.
    struct MenuGroup {
        var heading: String?
        var choices: [(value: String, label: String)]
    }

    var name: String
    var label: L10nKey
    var kind: Kind = .text
    var value: String = ""
    var hint: L10nKey?
    var error: FormMessage?
    var autocomplete: String?
    /// The element id, when the same name appears more than once on a page.
    var id: String?

    func node<Context: HTML.BodyContext>(_ context: PageContext) -> Node<Context> {
        let id = self.id ?? name
        let hintID = "\(id)-hint"
        let errorID = "\(id)-error"
        let describedBy = [hint.map { _ in hintID }, error.map { _ in errorID }].compactMap { $0 }
        var attributes: [Attribute<HTML.BodyContext>] = [
            .attribute(named: "class", value: "in"), .escaped("id", id), .escaped("name", name),
        ]
        if !describedBy.isEmpty { attributes.append(.escaped("aria-describedby", describedBy.joined(separator: " "))) }
        if error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        let control: Node<Context>
        switch kind {
        case .textArea(let rows):
            control = .element(
                named: "textarea",
                nodes: (attributes + [.escaped("rows", String(rows))]).map(Node<HTML.BodyContext>.attribute)
                    + [.safeText(value)])
        case .menu(let groups):
            control = .element(
                named: "select", nodes: attributes.map(Node<HTML.BodyContext>.attribute) + groups.map(menuGroup))
        default:
            control = .selfClosedElement(named: "input", attributes: attributes + inputAttributes)
        }
        return .group(
            .label(.for(id), .safeText(context.text(label))),
            .unwrap(hint) { .p(.class("hint"), .id(hintID), .safeText(context.text($0))) },
            .unwrap(error) { .p(.class("error"), .id(errorID), .safeText($0.text(context))) },
            control
        )
    }

    private var inputAttributes: [Attribute<HTML.BodyContext>] {
        let value = Attribute<HTML.BodyContext>.escaped("value", self.value)
        let complete = Attribute<HTML.BodyContext>.escaped("autocomplete", autocomplete ?? "off")
        func type(_ name: String) -> Attribute<HTML.BodyContext> { .attribute(named: "type", value: name) }
        switch kind {
        case .text, .textArea, .menu:
            return [type("text"), value, complete]
        case .identifier:
            return [
                type("text"), value, complete, .attribute(named: "autocapitalize", value: "none"),
                .attribute(named: "spellcheck", value: "false"),
            ]
        case .password(let purpose):
            return [type("password"), .escaped("autocomplete", purpose)]
        case .number:
            return [type("text"), .attribute(named: "inputmode", value: "numeric"), value, complete]
        case .decimal:
            return [type("text"), .attribute(named: "inputmode", value: "decimal"), value, complete]
        case .phone:
            return [type("tel"), value, .escaped("autocomplete", autocomplete ?? "tel")]
        case .date:
            return [type("date"), value, complete]
        }
    }

    private func menuGroup(_ group: MenuGroup) -> Node<HTML.BodyContext> {
        let options: [Node<HTML.BodyContext>] = group.choices.map { choice in
            .element(
                named: "option",
                nodes: [
                    // An empty value must still be sent as empty, not as the option's text.
                    .attribute(named: "value", value: HTMLEscaping.escape(choice.value), ignoreIfValueIsEmpty: false),
                    choice.value == value ? .attribute(named: "selected") : .empty,
                    .safeText(choice.label),
                ])
        }
        guard let heading = group.heading else { return .group(options) }
        return .element(named: "optgroup", nodes: [.escaped("label", heading)] + options)
    }
}

extension FormField {
    /// The field of a form model that keeps its typed values and errors by a field enum, as the
    /// pages' form models do.
    init<Field: RawRepresentable & Hashable>(
        _ field: Field, _ label: L10nKey, kind: Kind = .text, hint: L10nKey? = nil, values: [Field: String],
        errors: [Field: FormMessage], id: String? = nil
    ) where Field.RawValue == String {
        self.init(
            name: field.rawValue, label: label, kind: kind, value: values[field] ?? "", hint: hint,
            error: errors[field], id: id)
    }
}
