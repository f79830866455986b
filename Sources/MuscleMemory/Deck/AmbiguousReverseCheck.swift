/// The `ambiguous-reverse` check: a reverse card ("which muscle performs all of these actions?")
/// that another muscle answers too, because that muscle performs everything the card lists.
///
/// What counts (FORMAT.md, "Lint rules"): the joint movements and the functions (arch support,
/// steadying a joint) the action lines resolve to, prime mover or assistant alike: a student
/// reading "flexes the knee" cannot tell that one muscle only helps, but reads a function line as
/// plainly as a movement. A muscle is checked only when every one of its action lines resolves and
/// it has at least one movement: an unresolved line may be the very action that tells it apart.
/// The other muscle's resolved facts count whether or not all its lines resolve: what it is known
/// to do, it does.
enum AmbiguousReverseCheck {
    /// A muscle as the check sees it: its facts, and where its actions are written.
    struct Subject {
        var name: String
        var key: String
        var file: String
        var actions: SourceLocation
        var movements: [String]
        var functions: [String]
        var checked: Bool

        init?(_ muscle: Muscle, _ facts: MuscleFacts) {
            guard !muscle.name.isEmpty, !muscle.actions.isEmpty, let actions = muscle.sections[.actions] else { return nil }
            name = muscle.name
            key = muscle.key
            file = muscle.location.file
            self.actions = actions
            movements = facts.movements.map(\.name).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            functions = facts.functions
            checked = !movements.isEmpty && !facts.unresolved.contains { $0.what == .action }
        }
    }

    /// Findings for the `subjects` whose movements all belong to one of `others` as well (a muscle
    /// is never compared with itself, nor with a muscle of the same key in another deck: that is
    /// the same muscle described twice).
    static func check(_ subjects: [Subject], against others: [Subject]) -> [Diagnostic] {
        var byMovement: [String: [Int]] = [:]
        for (index, other) in others.enumerated() {
            for movement in other.movements + other.functions { byMovement[movement, default: []].append(index) }
        }
        var findings: [Diagnostic] = []
        for subject in subjects where subject.checked {
            // The muscles performing the subject's first movement, narrowed by each of the others.
            var candidates = byMovement[subject.movements[0]] ?? []
            for movement in subject.movements.dropFirst() + subject.functions {
                let performers = Set(byMovement[movement] ?? [])
                candidates = candidates.filter(performers.contains)
            }
            let rivals = candidates.map { others[$0] }.filter { $0.key != subject.key }
            guard !rivals.isEmpty else { continue }
            findings.append(Diagnostic(rule: .ambiguousReverse, at: subject.actions, message: message(subject, rivals),
                                       notes: rivals.map { Diagnostic.Note("the actions of '\($0.name)'", at: $0.actions) }))
        }
        return findings
    }

    static func message(_ subject: Subject, _ rivals: [Subject]) -> String {
        let named = rivals.prefix(3).map { "'\($0.name)'" }
        let who = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + (named.last ?? "")
        let more = rivals.count > 3 ? " (and \(rivals.count - 3) more)" : ""
        let features = subject.movements + subject.functions.map { $0.lowercased() }
        var text = "the reverse card of '\(subject.name)' has more than one right answer: \(who)\(more) \(rivals.count == 1 ? "does" : "do") all it lists too (\(features.joined(separator: ", ")))"
        let first = rivals[0]
        let extra = (first.movements + first.functions).filter { !subject.movements.contains($0) && !subject.functions.contains($0) }.map { $0.lowercased() }
        if extra.isEmpty {
            text += "; the two do the same, so add the action of '\(subject.name)' that '\(first.name)' lacks"
        } else {
            text += "; '\(first.name)' is told apart by \(extra.prefix(2).joined(separator: " and ")), which this muscle lacks: add an action of '\(subject.name)' that '\(first.name)' does not perform"
        }
        return text
    }
}

extension DeckCompiler {
    /// `ambiguous-reverse` across decks linted together (`muscle lint bundled school-deck`): a
    /// reverse card of one deck that a muscle of another deck answers too. Each deck's own pairs
    /// are already among its diagnostics.
    public static func crossDeckFindings(_ decks: [CompiledDeck]) -> [Diagnostic] {
        guard decks.count > 1 else { return [] }
        let subjects = decks.map { deck in zip(deck.muscles, deck.facts).compactMap(AmbiguousReverseCheck.Subject.init) }
        return subjects.indices.flatMap { index in
            AmbiguousReverseCheck.check(subjects[index], against: subjects.indices.filter { $0 != index }.flatMap { subjects[$0] })
        }
    }
}
