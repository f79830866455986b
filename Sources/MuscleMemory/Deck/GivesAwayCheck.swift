/// The `gives-away` check: a question whose own text holds its answer. A reverse card ("which
/// muscle performs all of these actions?") whose actions name the muscle, one of its synonyms or a
/// member of its group; a heads card whose question names a head; a "which muscle …?" card whose
/// question names the muscle its answer gives.
enum GivesAwayCheck {
    static func check(_ muscle: Muscle, cards: [Card], lines: @autoclosure () -> [DeckLine]) -> [Diagnostic] {
        guard !muscle.name.isEmpty else { return [] }
        let names = MuscleNames(muscle)
        var findings: [Diagnostic] = []
        var fileLines: [DeckLine]?
        func place(_ name: MuscleNames.Name, in text: String, offset: Int, from start: SourceLocation) -> SourceLocation {
            if fileLines == nil { fileLines = lines() }
            let first = name.core.map { name.words[$0.lowerBound] } ?? name.words[0]
            for line in fileLines ?? [] where line.number >= start.line && line.number < start.line + 16 {
                let skip = line.number == start.line ? start.column - 1 : 0
                for word in MuscleNames.words(String(line.raw.dropFirst(skip))) where word.stem == first {
                    return SourceLocation(file: start.file, line: line.number, column: skip + word.offset + 1)
                }
            }
            return start
        }
        func report(_ name: MuscleNames.Name, _ location: SourceLocation, _ message: String) {
            let what = switch name.kind {
            case .own: "the muscle's name"
            case .synonym: "a name of the muscle"
            case .member: "a muscle of the group"
            case .head: "a head of the muscle"
            }
            findings.append(Diagnostic(rule: .givesAway, at: location, message: message,
                                       notes: [Diagnostic.Note("'\(name.text)' is \(what), declared here", at: name.declaredAt)]))
        }
        let answerNames: Set<MuscleNames.Name.Kind> = [.own, .synonym, .member]
        for action in muscle.actions {
            if let (name, offset) = names.find(in: action.text, kinds: answerNames) {
                report(name, place(name, in: action.text, offset: offset, from: action.location),
                       "this action names '\(name.text)', so the reverse card ('which muscle performs all of these actions?') gives its answer away; reword it without the name")
            }
        }
        if let heads = cards.first(where: { $0.aspect == .heads }) {
            let own = names.names.first { $0.kind == .own }
            let ownCore = own.map { Array($0.words[$0.core ?? 0..<$0.words.count]) } ?? []
            for name in names.names where name.kind == .head {
                let core = Array(name.words[name.core ?? 0..<name.words.count])
                if !ownCore.isEmpty, core.count >= ownCore.count,
                   (0...(core.count - ownCore.count)).contains(where: { Array(core[$0..<($0 + ownCore.count)]) == ownCore }) { continue }
                if MuscleNames.match(name, in: MuscleNames.words(heads.front).map(\.stem)) != nil, let (_, offset) = MuscleNames(onlyName: name).find(in: muscle.name, kinds: [.head]) {
                    report(name, SourceLocation(file: muscle.location.file, line: muscle.location.line, column: muscle.location.column + offset),
                           "the heads card's question names the head '\(name.text)'; keep the list of heads out of the muscle's name, or give it in an aside in brackets")
                    break
                }
            }
        }
        for card in muscle.cards where MuscleNames.asksWhichMuscle(card.question) {
            guard let answer = card.answer, let (name, offset) = names.find(in: card.question, kinds: answerNames) else { continue }
            let opening = MuscleNames.words(answer).prefix(8).map(\.stem)
            guard MuscleNames.match(name, in: opening) != nil else { continue }
            report(name, place(name, in: card.question, offset: offset, from: card.location),
                   "this 'which muscle …?' question names '\(name.text)', the muscle its answer gives; ask without the name")
        }
        return findings
    }
}

extension MuscleNames {
    init(onlyName name: Name) {
        names = [name]
    }
}
