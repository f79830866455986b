import Foundation
import Testing
@testable import MuscleMemory
import TestSupport

/// Decks/FORMAT.md shows the cards generated from the bundled gastrocnemius; this keeps the
/// document and the generator from drifting apart.
@Suite struct FormatDocumentTests {
    @Test func theGastrocnemiusExampleMatchesTheGenerator() throws {
        let format = try String(contentsOfFile: repositoryRoot + "/Decks/FORMAT.md", encoding: .utf8)
        let path = repositoryRoot + "/Decks/leg-foot/gastrocnemius.md"
        let deck = DeckCompiler.compile(.path(path))
        #expect(deck.diagnostics.isEmpty)
        let listing = CardListing.markdown(deck.cards)
        #expect(!listing.isEmpty)
        #expect(format.hasSuffix(listing), "regenerate the end of Decks/FORMAT.md with: muscle cards --format markdown Decks/leg-foot/gastrocnemius.md")
    }
}
