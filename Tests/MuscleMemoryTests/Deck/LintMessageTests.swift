import Testing
@testable import MuscleMemory

/// The exact wording and places of findings, where a user depends on them.
@Suite struct LintMessageTests {
    @Test func unknownFieldSuggestsTheClosestField() throws {
        let finding = try #require(compile("# Soleus\nOrign: Tibia\n").diagnostics.first { $0.rule == .unknownField })
        #expect(finding.message == "unknown field 'Orign'; did you mean 'Origin'?")
        #expect((finding.file, finding.position) == ("deck/example.md", .init(line: 2, column: 1)))
        #expect(finding.description == "deck/example.md:2:1: error: unknown field 'Orign'; did you mean 'Origin'? [unknown-field]")
    }

    @Test func unknownSectionSuggestsTriggerPoints() throws {
        let finding = try #require(compile("# Soleus\n## Triger pionts\n- a -> b\n").diagnostics.first { $0.rule == .unknownSection })
        #expect(finding.message == "unknown section 'Triger pionts'; did you mean 'Trigger points'?")
        #expect(finding.position == .init(line: 2, column: 4))
    }

    @Test func aFieldFarFromAnyListsTheKnownOnes() throws {
        let finding = try #require(compile("# Soleus\nColour: red\n").diagnostics.first { $0.rule == .unknownField })
        #expect(finding.message.hasPrefix("unknown field 'Colour'; known fields: 'Id', 'Region'"))
    }

    @Test func invalidUTF8PointsAtTheFirstBadByte() throws {
        let folder = TemporaryDirectory()
        folder.write("bad.md", bytes: Array("# Soleus\nOrigin: Tibia é ".utf8) + [0xFF] + Array(" more\n".utf8))
        let finding = try #require(DeckCompiler.compile(.path(folder.path), displayPrefix: "d").diagnostics.first)
        #expect(finding.rule == .invalidUTF8)
        #expect((finding.file, finding.position) == ("d/bad.md", .init(line: 2, column: 17)))
        #expect(finding.message.contains("0xFF"))
    }

    @Test func unreadableFilesSayWhy() throws {
        let folder = TemporaryDirectory()
        folder.write("a.md", "# A\n")
        try FileManager.default.createSymbolicLink(atPath: folder.file("b.md"), withDestinationPath: folder.file("gone"))
        let finding = try #require(DeckCompiler.compile(.path(folder.path), displayPrefix: "d").diagnostics.first { $0.rule == .unreadableFile })
        #expect(finding.file == "d/b.md")
        #expect(finding.message == "cannot read the file: No such file or directory")
    }

    @Test func aMissingPathIsOneClearFinding() {
        let deck = DeckCompiler.compile(.path("/no/such/deck"))
        #expect(deck.diagnostics.map(\.description) == ["/no/such/deck: error: no such deck folder or file '/no/such/deck' [missing-path]"])
    }

    @Test func duplicateIDNamesTheFirstCard() throws {
        let finding = try #require(compile("# Soleus\n## Cards\nQ: Why?\nA: A.\nQ: why\nA: B.\n").diagnostics.first { $0.rule == .duplicateID })
        #expect(finding.message == "card ID 'soleus/custom/why' is already used by the card at deck/example.md:3; give one of them an 'Id:' line")
        #expect(finding.position == .init(line: 5, column: 4))
    }

    /// Both cards pin the ID: the finding is at the second 'Id:' line, its note at the first, and
    /// it does not ask for an 'Id:' line the cards already have.
    @Test func aDuplicatePinnedIDPointsAtBothIdLines() throws {
        let text = "# Soleus\n## Cards\nQ: Why?\nA: A.\nId: same\nQ: How?\nA: B.\nId: same\n"
        let finding = try #require(compile(text).diagnostics.first { $0.rule == .duplicateID })
        #expect(finding.message == "card ID 'soleus/custom/same' is pinned by this 'Id:' line and by the 'Id:' line at deck/example.md:5; change one of them")
        #expect(finding.position?.line == 8)
        #expect(finding.notes.map(\.file) == ["deck/example.md"])
        #expect(finding.notes.first?.position?.line == 5)
        #expect(finding.notes.first?.message == "the other 'Id:' line pinning 'soleus/custom/same'")
        #expect(!finding.message.contains("give one of them"))
    }

