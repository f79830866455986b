/// A deck read, checked and turned into cards: everything `lint`, `cards` and `sync` need.
public struct CompiledDeck: Sendable {
    public var location: DeckLocation
    public var info: DeckInfo
    public var muscles: [Muscle]
    /// The deck's own vocabulary files (`vocabulary/*.md`), in path order.
    public var vocabulary: Vocabulary
    /// In deck order: files by path, and within a muscle in the order the generator writes them;
    /// then the cards from the facts (movement cards, then each muscle's synergist and antagonist
    /// cards), which ask about several muscles and so come after the muscles themselves.
    public var cards: [Card]
    /// The muscles' facts as resolved against the deck's vocabulary (the bundled one, and a school
    /// deck's own), `facts[i]` for `muscles[i]`.
    public var facts: [MuscleFacts]
    /// The generated entries that hold the movement cards, one per joint ("Ankle movements").
    var homes: [FactCards.Home]
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    public var contentHash: String
    public var fileCount: Int
    /// The muscle files (display paths) of the folders the deck's own vocabulary `Covers:`: their
    /// facts are complete (lint reports any line that resolves to nothing), so exam items are
    /// generated from them.
    public var coveredFiles: Set<String> = []

    public var hasErrors: Bool { diagnostics.hasErrors }
}

public enum DeckCompiler {
    /// - Parameter examItems: run `no-exam-item`, which generates every exam item of the covered
    ///   muscles (about 2,500 over the bundled curriculum, most of a compile's time). Only `lint`
    ///   reports that finding, so only lint asks for it; sync, study, cards, facts, import and the
    ///   class report compile without it.
    public static func compile(_ location: DeckLocation, displayPrefix: String? = nil, limits: DeckLoader.Limits = .standard, examItems: Bool = false) -> CompiledDeck {
        compile(DeckLoader.load(location, displayPrefix: displayPrefix, limits: limits), examItems: examItems)
    }

    /// Never throws and never traps: whatever the input, problems come back as diagnostics.
    public static func compile(_ loaded: LoadedDeck, examItems: Bool = false) -> CompiledDeck {
        var diagnostics = loaded.diagnostics
        var info: DeckInfo?
        var vocabulary = Vocabulary()
        let results = compileFiles(loaded.files)
        for result in results {
            diagnostics += result.diagnostics
            if let parsed = result.info { info = parsed }
            vocabulary.entries += result.vocabulary
            vocabulary.covers += result.covers
        }
        var (muscles, cards) = introduced(results, of: loaded.files, order: info?.order ?? [], diagnostics: &diagnostics)
        let resolver = FactResolver(loaded.location == .bundled ? vocabulary : FactsReport.bundledVocabulary + vocabulary)
        let facts = resolve(muscles, with: resolver)
        var homes: [FactCards.Home] = []
        if !vocabulary.entries.isEmpty {
            // Only a deck with a vocabulary of its own (the bundled deck has one) gets cards from
            // the facts: it is written against that vocabulary, and lint checks its resolution.
            let made = FactCards.make(muscles: muscles, facts: facts, vocabulary: resolver.vocabulary, takenKeys: Set(muscles.map(\.key)))
            homes = made.homes
            cards += made.cards
            diagnostics += homeCollisions(muscles, vocabulary: resolver.vocabulary)
        }
        diagnostics += DeckLinter.checkDeck(muscles, cards: cards)
        diagnostics += VocabularyChecker.check(vocabulary)
        let covered = coveredFacts(loaded, muscles: muscles, facts: facts, resolver: resolver, vocabulary: vocabulary)
        diagnostics += unresolvedLines(covered)
        if examItems { diagnostics += noExamItem(covered) }
        let subjects = zip(muscles, facts).compactMap(AmbiguousReverseCheck.Subject.init)
        diagnostics += AmbiguousReverseCheck.check(subjects, against: subjects)
        return CompiledDeck(
            location: loaded.location,
            info: info ?? DeckInfo(title: defaultTitle(loaded.location)),
            muscles: muscles,
            vocabulary: vocabulary,
            cards: cards,
            facts: facts,
            homes: homes,
            diagnostics: diagnostics.sortedByPlace(),
            contentHash: loaded.contentHash,
            fileCount: loaded.files.count,
            coveredFiles: coveredFiles(loaded.files, by: vocabulary))
    }

