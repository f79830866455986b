/// Reads one muscle file into a `Muscle`, reporting every structural problem as a diagnostic and
/// carrying on, so one run shows an instructor all the mistakes in a file, not just the first.
struct MuscleParser {
    private let file: String
    private var diagnostics: [Diagnostic] = []
    private var muscle: Muscle?
    private var section: SectionState = .header
    private var target: Target = .none
    private var previousWasBlank = true
    /// The line before was a trigger point's or a card's `Id:` or `Tags:` line.
    private var afterAttribute = false
    private var reportedMissingName = false

    private enum SectionState: Equatable {
        case header
        case known(MuscleSection)
        /// An unknown or misspelt section: already reported, its lines are skipped quietly.
        case skipped
    }

    /// What an indented (or lazily continued) line adds to.
    private enum Target: Equatable {
        case none
        case field(MuscleField)
        case head(Int), action(Int), triggerPoint(Int), exercise(Int)
        case palpation(PalpationField)
        case question(Int), answer(Int)
        case ignored
    }

    init(file: String) {
        self.file = file
    }

    static func parse(_ text: String, file: String) -> (Muscle?, [Diagnostic]) {
        var parser = MuscleParser(file: file)
        let lines = DeckLexer.lines(of: text)
        for line in lines { parser.consume(line) }
        parser.finish(lineCount: lines.count)
        return (parser.muscle, parser.diagnostics)
    }

    // MARK: - Lines

    private mutating func consume(_ line: DeckLine) {
        defer { previousWasBlank = line.kind == .blank }
        let followsAttribute = afterAttribute
        afterAttribute = false
        if case .blank = line.kind {
            target = .none
            return
        }
        if line.isIndented, case .heading = line.kind {} else if line.isIndented {
            continueTarget(with: line)
            return
        }
        switch line.kind {
        case .blank:
            break
        case .heading(let level, let text):
            heading(level: level, text: text, line: line)
        case .field(let name, let value):
            field(name: name, value: value, line: line)
        case .item(let text):
            item(text, line: line)
        case .question(let text):
            question(text, line: line)
        case .answer(let text):
            answer(text, line: line)
        case .text(let text):
            requireName(line)
            if followsAttribute, !previousWasBlank, target != .none {
                // After a trigger point's or a card's `Id:`/`Tags:` line, a lazy continuation
                // would be glued onto the answer far from where it was written.
                stray(line, "an unindented line after an 'Id:' or 'Tags:' line continues nothing; move it above that line (indented), or leave a blank line before it")
            } else if !previousWasBlank, target != .none {
                append(text, to: target, asListLine: false)  // Markdown's lazy continuation
            } else if target == .ignored || section == .skipped {
                break
            } else {
                stray(line, "text outside a field, list item or card; start a list item with '- ' or a card with 'Q:'")
            }
        }
    }

    private mutating func heading(level: Int, text: String, line: DeckLine) {
        target = .none
        let location = place(line, column: line.textColumn)
        if level == 1 {
            if muscle != nil {
                report(.multipleMuscles, at: location, "a second '# ' heading: one file holds one muscle; move '\(text)' to a file of its own")
                section = .skipped
                target = .ignored
            } else if text.trimmed.isEmpty {
                report(.missingName, at: location, "the '# ' heading has no muscle name")
                muscle = Muscle(name: "", location: location)
            } else {
                muscle = Muscle(name: text.trimmed, location: location)
            }
            return
        }
        requireName(line)
        if level > 2 {
            report(.unknownSection, at: place(line, column: line.indent + 1), "only '# Name' and '## Section' headings are used; use '## ' for '\(text)'")
            section = .skipped
            return
        }
        guard let kind = MuscleSection(loose: text) else {
            report(.unknownSection, at: location, "unknown section '\(text)'" + suggestion(for: text, among: MuscleSection.allCases.map(\.rawValue), kind: "sections"))
            section = .skipped
            return
        }
        if let earlier = muscle?.sections[kind] {
            report(.duplicateSection, at: location, "section '\(kind.rawValue)' already started at line \(earlier.line); merge the two",
                   notes: [Diagnostic.Note("the section first starts here", at: earlier)])
        } else {
            muscle?.sections[kind] = location
        }
        section = .known(kind)
    }

