extension DeckCompiler {
    /// The deck's cards, the same and in the same order as `compile(location).cards`, without the
    /// checks that only make diagnostics (lint rules, nerve and landmark resolution, the vocabulary
    /// check): what `muscle class` needs to give each card its source file and line.
    ///
    /// Why: the class report compiled the whole curriculum for its card IDs, and those checks were
    /// most of that compile; the cards themselves come from parsing, the card generator and the
    /// muscles' action lines (for the movement, synergist and antagonist cards).
    public static func cards(_ location: DeckLocation) -> [Card] {
        assemble(location).cards
    }

    /// The deck as `compile` makes it but without its checks: the same info, muscles, cards,
    /// movement homes, vocabulary and hash, with no diagnostics and no resolved facts (`facts` is
    /// empty; only the action lines the movement cards need are resolved).
    ///
    /// Why: sync of the bundled decks. They have no findings at all (`CurriculumTests`), so their
    /// checks can only find nothing, and they were most of a first `muscle study` on a new
    /// database (176 ms, for a target of 100). A school's deck is always compiled in full: its
    /// errors refuse the sync.
    static func assemble(_ location: DeckLocation) -> CompiledDeck {
        let loaded = DeckLoader.load(location, displayPrefix: nil, limits: .standard)
        let results = loaded.files.concurrentMap(cardFile)
        var info: DeckInfo?
        var vocabulary = Vocabulary()
        for result in results {
            if let parsed = result.info { info = parsed }
            vocabulary.entries += result.vocabulary
            vocabulary.covers += result.covers
        }
        var unused: [Diagnostic] = []
        var (muscles, cards) = introduced(results, of: loaded.files, order: info?.order ?? [], diagnostics: &unused)
        var homes: [FactCards.Home] = []
        if !vocabulary.entries.isEmpty {
            let resolver = FactResolver(loaded.location == .bundled ? vocabulary : FactsReport.bundledVocabulary + vocabulary)
            let facts = muscles.concurrentMap { resolver.movementFacts(for: $0) }
            let made = FactCards.make(muscles: muscles, facts: facts, vocabulary: resolver.vocabulary, takenKeys: Set(muscles.map(\.key)))
            homes = made.homes
            cards += made.cards
        }
        return CompiledDeck(
            location: loaded.location,
            info: info ?? DeckInfo(title: defaultTitle(loaded.location)),
            muscles: muscles,
            vocabulary: vocabulary,
            cards: cards,
            facts: [],
            homes: homes,
            diagnostics: [],
            contentHash: loaded.contentHash,
            fileCount: loaded.files.count,
            coveredFiles: coveredFiles(loaded.files, by: vocabulary))
    }

    /// One file parsed and its muscle's cards generated (the files side by side, as `compileFiles` does).
    static func cardFile(_ file: DeckFileText) -> FileResult {
        var result = FileResult()
        if file.isDeckInfo {
            result.info = DeckInfoParser.parse(file.text, file: file.displayPath).0
        } else if file.isVocabulary {
            (result.vocabulary, result.covers, _) = VocabularyParser.parseFile(file.text, file: file.displayPath)
        } else if let muscle = MuscleParser.parse(file.text, file: file.displayPath).0 {
            result.muscle = muscle
            result.cards = CardGenerator.cards(for: muscle)
        }
        return result
    }
}
