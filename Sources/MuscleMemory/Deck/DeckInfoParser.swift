/// Reads a deck folder's `deck.md`: `# Title`, then `Author:`, `Description:` and `Order:` fields.
enum DeckInfoParser {
    static func parse(_ text: String, file: String) -> (DeckInfo?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var info: DeckInfo?
        var current: DeckField?
        var previousWasBlank = true
        func report(_ rule: RuleID, _ line: DeckLine, column: Int, _ message: String) {
            diagnostics.append(Diagnostic(rule: rule, at: SourceLocation(file: file, line: line.number, column: column), message: message))
        }
        for line in DeckLexer.lines(of: text) {
            defer { previousWasBlank = line.kind == .blank }
            if line.kind == .blank { current = nil; continue }
            if info == nil {
                if case .heading(1, let title) = line.kind, !title.trimmed.isEmpty {
                    info = DeckInfo(title: title.trimmed)
                } else {
                    report(.missingName, line, column: line.indent + 1, "deck.md must start with '# Title', the deck's name")
                    info = DeckInfo(title: "")
                }
                continue
            }
            let continuation: String?
            switch line.kind {
            case .field(let name, let value) where !line.isIndented:
                guard let field = DeckField(loose: name) else {
                    report(.unknownField, line, column: line.indent + 1, "unknown field '\(name)'" + suggestion(for: name, among: DeckField.allCases.map(\.rawValue), kind: "fields of deck.md"))
                    current = nil
                    continue
                }
                current = field
                continuation = nil
                if field == .order {
                    info?.order += orderEntries(in: line.raw, afterColon: true, line: line.number, file: file)
                } else {
                    set(field, value.trimmed, in: &info, appending: false)
                }
            case .heading:
                report(.unknownSection, line, column: line.indent + 1, "deck.md holds a '# Title' and fields only")
                current = nil
                continue
            default:
                continuation = String(line.raw.dropFirst(line.indent)).trimmed
            }
            if let text = continuation {
                if current == .order, line.isIndented || !previousWasBlank {
                    info?.order += orderEntries(in: line.raw, afterColon: false, line: line.number, file: file)
                } else if let field = current, line.isIndented || !previousWasBlank {
                    set(field, text, in: &info, appending: true)
                } else {
                    report(.strayText, line, column: line.indent + 1, "deck.md holds a '# Title' and 'Author:' / 'Description:' / 'Order:' fields only")
                }
            }
        }
        if info == nil {
            diagnostics.append(Diagnostic(rule: .missingName, at: SourceLocation(file: file, line: 1, column: 1), message: "deck.md is empty; give the deck a '# Title'"))
        }
        return (info, diagnostics)
    }

    /// The comma-separated entries of an `Order:` line (after the field's colon, or the whole of a
    /// continuation line), each with its column.
    static func orderEntries(in raw: String, afterColon: Bool, line: Int, file: String) -> [Located<String>] {
        let characters = Array(raw)
        var index = 0
        if afterColon {
            while index < characters.count && characters[index] != ":" { index += 1 }
            index += 1
        }
        var entries: [Located<String>] = []
        while index < characters.count {
            while index < characters.count && (characters[index] == " " || characters[index] == "\t" || characters[index] == ",") { index += 1 }
            let start = index
            while index < characters.count && characters[index] != "," { index += 1 }
            var text = String(characters[start..<index])
            while text.last == " " || text.last == "\t" { text.removeLast() }
            while text.hasSuffix("/") { text.removeLast() }
            if text.hasSuffix(".md") { text.removeLast(3) }
            if !text.isEmpty {
                entries.append(Located(text, at: SourceLocation(file: file, line: line, column: start + 1)))
            }
        }
        return entries
    }

    private static func set(_ field: DeckField, _ text: String, in info: inout DeckInfo?, appending: Bool) {
        func join(_ old: String) -> String { appending && !old.isEmpty ? old + " " + text : text }
        switch field {
        case .author:
            let value = join(info?.author ?? "")
            info?.author = value
        case .description:
            let value = join(info?.description ?? "")
            info?.description = value
        case .order:
            break  // read entry by entry, with their columns, by `orderEntries`
        }
    }
}