    private mutating func field(name: String, value: String, line: DeckLine) {
        let location = place(line, column: line.textColumn)
        let nameLocation = place(line, column: line.indent + 1)
        switch section {
        case .header:
            requireName(line)
            guard let field = MuscleField(loose: name) else {
                report(.unknownField, at: nameLocation, "unknown field '\(name)'" + suggestion(for: name, among: MuscleField.allCases.map(\.rawValue), kind: "fields"))
                target = .ignored
                return
            }
            if let earlier = muscle?.fields[field] {
                report(.duplicateField, at: nameLocation, "field '\(field.rawValue)' is already given at line \(earlier.location.line)",
                       notes: [Diagnostic.Note("the field is first given here", at: earlier.location)])
                target = .ignored
                return
            }
            muscle?.fields[field] = Located(value.trimmed, at: location)
            target = .field(field)
        case .skipped:
            target = .ignored
        case .known(let kind):
            if let attribute = ItemAttribute(loose: name) {
                attach(attribute, value: value, line: line, in: kind)
            } else if kind == .palpation, let field = PalpationField(loose: name) {
                if let earlier = muscle?.palpation[field] {
                    report(.duplicateField, at: nameLocation, "'\(field.rawValue):' is already given at line \(earlier.location.line)")
                    target = .ignored
                } else {
                    muscle?.palpation[field] = Located(value.trimmed, at: location)
                    target = .palpation(field)
                }
            } else if let known = MuscleField(loose: name) {
                report(.misplacedField, at: nameLocation, "'\(known.rawValue):' belongs in the header, above the first '## ' section")
                target = .ignored
            } else if kind == .palpation {
                stray(line, "expected 'Position:', 'Landmarks:' or 'Resist:' in the Palpation section")
            } else if kind == .cards {
                stray(line, "expected 'Q:', 'A:', 'Id:' or 'Tags:' in the Cards section")
            } else {
                stray(line, "expected a list item ('- …') in the \(kind.rawValue) section")
            }
        }
    }

    private mutating func item(_ text: String, line: DeckLine) {
        requireName(line)
        let location = place(line, column: line.textColumn)
        switch section {
        case .header:
            stray(line, "a list item before any section; put it under a section such as '## Actions'")
        case .skipped:
            target = .ignored
        case .known(.cards):
            stray(line, "the Cards section holds 'Q:' and 'A:' lines, not list items")
        case .known(.palpation):
            stray(line, "the Palpation section holds 'Position:', 'Landmarks:' and 'Resist:' lines, not list items")
        case .known(.heads):
            let head = Self.head(from: text, at: location)
            muscle?.heads.append(head)
            target = .head((muscle?.heads.count ?? 1) - 1)
        case .known(.actions):
            muscle?.actions.append(ListItem(text: text.trimmed, location: location))
            target = .action((muscle?.actions.count ?? 1) - 1)
        case .known(.exercises):
            muscle?.exercises.append(ListItem(text: text.trimmed, location: location))
            target = .exercise((muscle?.exercises.count ?? 1) - 1)
        case .known(.triggerPoints):
            let point = TriggerPoint(site: text, referral: "", id: nil, tags: [], location: location)
            muscle?.triggerPoints.append(point)
            target = .triggerPoint((muscle?.triggerPoints.count ?? 1) - 1)
        }
    }

    private mutating func question(_ text: String, line: DeckLine) {
        requireName(line)
        guard section == .known(.cards) else {
            if section != .skipped { stray(line, "'Q:' cards belong under '## Cards'") }
            target = .ignored
            return
        }
        closeQuestion()
        let card = QuestionCard(question: text.trimmed, answer: nil, id: nil, tags: [], location: place(line, column: line.textColumn))
        muscle?.cards.append(card)
        target = .question((muscle?.cards.count ?? 1) - 1)
    }

    private mutating func answer(_ text: String, line: DeckLine) {
        requireName(line)
        guard section == .known(.cards) else {
            if section != .skipped && target != .ignored { stray(line, "'A:' answers belong under '## Cards', after a 'Q:'") }
            target = .ignored
            return
        }
        guard let index = muscle?.cards.indices.last, muscle?.cards[index].answer == nil else {
            report(.answerWithoutQuestion, at: place(line, column: line.indent + 1), "'A:' without a 'Q:' before it")
            target = .ignored
            return
        }
        muscle?.cards[index].answer = text.trimmed
        target = .answer(index)
    }

    // MARK: - Continuations and attributes

