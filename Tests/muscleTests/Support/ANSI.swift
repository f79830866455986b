import Foundation

/// Terminal escape sequences in captured output: removed to compare what a person would read,
/// detected to tell coloured output from plain.
enum ANSI {
    /// Removes escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL` or `… ESC \`, and the
    /// two-character kind such as `ESC ( B`) and carriage returns, so "\r\n" reads as "\n".
    static func strip(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\r" { continue }
            guard scalar == "\u{1B}" else { out.append(scalar); continue }
            guard let kind = scalars.next() else { break }
            switch kind {
            case "[":  // parameters and intermediates, then one final byte in @…~
                while let s = scalars.next(), !(0x40...0x7E).contains(s.value) {}
            case "]":  // an operating-system command, up to BEL or ST
                var previous: Unicode.Scalar = " "
                while let s = scalars.next(), s != "\u{07}", !(previous == "\u{1B}" && s == "\\") { previous = s }
            default:  // intermediates (space…/) then a final byte, or a lone final byte
                var s = kind
                while (0x20...0x2F).contains(s.value), let next = scalars.next() { s = next }
            }
        }
        return String(out)
    }

    /// Whether the text holds a colour or style sequence (SGR, `ESC [ … m`).
    static func hasColour(_ text: String) -> Bool {
        text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil
    }

    /// Whether the text holds any escape character at all.
    static func hasEscapes(_ text: String) -> Bool { text.contains("\u{1B}") }
}
