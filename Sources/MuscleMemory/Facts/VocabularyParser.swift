/// Reads one vocabulary file: `# Name` entries, each with header fields (`Kind:`, `Synonyms:`,
/// `Local synonyms:`, `Roots:`, `Parent:`, `Plexus:`) and lists (`Movements:`, `Phrases:`, `Landmarks:`) whose
/// items follow on `- ` lines. Like the muscle parser it reports every problem and carries on.
enum VocabularyParser {
    private enum List { case none, movements, phrases, landmarks }

    static let fieldNames = ["kind", "synonyms", "local synonyms", "roots", "parent", "plexus", "movements", "phrases", "landmarks"]

    static func parse(_ text: String, file: String) -> ([Vocabulary.Entry], [Diagnostic]) {
        let (entries, _, diagnostics) = parseFile(text, file: file)
        return (entries, diagnostics)
    }

    /// The entries, the `Covers:` folders written before the first entry, and the findings.
    static func parseFile(_ text: String, file: String) -> ([Vocabulary.Entry], [Located<String>], [Diagnostic]) {
        var covers: [Located<String>] = []
        var entries: [Vocabulary.Entry] = []
        var diagnostics: [Diagnostic] = []
        var list = List.none
        var kindGiven = false
        func place(_ line: DeckLine, _ column: Int? = nil) -> SourceLocation {
            SourceLocation(file: file, line: line.number, column: column ?? line.indent + 1)
        }
        func report(_ line: DeckLine, _ message: String, column: Int? = nil) {
            diagnostics.append(Diagnostic(rule: .vocabularySyntax, at: place(line, column), message: message))
        }
        func finishEntry() {
            if let last = entries.last, !kindGiven {
                diagnostics.append(Diagnostic(rule: .vocabularySyntax, at: last.location,
                                              message: "'\(last.name)' has no 'Kind:'; give one of \(kinds)"))
            }
        }
        for line in DeckLexer.lines(of: text) {
            switch line.kind {
            case .blank:
                continue
            case .heading(let level, let title):
                guard level == 1, !title.trimmed.isEmpty else {
                    report(line, "a vocabulary file holds '# Term' headings only; start each entry with '# ' and its name")
                    continue
                }
                finishEntry()
                entries.append(Vocabulary.Entry(name: title.trimmed, kind: .term, location: place(line, line.textColumn)))
                list = .none
                kindGiven = false
            case .field(let name, let value):
                if entries.isEmpty, name.lowercased() == "covers" {
                    covers += split(value).map { Located($0.hasSuffix("/") ? String($0.dropLast()) : $0, at: place(line, line.textColumn)) }
                    continue
                }
                guard !entries.isEmpty else {
                    report(line, "'\(name):' before the first '# Term' heading; start the entry with '# ' and its name (only 'Covers:' goes there)")
                    continue
                }
                let at = place(line, line.textColumn)
                let value = value.trimmed
                let index = entries.count - 1
                list = .none
                switch name.lowercased() {
                case "kind":
                    if let kind = Vocabulary.Kind(rawValue: value.lowercased()) {
                        entries[index].kind = kind
                        kindGiven = true
                    } else {
                        report(line, "'\(value)' is no kind of entry; use one of \(kinds)", column: line.textColumn)
                    }
                case "synonyms": entries[index].synonyms += split(value)
                case "local synonyms": entries[index].localSynonyms += split(value)
                case "roots": entries[index].roots += split(value)
                case "parent": entries[index].parent = Located(value, at: at)
                case "plexus": entries[index].plexus = Located(value, at: at)
                case "movements": list = .movements
                case "phrases": list = .phrases
                case "landmarks": list = .landmarks
                default:
                    let suggestion = closestMatch(to: name.lowercased(), in: fieldNames).map { "; did you mean '\($0.prefix(1).uppercased() + $0.dropFirst()):'?" } ?? ""
                    report(line, "'\(name):' is not a vocabulary field\(suggestion)")
                }
                if ["movements", "phrases", "landmarks"].contains(name.lowercased()), !value.isEmpty {
                    report(line, "list the \(name.lowercased()) on '- ' lines below '\(name):'", column: line.textColumn)
                }
            case .item(let itemText):
                guard let index = entries.indices.last else {
                    report(line, "a list item before the first '# Term' heading")
                    continue
                }
                let at = place(line, line.textColumn)
                let item = itemText.trimmed
                switch list {
                case .none:
                    report(line, "a list item outside 'Movements:', 'Phrases:' or 'Landmarks:'")
                case .movements:
                    let parts = item.components(separatedBy: "<->").map(\.trimmed)
                    if parts.count > 2 || parts.contains(where: \.isEmpty) {
                        report(line, "write a movement as 'movement <-> opposite', e.g. 'plantarflexion <-> dorsiflexion'", column: line.textColumn)
                    } else {
                        entries[index].movements.append(.init(name: parts[0], opposite: parts.count == 2 ? parts[1] : nil, location: at))
                    }
                case .phrases:
                    let parts = item.components(separatedBy: "->").map(\.trimmed)
                    if parts.count > 2 || parts.contains(where: \.isEmpty) {
                        report(line, "write a phrase as 'words in the action line -> movement; movement'", column: line.textColumn)
                    } else {
                        entries[index].phrases.append(.init(text: parts[0], means: parts.count == 2 ? split(parts[1]) : [], location: at))
                    }
                case .landmarks:
                    var parts = item.split(separator: ";", maxSplits: 1).map { String($0).trimmed }
                    var synonyms: [String] = []
                    if parts.count == 2 {
                        let rest = parts[1]
                        if rest.lowercased().hasPrefix("synonyms:") {
                            synonyms = split(String(rest.dropFirst("synonyms:".count)))
                        } else {
                            report(line, "after the landmark's name write '; synonyms: a, b'", column: line.textColumn)
                        }
                        parts.removeLast()
                    }
                    if let name = parts.first, !name.isEmpty {
                        entries[index].landmarks.append(.init(name: name, synonyms: synonyms, location: at))
                    }
                }
            case .question, .answer, .text:
                if line.isIndented, list == .none, !entries.isEmpty { continue }
                report(line, "text outside a field or list item; vocabulary files hold '# Term', 'Field: value' and '- item' lines")
            }
        }
        finishEntry()
        return (entries, covers, diagnostics)
    }

    private static var kinds: String { Vocabulary.Kind.allCases.map(\.rawValue).joined(separator: ", ") }

    /// `a, b; c` -> ["a", "b", "c"].
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmed }.filter { !$0.isEmpty }
    }
}

extension DeckFileText {
    /// A vocabulary file: any `*.md` inside a folder named `vocabulary` (at any depth of the deck).
    public var isVocabulary: Bool {
        relativePath.lowercased().split(separator: "/").dropLast().contains("vocabulary")
    }
}