    @Test func aCardTakingAPinnedIDIsToldToPinItsOwn() throws {
        let text = "# Soleus\n## Cards\nQ: Why?\nA: A.\nId: how\nQ: How?\nA: B.\n"
        let finding = try #require(compile(text).diagnostics.first { $0.rule == .duplicateID })
        #expect(finding.message == "card ID 'soleus/custom/how' is already pinned by the 'Id:' line at deck/example.md:5; give this card an 'Id:' line of its own")
        #expect(finding.position?.line == 6)
        #expect(finding.notes.first?.position?.line == 5)
    }

    /// The duplicate points at both definitions: the finding at the second, a note at the first
    /// (in the JSON; the text line is as it always was, its message naming the first place).
    @Test func aDuplicateIDPointsAtBothDefinitions() throws {
        let finding = try #require(compile("# Soleus\n## Cards\nQ: Why?\nA: A.\nQ: why\nA: B.\n").diagnostics.first { $0.rule == .duplicateID })
        #expect(finding.notes == [Diagnostic.Note("the first card with ID 'soleus/custom/why'", at: SourceLocation(file: "deck/example.md", line: 3, column: 4))])
        #expect(LintReport.text([finding], files: 1, cards: 0)
            == "deck/example.md:5:4: error: card ID 'soleus/custom/why' is already used by the card at deck/example.md:3; give one of them an 'Id:' line [duplicate-id]\n1 error in 1 file.\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(LintReport.json([finding], files: 1, cards: 0).utf8)) as? [String: Any])
        let entry = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        let notes = try #require(entry["notes"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes.first?["file"] as? String == "deck/example.md" && notes.first?["line"] as? Int == 3 && notes.first?["column"] as? Int == 4)
        #expect(notes.first?["message"] as? String == "the first card with ID 'soleus/custom/why'")
    }

    @Test func aDuplicateMusclePointsAtTheOtherFile() throws {
        let folder = TemporaryDirectory()
        folder.write("a/soleus.md", "# Soleus\n")
        folder.write("b/soleus.md", "# soleus\n")
        let finding = try #require(DeckCompiler.compile(.path(folder.path), displayPrefix: "d").diagnostics.first { $0.rule == .duplicateMuscle })
        #expect(finding.place == "d/b/soleus.md:1:3")
        #expect(finding.notes.map(\.file) == ["d/a/soleus.md"])
        #expect(finding.notes.first?.position == .init(line: 1, column: 3))
    }

    /// A finding about a whole file has no place in it (not line 0), and JSON still writes 0, 0.
    @Test func aFindingAboutAWholeFileHasNoPosition() throws {
        let finding = try #require(DeckCompiler.compile(.path("/no/such/deck")).diagnostics.first)
        #expect(finding.position == nil && finding.notes.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(LintReport.json([finding], files: 0, cards: 0).utf8)) as? [String: Any])
        let entry = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["line"] as? Int == 0 && entry["column"] as? Int == 0 && entry["notes"] == nil)
    }

    @Test func controlCharactersAreNamed() throws {
        let finding = try #require(compile("# Soleus\nOrigin: a\u{7}b\n").diagnostics.first { $0.rule == .controlCharacter })
        #expect(finding.message == "control character U+0007 in deck text; delete it")
        #expect(finding.position?.column == 10)
    }

    @Test func summaryLineCountsErrorsAndWarnings() {
        let deck = compile("# Soleus\nOrign: Tibia\n## Exercises\n")
        let text = LintReport.text(deck.diagnostics, files: 1, cards: 0)
        #expect(text.hasSuffix("1 error and 9 warnings in 1 file.\n"), "\(text)")
        #expect(LintReport.text([], files: 3, cards: 40) == "No problems in 3 files (40 cards).\n")
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let deck = compile("# Soleus\nOrign: Tibia\n")
        let json = try LintReport.json(deck.diagnostics.filter { $0.rule == .unknownField }, files: 1, cards: 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["diagnostics", "errors", "warnings", "files", "cards"])
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["rule", "severity", "file", "line", "column", "message"])
        #expect(first["rule"] as? String == "unknown-field")
        #expect(first["line"] as? Int == 2)
        #expect(object["errors"] as? Int == 1)
    }
}

import Foundation
import TestSupport
