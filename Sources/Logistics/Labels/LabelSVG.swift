import Foundation
import JishiKit

/// Barcodes, QR codes and whole parcel labels as SVG, drawn on the server: each symbol is one
/// `<path>` of rectangles with crisp edges, inside its quiet zone (10 modules for Code 128,
/// 4 for QR), so it prints and scans at any size.
public enum LabelSVG {
    /// Code 128 wants 10 modules of light on each side.
    public static let barcodeQuietZone = 10
    /// QR wants 4 modules of light all round.
    public static let qrQuietZone = 4

    /// The barcode as a path in module units: its bars run from y 0 to `height`, starting at
    /// x `barcodeQuietZone`.
    public static func barcodePath(_ code: Code128, height: Int) -> String {
        var path = ""
        var x = barcodeQuietZone
        for (index, width) in code.widths.enumerated() {
            if index % 2 == 0 { path += "M\(x) 0h\(width)v\(height)h-\(width)z" }
            x += width
        }
        return path
    }

    /// The QR code as a path in module units, one rectangle per horizontal run of dark modules,
    /// offset by the quiet zone.
    public static func qrPath(_ qr: QRCode) -> String {
        var path = ""
        for (row, line) in qr.modules.enumerated() {
            var column = 0
            while column < line.count {
                guard line[column] else {
                    column += 1
                    continue
                }
                var end = column
                while end < line.count, line[end] { end += 1 }
                path += "M\(column + qrQuietZone) \(row + qrQuietZone)h\(end - column)v1h-\(end - column)z"
                column = end
            }
        }
        return path
    }

    /// The barcode alone, as a nested `<svg>` at (x, y) of `width` × `height` in the parent's
    /// units (its quiet zones included in the width).
    static func barcode(_ code: Code128, x: Double, y: Double, width: Double, height: Double) -> String {
        let modules = code.moduleCount + 2 * barcodeQuietZone
        return """
            <svg x="\(number(x))" y="\(number(y))" width="\(number(width))" height="\(number(height))" \
            viewBox="0 0 \(modules) 10" preserveAspectRatio="none">\
            <path d="\(barcodePath(code, height: 10))" fill="#000" shape-rendering="crispEdges"/></svg>
            """
    }

    /// The QR code alone, as a nested square `<svg>` at (x, y), `size` wide, quiet zone included.
    static func qrCode(_ qr: QRCode, x: Double, y: Double, size: Double) -> String {
        let modules = qr.size + 2 * qrQuietZone
        return """
            <svg x="\(number(x))" y="\(number(y))" width="\(number(size))" height="\(number(size))" \
            viewBox="0 0 \(modules) \(modules)">\
            <path d="\(qrPath(qr))" fill="#000" shape-rendering="crispEdges"/></svg>
            """
    }

    /// The words the label prints around its facts, in the reader's language.
    public struct Captions: Sendable {
        public var title: String
        public var direction: String
        public var destination: String
        public var recipient: String
        public var weight: String
        public var cashOnDelivery: String
        public var due: String

        public init(
            title: String, direction: String, destination: String, recipient: String, weight: String,
            cashOnDelivery: String, due: String
        ) {
            self.title = title
            self.direction = direction
            self.destination = destination
            self.recipient = recipient
            self.weight = weight
            self.cashOnDelivery = cashOnDelivery
            self.due = due
        }
    }

    /// The whole label: 100 × 150 mm (the electronic waybill size), drawn in millimetres. The
    /// names come in `english` or Chinese; `captions` are already in the reader's language.
    public static func label(_ label: ParcelLabel, captions: Captions, english: Bool) throws -> String {
        let code = try Code128(label.barcodeText)
        let qr = try QRCode(label.qrText)
        var parts: [String] = [
            ##"<rect width="100" height="150" fill="#fff"/>"##,
            ##"<path d="M3 14H97M3 58H97M3 88H97M3 106H97" stroke="#000" stroke-width="0.4" fill="none"/>"##,
            text(english ? label.carrierNameEn : label.carrierName, x: 4, y: 10, size: 6, width: 62, bold: true),
            text(captions.direction, x: 96, y: 10, size: 4.5, width: 28, anchor: "end", bold: true),
            text(label.trackingNumber, x: 50, y: 22.5, size: 7, width: 92, anchor: "middle", bold: true, mono: true),
            barcode(code, x: 3, y: 26, width: 94, height: 29),
            text(captions.destination, x: 4, y: 63, size: 3.5, width: 92),
            text(label.destinationCode, x: 4, y: 71.5, size: 7.5, width: 92, bold: true, mono: true),
            text(label.destinationName, x: 4, y: 78.5, size: 5, width: 92),
            text(english ? label.villageNameEn : label.villageName, x: 4, y: 85, size: 4.5, width: 92),
            text(captions.recipient, x: 4, y: 93, size: 3.5, width: 92),
            text(label.recipientName, x: 4, y: 100, size: 5.5, width: 60, bold: true),
            text(label.maskedPhone ?? "", x: 96, y: 100, size: 5, width: 34, anchor: "end", mono: true),
            text(captions.weight, x: 4, y: 116, size: 3.5, width: 50),
            text(label.weightText, x: 4, y: 121.5, size: 5, width: 50, bold: true),
            text(captions.due, x: 4, y: 128, size: 3.5, width: 50),
            text(label.dueDate, x: 4, y: 133.5, size: 5, width: 50, bold: true, mono: true),
            qrCode(qr, x: 57, y: 108, size: 40),
        ]
        if let cod = label.codMinor {
            parts.append(text(captions.cashOnDelivery, x: 4, y: 140, size: 3.5, width: 50))
            parts.append(text(Money(minorUnits: cod).formatted, x: 4, y: 146.5, size: 6, width: 50, bold: true))
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="150mm" viewBox="0 0 100 150" \
            role="img" aria-label="\(escape(captions.title + " " + label.trackingNumber))" \
            font-family="\(fontFamily)">\(parts.joined())</svg>
            """
    }

    static let fontFamily =
        "system-ui,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif"

    /// One line of text that never runs past `width` millimetres: a line the font would make
    /// wider is squeezed to fit.
    static func text(
        _ content: String, x: Double, y: Double, size: Double, width: Double, anchor: String = "start",
        bold: Bool = false, mono: Bool = false
    ) -> String {
        guard !content.isEmpty else { return "" }
        let estimate = content.reduce(0.0) { sum, character in
            sum + (character.isASCII ? (mono ? 0.62 : 0.58) : 1.0) * size
        }
        var attributes = #"x="\#(number(x))" y="\#(number(y))" font-size="\#(number(size))""#
        if anchor != "start" { attributes += #" text-anchor="\#(anchor)""# }
        if bold { attributes += #" font-weight="700""# }
        if mono { attributes += #" font-family="ui-monospace,'DejaVu Sans Mono',monospace""# }
        if estimate > width { attributes += #" textLength="\#(number(width))" lengthAdjust="spacingAndGlyphs""# }
        return "<text \(attributes)>\(escape(content))</text>"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// Text as XML character data or an attribute value.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case _ where scalar.value < 0x20 && scalar != "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
