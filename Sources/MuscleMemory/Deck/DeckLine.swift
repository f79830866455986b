/// One physical line of a deck file, classified. The parser works on these, and lint rules can
/// inspect them, so every finding can name an exact line and column.
struct DeckLine: Sendable {
    enum Kind: Sendable, Equatable {
        case blank
        /// `# Title` (level 1), `## Section` (level 2), deeper levels are reported as unknown.
        case heading(level: Int, text: String)
        /// `Name: value` at the start of a line.
        case field(name: String, value: String)
        /// `- text`, `* text`, `+ text` or `1. text`.
        case item(text: String)
        /// `Q: text` / `A: text`.
        case question(text: String)
        case answer(text: String)
        /// Any other text.
        case text(String)
    }

    var number: Int
    var kind: Kind
    /// Leading spaces and tabs; an indented line continues the line above.
    var indent: Int
    /// Column (1-based) where the meaningful text of the kind starts (a field's value, an item's text).
    var textColumn: Int
    /// The whole line as written (without its line ending).
    var raw: String

    var isIndented: Bool { indent > 0 }
}

enum DeckLexer {
    /// Splits text into classified lines. `<!-- … -->` comments that start a line are blanked out,
    /// so they can hold instructor notes without becoming cards.
    static func lines(of text: String) -> [DeckLine] {
        var result: [DeckLine] = []
        var inComment = false
        var number = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // Split on the LF byte (fast, and it also splits CRLF, which is one Character in Swift);
        // a CR before it is dropped.
        for rawLine in body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = String(Substring(rawLine))
            if line.utf8.last == 0x0D { line = String(line.utf8.dropLast()) ?? line }
            if inComment {
                if line.contains("-->") { inComment = false }
                result.append(DeckLine(number: number, kind: .blank, indent: 0, textColumn: 1, raw: line))
                continue
            }
            let trimmedStart = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmedStart.hasPrefix("<!--") {
                if !trimmedStart.dropFirst(4).contains("-->") { inComment = true }
                result.append(DeckLine(number: number, kind: .blank, indent: 0, textColumn: 1, raw: line))
                continue
            }
            result.append(classify(line, number: number))
        }
        // A file ending in a newline yields one empty last element: that is not a line.
        if let last = result.last, last.raw.isEmpty, text.hasSuffix("\n") || text.hasSuffix("\r\n") { result.removeLast() }
        return result
    }

    static func classify(_ line: String, number: Int) -> DeckLine {
        let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
        let content = line.dropFirst(indent)
        let trimmed = content.trimmingTrailingSpace()
        func make(_ kind: DeckLine.Kind, textStart: Int = 0) -> DeckLine {
            DeckLine(number: number, kind: kind, indent: indent, textColumn: indent + textStart + 1, raw: line)
        }
        if trimmed.isEmpty { return make(.blank) }

        let hashes = trimmed.prefix(while: { $0 == "#" }).count
        if hashes > 0, trimmed.count == hashes || [" ", "\t"].contains(trimmed.dropFirst(hashes).first) {
            let level = hashes
            let afterHashes = trimmed.dropFirst(level)
            let spaces = afterHashes.prefix(while: { $0 == " " || $0 == "\t" }).count
            let title = String(afterHashes.dropFirst(spaces)).trimmingTrailingHashes()
            return make(.heading(level: level, text: title), textStart: level + spaces)
        }
        if let marker = listMarkerLength(trimmed) {
            let rest = trimmed.dropFirst(marker)
            let spaces = rest.prefix(while: { $0 == " " || $0 == "\t" }).count
            return make(.item(text: String(rest.dropFirst(spaces))), textStart: marker + spaces)
        }
        if let (name, valueStart) = fieldName(trimmed) {
            let value = String(trimmed.dropFirst(valueStart))
            switch name.lowercased() {
            case "q": return make(.question(text: value), textStart: valueStart)
            case "a": return make(.answer(text: value), textStart: valueStart)
            default: return make(.field(name: name, value: value), textStart: valueStart)
            }
        }
        return make(.text(String(trimmed)))
    }

    /// `- `, `* `, `+ ` (followed by a space or the end), or `1. ` / `1) `.
    private static func listMarkerLength(_ text: Substring) -> Int? {
        guard let first = text.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            let second = text.dropFirst().first
            return second == nil || second == " " || second == "\t" ? 1 : nil
        }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let after = text.dropFirst(digits.count)
            if let mark = after.first, mark == "." || mark == ")" {
                let space = after.dropFirst().first
                if space == nil || space == " " || space == "\t" { return digits.count + 1 }
            }
        }
        return nil
    }

    /// `Name:` followed by a space or the end of the line, where Name is one to four words of
    /// letters (hyphens allowed). Returns the name and where the value starts (after spaces).
    private static func fieldName(_ text: Substring) -> (String, Int)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon]
        guard let first = name.first, first.isLetter, name.count <= 32 else { return nil }
        guard name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return nil }
        guard name.split(separator: " ").count <= 4, name.last != " " else { return nil }
        let after = text[text.index(after: colon)...]
        if let next = after.first, next != " " && next != "\t" { return nil }
        let spaces = after.prefix(while: { $0 == " " || $0 == "\t" }).count
        return (String(name), name.count + 1 + spaces)
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            if self[before] == " " || self[before] == "\t" { end = before } else { break }
        }
        return self[startIndex..<end]
    }
}

extension String {
    /// `## Actions ##` (closing hashes are allowed in Markdown headings).
    func trimmingTrailingHashes() -> String {
        var text = Substring(self).trimmingTrailingSpace()
        if text.hasSuffix("#") {
            let stripped = text.reversed().drop(while: { $0 == "#" })
            if stripped.first == " " || stripped.first == "\t" {
                text = text.dropLast(text.count - stripped.count).trimmingTrailingSpace()
            }
        }
        return String(text)
    }

    /// Trims spaces, tabs and newlines at both ends.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        guard let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
