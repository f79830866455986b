/// The checks that need a whole parsed muscle, or a whole deck, rather than one line at a time.
enum DeckLinter {
    /// Checks on one file's raw text: characters that must never reach a terminal.
    static func checkText(_ file: DeckFileText) -> [Diagnostic] {
        // Nearly every file is clean: a scan of its bytes says so without splitting it into lines.
        guard mayHoldUnsafeCharacters(file.text) else { return [] }
        var findings: [Diagnostic] = []
        for line in DeckLexer.lines(of: file.text) {
            var column = 1
            for character in line.raw {
                if let bad = character.unicodeScalars.first(where: TerminalText.isUnsafe), character != "\t" {
                    let message = switch bad.value {
                    case 0x1B: "an escape sequence in deck text; delete it"
                    // A lone CR returns the cursor to the start of the line and hides what came before.
                    case 0x0D: "a carriage return (U+000D) that does not end a line; delete it, or save the file with LF or CRLF line endings"
                    default: "control character U+\(hex(bad.value)) in deck text; delete it"
                    }
                    findings.append(Diagnostic(rule: .controlCharacter, at: SourceLocation(file: file.displayPath, line: line.number, column: column), message: message))
                    break
                }
                column += 1
            }
        }
        return findings
    }

    /// False when the UTF-8 bytes hold no C0 control other than tab, LF and the CR of a CRLF (or
    /// of the file's last line), no DEL, no C1 control (C2 80–9F) and no bidirectional control
    /// (E2 80 AA–AE, E2 81 A6–A9).
    static func mayHoldUnsafeCharacters(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            if previous == 0x0D && byte != 0x0A { return true }
            if byte == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (0xAA...0xAE).contains(byte) { return true }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Checks on one parsed muscle.
    static func check(_ muscle: Muscle) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        func report(_ rule: RuleID, _ location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []) {
            findings.append(Diagnostic(rule: rule, at: location, message: message, notes: notes))
        }
        guard !muscle.name.isEmpty else { return findings }

        let missingFields = MuscleField.expected.filter { muscle.fields[$0] == nil }.map(\.rawValue)
        let missingSections = MuscleSection.expected.filter { muscle.sections[$0] == nil }.map { "## " + $0.rawValue }
        for missing in missingFields + missingSections {
            report(.missingField, muscle.location, "'\(muscle.name)' has no '\(missing)'; a complete muscle has one")
        }

        let counts: [MuscleSection: Int] = [
            .heads: muscle.heads.count, .actions: muscle.actions.count, .triggerPoints: muscle.triggerPoints.count,
            .exercises: muscle.exercises.count, .palpation: muscle.palpation.count, .cards: muscle.cards.count,
        ]
        for (section, location) in muscle.sections where counts[section] == 0 {
            report(.emptySection, location, "section '\(section.rawValue)' is empty")
        }

        if let id = muscle.fields[.id] { checkID(id, into: &findings) }
        for point in muscle.triggerPoints { if let id = point.id { checkID(id, into: &findings) } }
        for card in muscle.cards { if let id = card.id { checkID(id, into: &findings) } }

        let lists: [(String, [(String, SourceLocation)])] = [
            ("head", muscle.heads.map { ($0.name, $0.location) }),
            ("action", muscle.actions.map { ($0.text, $0.location) }),
            ("exercise", muscle.exercises.map { ($0.text, $0.location) }),
        ]
        for (kind, items) in lists {
            var seen: [String: SourceLocation] = [:]
            for (text, location) in items {
                let key = Slug.make(text)
                if let first = seen[key] {
                    report(.duplicateItem, location, "this \(kind) is already listed at line \(first.line)", notes: [Diagnostic.Note("first listed here", at: first)])
                } else {
                    seen[key] = location
                }
            }
        }
        return findings
    }

    private static func checkID(_ id: Located<String>, into findings: inout [Diagnostic]) {
        guard !isValidID(id.value) else { return }
        findings.append(Diagnostic(rule: .invalidID, at: id.location,
                                   message: "'\(id.value)' is not a valid Id; use lower-case letters, digits, '-', '_' or '.', e.g. '\(Slug.make(id.value).isEmpty ? "my-card" : Slug.make(id.value))'"))
    }

    static func isValidID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isIDStart(first), text.count <= 100 else { return false }
        return text.unicodeScalars.allSatisfy { isIDStart($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func isIDStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Checks across the files of one deck: one muscle per name, one card per ID, one muscle per
    /// set of actions (or the reverse card would have two right answers).
    static func checkDeck(_ muscles: [Muscle], cards: [Card]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        func report(_ rule: RuleID, _ location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []) {
            findings.append(Diagnostic(rule: rule, at: location, message: message, notes: notes))
        }
        var byKey: [String: Muscle] = [:]
        var byName: [String: Muscle] = [:]
        var byActions: [String: Muscle] = [:]
        for muscle in muscles where !muscle.name.isEmpty {
            let nameKey = Slug.make(muscle.name)
            if let first = byKey[muscle.key] ?? byName[nameKey] {
                report(.duplicateMuscle, muscle.location, "'\(muscle.name)' is already described in \(first.location.file):\(first.location.line)",
                       notes: [Diagnostic.Note("'\(first.name)' is first described here", at: first.location)])
                continue
            }
            byKey[muscle.key] = muscle
            byName[nameKey] = muscle
            if !muscle.actions.isEmpty, let location = muscle.sections[.actions] {
                let actionsKey = muscle.actions.map { Slug.make($0.text) }.sorted().joined(separator: "|")
                if let first = byActions[actionsKey] {
                    report(.sharedReverse, location, "'\(muscle.name)' has exactly the actions of '\(first.name)' (\(first.location.file)); add the action that tells them apart, or describe them as one group",
                           notes: [Diagnostic.Note("the actions of '\(first.name)'", at: first.sections[.actions] ?? first.location)])
                } else {
                    byActions[actionsKey] = muscle
                }
            }
        }
        var seenIDs: [CardID: Card] = [:]
        seenIDs.reserveCapacity(cards.count)
        for card in cards {
            if let first = seenIDs[card.id] {
                let (message, note) = duplicateIDAdvice(card, first)
                report(.duplicateID, card.idLocation, message, notes: [Diagnostic.Note(note, at: first.idLocation)])
            } else {
                seenIDs[card.id] = card
            }
        }
        return findings
    }

    /// The advice for a second card with the first one's ID: which line to change depends on
    /// which of the two IDs an `Id:` line pins (a pinned ID points at its `Id:` line, not its `Q:`).
    static func duplicateIDAdvice(_ card: Card, _ first: Card) -> (message: String, note: String) {
        let place = "\(first.idLocation.file):\(first.idLocation.line)"
        switch (card.idLocation != card.source, first.idLocation != first.source) {
        case (true, true):
            return ("card ID '\(card.id)' is pinned by this 'Id:' line and by the 'Id:' line at \(place); change one of them", "the other 'Id:' line pinning '\(card.id)'")
        case (true, false):
            return ("this 'Id:' line gives its card the ID '\(card.id)' of the card at \(place); choose another Id", "the card with ID '\(card.id)'")
        case (false, true):
            return ("card ID '\(card.id)' is already pinned by the 'Id:' line at \(place); give this card an 'Id:' line of its own", "the 'Id:' line pinning '\(card.id)'")
        case (false, false):
            return ("card ID '\(card.id)' is already used by the card at \(place); give one of them an 'Id:' line", "the first card with ID '\(card.id)'")
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