    /// The files' muscles and their cards, in introduction order (`introductionOrder`).
    static func introduced(_ results: [FileResult], of files: [DeckFileText], order: [Located<String>],
                           diagnostics: inout [Diagnostic]) -> (muscles: [Muscle], cards: [Card]) {
        var muscles: [Muscle] = []
        var cards: [Card] = []
        for index in introductionOrder(files, order: order, diagnostics: &diagnostics) {
            if let muscle = results[index].muscle {
                muscles.append(muscle)
                cards += results[index].cards
            }
        }
        return (muscles, cards)
    }

    /// The muscle files (display paths) of the folders the deck's own vocabulary `Covers:`.
    static func coveredFiles(_ files: [DeckFileText], by vocabulary: Vocabulary) -> Set<String> {
        Set(files.filter { !$0.isVocabulary && !$0.isDeckInfo && vocabulary.covers($0.relativePath) }.map(\.displayPath))
    }

    /// The files' indices in the order their cards are introduced: those under the first `Order:`
    /// entry first, then the next entry's, and so on; the rest in path order. An entry that names
    /// nothing is a warning.
    static func introductionOrder(_ files: [DeckFileText], order: [Located<String>], diagnostics: inout [Diagnostic]) -> [Int] {
        guard !order.isEmpty else { return Array(files.indices) }
        func matches(_ path: String, _ entry: String) -> Bool {
            (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) == entry || path.hasPrefix(entry + "/")
        }
        let ranks = files.map { file in order.firstIndex { matches(file.relativePath, $0.value) } }
        for entry in order where !files.contains(where: { matches($0.relativePath, entry.value) }) {
            diagnostics.append(Diagnostic(rule: .unknownOrderEntry, at: entry.location,
                                          message: "'Order:' names '\(entry.value)', which is no folder or file of this deck"))
        }
        return files.indices.sorted { a, b in
            let (ra, rb) = (ranks[a] ?? order.count, ranks[b] ?? order.count)
            return ra != rb ? ra < rb : a < b
        }
    }

