import Testing
@testable import MuscleMemory
import TestSupport

/// `ambiguous-reverse` beyond its rule examples: the whole message, and decks linted together.
@Suite struct AmbiguousReverseTests {
    static func deck(_ files: [String: String], _ name: String) -> (CompiledDeck, TemporaryDirectory) {
        let folder = TemporaryDirectory("ambiguous")
        for (path, text) in files { folder.write(name + "/" + path, text) }
        return (DeckCompiler.compile(.path(folder.file(name)), displayPrefix: name), folder)
    }

    static let teresMajor = "# Teres major\n## Actions\n- Medially rotates the hip\n- Adducts the hip\n"
    static let latissimus = "# Latissimus\n## Actions\n- Medially rotates the hip\n- Adducts the hip\n- Extends the hip\n"

    @Test func theMessageNamesTheOtherMuscleAndWhatTellsItApart() throws {
        let (deck, _) = Self.deck(["teres.md": Self.teresMajor, "lat.md": Self.latissimus], "deck")
        let finding = try #require(deck.diagnostics.first { $0.rule == .ambiguousReverse })
        #expect(finding.file == "deck/teres.md" && finding.position?.line == 2)
        #expect(finding.message == "the reverse card of 'Teres major' has more than one right answer: 'Latissimus' does all it lists too (hip medial rotation, hip adduction); 'Latissimus' is told apart by hip extension, which this muscle lacks: add an action of 'Teres major' that 'Latissimus' does not perform")
        #expect(finding.notes.map(\.message) == ["the actions of 'Latissimus'"])
        #expect(finding.notes.first?.file == "deck/lat.md" && finding.notes.first?.position?.line == 2)
        #expect(deck.diagnostics.filter { $0.rule == .ambiguousReverse }.count == 1)
    }

    @Test func decksLintedTogetherAreComparedToo() {
        let (school, _) = Self.deck(["teres.md": Self.teresMajor], "school")
        let (other, _) = Self.deck(["lat.md": Self.latissimus], "other")
        #expect(!school.diagnostics.contains { $0.rule == .ambiguousReverse })
        let findings = DeckCompiler.crossDeckFindings([school, other])
        #expect(findings.map(\.file) == ["school/teres.md"])
        #expect(findings.first?.notes.first?.file == "other/lat.md")
        // The same muscle in two decks is not its own rival.
        let (copy, _) = Self.deck(["teres.md": Self.teresMajor], "copy")
        #expect(DeckCompiler.crossDeckFindings([school, copy]).isEmpty)
    }
}
