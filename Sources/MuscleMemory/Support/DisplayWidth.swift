/// Terminal column widths, so tables line up with accented, combining and wide (CJK, emoji) text.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark { return 0 }
        if first.value < 0x20 || first.value == 0x7F { return 0 }
        if first.properties.isEmojiPresentation || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The text cut to at most `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// The text padded with spaces to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// Words wrapped to lines of at most `width` columns; existing newlines are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 4 else { return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var hasWord = false
            let indent = paragraph.hasPrefix("• ") ? "  " : ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = of(word)
                if lineWidth > 0 && lineWidth + 1 + w > width {
                    lines.append(line)
                    line = indent
                    lineWidth = of(indent)
                    hasWord = false
                }
                while w > width - lineWidth && w > 0 && lineWidth == of(line) && lineWidth + w > width {
                    // A word longer than the line: break it.
                    var head = ""
                    var headWidth = 0
                    var rest = Substring(word)
                    while let c = rest.first, headWidth + of(c) <= width - lineWidth {
                        head.append(c); headWidth += of(c); rest = rest.dropFirst()
                    }
                    if head.isEmpty { break }
                    lines.append(line + head)
                    line = indent
                    lineWidth = of(indent)
                    hasWord = false
                    word = String(rest)
                    w = of(word)
                }
                // A space before every word but a line's first (after its hanging indent): the
                // bullet "•" is the first word of its paragraph, so the word after it gets one too.
                if hasWord {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += w
                hasWord = true
            }
            lines.append(line)
        }
        return lines
    }
}