    /// What one file gives: it depends on that file alone, so files are compiled side by side on
    /// every core (a 100,000-card sync spent most of its time here), then joined in file order.
    struct FileResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var info: DeckInfo?
        var muscle: Muscle?
        var vocabulary: [Vocabulary.Entry] = []
        var covers: [Located<String>] = []
        var cards: [Card] = []
    }

    static func compileFiles(_ files: [DeckFileText]) -> [FileResult] {
        files.concurrentMap(compileFile)
    }

    static func compileFile(_ file: DeckFileText) -> FileResult {
        var result = FileResult(diagnostics: DeckLinter.checkText(file))
        if file.isDeckInfo {
            let (parsed, findings) = DeckInfoParser.parse(file.text, file: file.displayPath)
            result.info = parsed
            result.diagnostics += findings
            return result
        }
        if file.isVocabulary {
            let (entries, covers, findings) = VocabularyParser.parseFile(file.text, file: file.displayPath)
            result.vocabulary = entries
            result.covers = covers
            result.diagnostics += findings
            return result
        }
        let (muscle, findings) = MuscleParser.parse(file.text, file: file.displayPath)
        result.diagnostics += findings
        if let muscle {
            result.diagnostics += DeckLinter.check(muscle)
            result.muscle = muscle
            result.cards = CardGenerator.cards(for: muscle)
            result.diagnostics += GivesAwayCheck.check(muscle, cards: result.cards, lines: DeckLexer.lines(of: file.text))
        }
        return result
    }

    /// The muscles of the folders the deck's own vocabulary `Covers:`, with the facts the compile resolved once
    /// (against the deck's vocabulary and, for a school's deck, the bundled one), for the rules below.
    static func coveredFacts(_ loaded: LoadedDeck, muscles: [Muscle], facts: [MuscleFacts], resolver: FactResolver,
                             vocabulary: Vocabulary) -> (resolved: [(muscle: Muscle, facts: MuscleFacts)], resolver: FactResolver)? {
        guard !vocabulary.covers.isEmpty else { return nil }
        let files = Dictionary(loaded.files.map { ($0.displayPath, $0.relativePath) }, uniquingKeysWith: { a, _ in a })
        let covered = zip(muscles, facts).filter { files[$0.0.location.file].map(vocabulary.covers) ?? false }
        guard !covered.isEmpty else { return nil }
        return (covered.map { (muscle: $0.0, facts: $0.1) }, resolver)
    }

    /// `unresolved-action`, `-nerve`, `-landmark` for the covered muscles.
    static func unresolvedLines(_ covered: (resolved: [(muscle: Muscle, facts: MuscleFacts)], resolver: FactResolver)?) -> [Diagnostic] {
        guard let covered else { return [] }
        return covered.resolved.flatMap { _, facts in
            facts.unresolved.map { line in
                let rule: RuleID = switch line.what { case .action: .unresolvedAction; case .nerve: .unresolvedNerve; case .landmark: .unresolvedLandmark }
                let suggestions = covered.resolver.suggestions(for: line)
                let hint = suggestions.isEmpty ? "" : "; closest terms: " + suggestions.map { "'\($0)'" }.joined(separator: ", ")
                let shown = line.text.split(whereSeparator: \.isNewline).map { String($0).trimmed }.joined(separator: " ")
                return Diagnostic(rule: rule, at: line.location,
                                  message: "no vocabulary term matches the \(line.what.rawValue) '\(shown)'\(hint); add the term or phrase to the vocabulary, or state the facts with an indented 'Means:'")
            }
        }
    }

    /// `no-exam-item`: a covered muscle with facts for an exam template that yields no
    /// unambiguous item of it (Docs/EXAM.md says when a template counts).
    static func noExamItem(_ covered: (resolved: [(muscle: Muscle, facts: MuscleFacts)], resolver: FactResolver)?) -> [Diagnostic] {
        guard let covered else { return [] }
        let curriculum = ExamCurriculum(resolved: covered.resolved, resolver: covered.resolver)
        let locations = Dictionary(covered.resolved.map { ($0.muscle.key, $0.muscle.location) }, uniquingKeysWith: { a, _ in a })
        return ExamGenerator.missing(curriculum).compactMap { entry, template in
            guard let location = locations[entry.key] else { return nil }
            return Diagnostic(rule: .noExamItem, at: location,
                              message: "\(entry.name) has facts for the \(template.rawValue) exam template but no unambiguous item of it: \(template.missingHint)")
        }
    }

    /// Every muscle resolved, side by side on every core like the files.
    static func resolve(_ muscles: [Muscle], with resolver: FactResolver) -> [MuscleFacts] {
        muscles.concurrentMap { resolver.facts(for: $0, suggesting: false) }
    }

    /// A muscle whose key is the generated key of a joint's movement cards (`ankle-movements`):
    /// the joint's movement cards are not made, and the muscle is asked to take another key.
    static func homeCollisions(_ muscles: [Muscle], vocabulary: Vocabulary) -> [Diagnostic] {
        let jointKeys = Dictionary(vocabulary.entries(.joint).map { (FactCards.homeKey($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        return muscles.compactMap { muscle in
            guard let joint = jointKeys[muscle.key] else { return nil }
            return Diagnostic(rule: .duplicateMuscle, at: muscle.fields[.id]?.location ?? muscle.location,
                              message: "'\(muscle.name)' has the key '\(muscle.key)', which the movement cards of the \(joint.name.lowercased()) use; give the muscle another 'Id:'",
                              notes: [Diagnostic.Note("the joint '\(joint.name)'", at: joint.location)])
        }
    }

    static func defaultTitle(_ location: DeckLocation) -> String {
        switch location {
        case .bundled: "MuscleMemory curriculum"
        case .path(let path):
            String(FileSystem.absolute(path).split(separator: "/").last ?? "Deck")
        }
    }
}
