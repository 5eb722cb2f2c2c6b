import Plot

/// Escaping for everything a page interpolates.
///
/// Plot escapes text nodes but leaves anything that looks like an entity (`&amp;`) alone, and
/// it does not escape attribute values at all. Pages therefore pass every dynamic string
/// through here: `.safeText` for content and `.escaped` for attributes.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension Node {
    /// Text, fully escaped.
    static func safeText(_ text: String) -> Node { .raw(HTMLEscaping.escape(text)) }

    /// An attribute with its value fully escaped.
    static func escaped(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: HTMLEscaping.escape(value))
    }
}

extension Attribute {
    /// An attribute with its value fully escaped.
    static func escaped(_ name: String, _ value: String) -> Attribute {
        .attribute(named: name, value: HTMLEscaping.escape(value))
    }
}