    private mutating func continueTarget(with line: DeckLine) {
        if case .field(let name, let value) = line.kind, let attribute = ItemAttribute(loose: name) {
            if case .known(let kind) = section {
                attach(attribute, value: value, line: line, in: kind)
            } else if section == .header {
                report(.misplacedAttribute, at: place(line, column: line.indent + 1), "an indented '\(attribute.rawValue):' in the header; write it unindented as a field")
            }
            return
        }
        switch target {
        case .none:
            if section == .skipped { return }
            stray(line, "an indented line that continues nothing; remove the indentation or join it to the line above")
        case .ignored:
            return
        default:
            if case .item(let text) = line.kind {
                append("- " + text, to: target, asListLine: true)
            } else {
                append(String(line.raw.dropFirst(line.indent)).trimmed, to: target, asListLine: false)
            }
        }
    }

    private mutating func append(_ text: String, to target: Target, asListLine: Bool) {
        func join(_ base: String) -> String {
            if base.isEmpty { return text }
            return base + (asListLine ? "\n" : " ") + text
        }
        guard var m = muscle else { return }
        switch target {
        case .none, .ignored: return
        case .field(let field):
            if let existing = m.fields[field] { m.fields[field]?.value = join(existing.value) }
        case .head(let i):
            let head = m.heads[i]
            m.heads[i] = head.description.isEmpty && !head.name.contains(":")
                ? Self.head(from: head.name + " " + text, at: head.location)
                : Head(name: head.name, description: join(head.description), location: head.location)
        case .action(let i): m.actions[i].text = join(m.actions[i].text)
        case .exercise(let i): m.exercises[i].text = join(m.exercises[i].text)
        case .palpation(let field): if let existing = m.palpation[field] { m.palpation[field]?.value = join(existing.value) }
        case .triggerPoint(let i): m.triggerPoints[i].site = join(m.triggerPoints[i].site)
        case .question(let i): m.cards[i].question = join(m.cards[i].question)
        case .answer(let i): m.cards[i].answer = join(m.cards[i].answer ?? "")
        }
        muscle = m
    }

    private mutating func attach(_ attribute: ItemAttribute, value: String, line: DeckLine, in kind: MuscleSection) {
        afterAttribute = true
        let location = place(line, column: line.textColumn)
        let nameLocation = place(line, column: line.indent + 1)
        if attribute == .means {
            if kind == .actions, case .action(let i) = target, line.isIndented {
                if let earlier = muscle?.actions[i].means {
                    report(.duplicateField, at: nameLocation, "this action already has a 'Means:'", notes: [Diagnostic.Note("its first 'Means:'", at: earlier.location)])
                } else {
                    muscle?.actions[i].means = Located(value.trimmed, at: location)
                }
            } else {
                report(.misplacedAttribute, at: nameLocation, "'Means:' belongs indented under the action line whose facts it states")
            }
            return
        }
        switch (kind, target) {
        case (.triggerPoints, .triggerPoint(let i)):
            switch attribute {
            case .id:
                if let earlier = muscle?.triggerPoints[i].id {
                    report(.duplicateField, at: nameLocation, "this trigger point already has an 'Id:'", notes: [Diagnostic.Note("its first 'Id:'", at: earlier.location)])
                } else {
                    muscle?.triggerPoints[i].id = Located(value.trimmed, at: location)
                }
            case .tags: muscle?.triggerPoints[i].tags += Tags.parse(value)
            case .means: break
            }
        case (.cards, _) where !(muscle?.cards.isEmpty ?? true) && target != .ignored:
            let i = (muscle?.cards.count ?? 1) - 1
            switch attribute {
            case .id:
                if let earlier = muscle?.cards[i].id {
                    report(.duplicateField, at: nameLocation, "this card already has an 'Id:'", notes: [Diagnostic.Note("its first 'Id:'", at: earlier.location)])
                } else {
                    muscle?.cards[i].id = Located(value.trimmed, at: location)
                }
            case .tags: muscle?.cards[i].tags += Tags.parse(value)
            case .means: break
            }
            target = .none
        default:
            let what = kind == .cards || kind == .triggerPoints
                ? "'\(attribute.rawValue):' must follow the card or trigger point it belongs to"
                : "'\(attribute.rawValue):' only applies to trigger points and Q/A cards; the \(kind.rawValue) section makes one card for all its items"
            report(.misplacedAttribute, at: nameLocation, what)
        }
    }

    // MARK: - End of file

