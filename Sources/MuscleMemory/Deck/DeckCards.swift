extension DeckCompiler {
    /// The deck's cards, the same and in the same order as `compile(location).cards`, without the
    /// checks that only make diagnostics (lint rules, nerve and landmark resolution, the vocabulary
    /// check): what `muscle class` needs to give each card its source file and line.
    ///
    /// Why: the class report compiled the whole curriculum for its card IDs, and those checks were
    /// most of that compile; the cards themselves come from parsing, the card generator and the
    /// muscles' action lines (for the movement, synergist and antagonist cards).
    public static func cards(_ location: DeckLocation) -> [Card] {
        let loaded = DeckLoader.load(location, displayPrefix: nil, limits: .standard)
        let results = loaded.files.concurrentMap(cardFile)
        var info: DeckInfo?
        var vocabulary = Vocabulary()
        for result in results {
            if let parsed = result.info { info = parsed }
            vocabulary.entries += result.vocabulary
        }
        var muscles: [Muscle] = []
        var cards: [Card] = []
        var unused: [Diagnostic] = []
        for index in introductionOrder(loaded.files, order: info?.order ?? [], diagnostics: &unused) {
            if let muscle = results[index].muscle {
                muscles.append(muscle)
                cards += results[index].cards
            }
        }
        guard !vocabulary.entries.isEmpty else { return cards }
        let resolver = FactResolver(loaded.location == .bundled ? vocabulary : FactsReport.bundledVocabulary + vocabulary)
        let facts = muscles.map { resolver.movementFacts(for: $0) }
        return cards + FactCards.make(muscles: muscles, facts: facts, vocabulary: resolver.vocabulary, takenKeys: Set(muscles.map(\.key))).cards
    }

    /// One file parsed and its muscle's cards generated (the files side by side, as `compileFiles` does).
    static func cardFile(_ file: DeckFileText) -> FileResult {
        var result = FileResult()
        if file.isDeckInfo {
            result.info = DeckInfoParser.parse(file.text, file: file.displayPath).0
        } else if file.isVocabulary {
            result.vocabulary = VocabularyParser.parseFile(file.text, file: file.displayPath).0
        } else if let muscle = MuscleParser.parse(file.text, file: file.displayPath).0 {
            result.muscle = muscle
            result.cards = CardGenerator.cards(for: muscle)
        }
        return result
    }
}
