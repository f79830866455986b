import Foundation
import Testing
@testable import MuscleMemory
import TestSupport

/// `DeckCompiler.cards` (the cards without the checks) against `compile(…).cards`: the same cards
/// in the same order, for the bundled curriculum and for decks with and without a vocabulary.
@Suite struct DeckCardsTests {
    @Test func theBundledCardsAreTheCompiledCards() {
        let cards = DeckCompiler.cards(.bundled)
        #expect(cards.count == BundledDeck.compiled.cards.count)
        #expect(cards == BundledDeck.compiled.cards)
    }

    /// Sync plans the bundled decks from `assemble`, not `compile`: everything a sync reads must agree.
    @Test func theBundledDeckAssembledIsTheCompiledDeckWithoutFindings() {
        let assembled = DeckCompiler.assemble(.bundled)
        let compiled = BundledDeck.compiled
        #expect(assembled.info == compiled.info)
        #expect(assembled.muscles == compiled.muscles)
        #expect(assembled.cards == compiled.cards)
        #expect(assembled.homes == compiled.homes)
        #expect(assembled.contentHash == compiled.contentHash)
        #expect(assembled.fileCount == compiled.fileCount)
        #expect(assembled.coveredFiles == compiled.coveredFiles)
        #expect(assembled.vocabulary == compiled.vocabulary)
        #expect(compiled.diagnostics.isEmpty && assembled.diagnostics.isEmpty)
    }

    @Test(arguments: [true, false])
    func aDecksCardsAreItsCompiledCards(withVocabulary: Bool) {
        let folder = TemporaryDirectory("deck-cards")
        var files = FactCardsTests.calf
        files["leg/unresolved.md"] = FactCardsTests.muscle("Popliteus", ["Unlocks whatever it finds"])
        files["leg/broken.md"] = "no heading here\n"
        for (path, text) in files { folder.write("deck/" + path, text) }
        if withVocabulary { folder.write("deck/vocabulary/v.md", FactCardsTests.vocabulary) }
        let location = DeckLocation.path(folder.file("deck"))
        let compiled = DeckCompiler.compile(location)
        #expect(!compiled.cards.isEmpty)
        #expect(compiled.cards.contains { $0.aspect.isFromFacts } == withVocabulary)
        #expect(DeckCompiler.cards(location) == compiled.cards)
        #expect(ClassMerge.knownCards(cards: [DeckCompiler.cards(location)]) == ClassMerge.knownCards([compiled]))
    }
}