    private mutating func finish(lineCount: Int) {
        closeQuestion()
        guard var m = muscle else {
            if !reportedMissingName {
                report(.missingName, at: SourceLocation(file: file, line: 1, column: 1), "the file has no '# Name' heading; start it with the muscle's name, e.g. '# Gastrocnemius'")
            }
            return
        }
        for (field, value) in m.fields where field != .tags && value.value.trimmed.isEmpty {
            report(.emptyField, at: value.location, "field '\(field.rawValue)' has no value")
        }
        for (field, value) in m.palpation where value.value.trimmed.isEmpty {
            report(.emptyField, at: value.location, "'\(field.rawValue):' in the Palpation section has no value")
        }
        for card in m.cards {
            if card.question.trimmed.isEmpty {
                report(.emptyField, at: card.location, "'Q:' has no question")
            }
            if let answer = card.answer, answer.trimmed.isEmpty {
                report(.emptyField, at: card.location, "the answer to this 'Q:' is empty")
            }
        }
        for index in m.triggerPoints.indices {
            let point = m.triggerPoints[index]
            let text = point.site
            guard let arrow = Self.arrow(in: text) else {
                report(.missingReferral, at: point.location, "a trigger point needs a referral: write 'where it is -> where the pain refers'")
                continue
            }
            let site = String(text[..<arrow.lowerBound]).trimmed
            let referral = String(text[arrow.upperBound...]).trimmed
            if site.isEmpty {
                report(.missingReferral, at: point.location, "the trigger point has no location before '->'")
            } else if referral.isEmpty {
                report(.missingReferral, at: point.location, "the trigger point has no referral after '->'")
            }
            m.triggerPoints[index].site = site
            m.triggerPoints[index].referral = referral
        }
        muscle = m
    }

    private mutating func closeQuestion() {
        guard let card = muscle?.cards.last, card.answer == nil else { return }
        report(.questionWithoutAnswer, at: card.location, "'Q:' has no 'A:'; add the answer on the next line")
    }

    // MARK: - Helpers

    private mutating func requireName(_ line: DeckLine) {
        guard muscle == nil, !reportedMissingName else { return }
        reportedMissingName = true
        let message = line.raw.trimmed.hasPrefix("#")
            ? "'\(line.raw.trimmed)' is not a heading: put a space after '#', as in '# Gastrocnemius'"
            : "the file must start with '# Name' (the muscle's name) before anything else"
        report(.missingName, at: place(line, column: line.indent + 1), message)
        muscle = Muscle(name: "", location: place(line, column: 1))
    }

    private mutating func stray(_ line: DeckLine, _ message: String) {
        report(.strayText, at: place(line, column: line.indent + 1), message)
        target = .ignored
    }

    private mutating func report(_ rule: RuleID, at location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(rule: rule, at: location, message: message, notes: notes))
    }

    private func place(_ line: DeckLine, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.number, column: column)
    }

    /// The first `->` (or `→`) in a trigger point, found without Foundation's slow string search.
    static func arrow(in text: String) -> Range<String.Index>? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            if scalars[index] == "→" { return index..<next }
            if scalars[index] == "-", next < scalars.endIndex, scalars[next] == ">" {
                return index..<scalars.index(after: next)
            }
            index = next
        }
        return nil
    }

    static func head(from text: String, at location: SourceLocation) -> Head {
        if let colon = text.firstIndex(of: ":") {
            return Head(name: String(text[..<colon]).trimmed, description: String(text[text.index(after: colon)...]).trimmed, location: location)
        }
        return Head(name: text.trimmed, description: "", location: location)
    }
}

/// `Id:` and `Tags:` lines that belong to one trigger point or Q/A card.
enum ItemAttribute: String {
    case id = "Id"
    case tags = "Tags"
    /// `Means: ankle plantarflexion; knee flexion` under an action line: the facts it states,
    /// when the vocabulary's matching reads the line wrongly (Decks/FORMAT.md).
    case means = "Means"

    init?(loose name: String) {
        switch looseKey(name) {
        case "id": self = .id
        case "means": self = .means
        case "tags", "tag": self = .tags
        default: return nil
        }
    }
}

func suggestion(for word: String, among known: [String], kind: String) -> String {
    if let match = closestMatch(to: word, in: known) {
        return "; did you mean '\(match)'?"
    }
    return "; known \(kind): " + known.map { "'\($0)'" }.joined(separator: ", ")
}
