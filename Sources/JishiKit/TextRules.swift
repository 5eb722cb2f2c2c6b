extension String {
    /// Whether the text holds a control character (NUL, escape, bidi overrides aside from
    /// ordinary text). Newlines and tabs count only when `allowingLineBreaks` is false.
    public func containsControlCharacters(allowingLineBreaks: Bool = false) -> Bool {
        unicodeScalars.contains { scalar in
            if allowingLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
            return scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format
                    && scalar.value != 0x200D  // zero-width joiner is part of ordinary emoji and scripts
        }
    }

    /// The text made safe for one log line: line breaks and other controls escaped.
    public var loggable: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where scalar.properties.generalCategory == .control: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
