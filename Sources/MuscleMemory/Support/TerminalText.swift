/// Makes deck text safe to print on a terminal: escape sequences (ESC [ … final byte, OSC … BEL/ST)
/// are removed whole, other control characters and bidirectional overrides are dropped, tabs become
/// a space. Newlines are kept. A deck can therefore never move the cursor, recolour the screen or
/// retitle the window of the student reading it.
public enum TerminalText {
    public static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let scalar = next() {
            switch scalar.value {
            case 0x1B:  // ESC: skip the whole sequence
                guard let kind = next() else { break }
                switch kind {
                case "[":  // CSI: parameters, then a final byte in 0x40...0x7E
                    while let s = next() { if (0x40...0x7E).contains(s.value) { break } }
                case "]", "P", "X", "^", "_":  // OSC, DCS, SOS, PM, APC: until BEL or ESC \
                    while let s = next() {
                        if s.value == 0x07 { break }
                        if s.value == 0x1B { _ = next(); break }
                    }
                default:
                    break  // a two-character escape: both dropped
                }
            case 0x9B:  // 8-bit CSI
                while let s = next() { if (0x40...0x7E).contains(s.value) { break } }
            case 0x0A:
                out.append(scalar)
            case 0x09:
                out.append(" ")
            default:
                if !isUnsafe(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// The text with every control character, tab, line break and bidirectional control written
    /// as an escape (`\x1B`, `\x09`, `\u{202E}`), as `ls -b` shows names: for paths and values
    /// quoted in messages, where what the user typed must stay visible (and one line), but must
    /// never act on the terminal.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += hexEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        isUnsafe(scalar) || scalar == "\t" || scalar == "\n"
    }

    /// `\x1B` for a value up to FF, `\u{202E}` above.
    static func hexEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        let width = value <= 0xFF ? 2 : 4
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value <= 0xFF ? "\\x" + padded : "\\u{" + padded + "}"
    }

    /// Control characters (C0 other than tab and newline, DEL, C1) and the bidirectional
    /// embedding/override/isolate controls that can make text display differently from what it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 || v == 0x0A { return false }
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true }
        return false
    }
}
