import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory

/// The session engine with typed answers: a typed card asks for a line, the back proposes a grade
/// that Enter (`.grade(proposed)` from the prompt) accepts, and the typed text is stored with the
/// answer in its transaction.
@Suite struct TypedSessionTests {
    static let deck = """
        # Teres major
        Region: Shoulder
        Etymology: Latin teres, "round", and major, "larger"
        ## Actions
        - Extends the arm
        """

    @Test func aTypedCardAsksForALineThenProposesAGrade() throws {
        let store = try TestStore()
        store.folder.write("deck/b-teres-minor.md", "# Teres minor\nRegion: Shoulder\n## Actions\n- Laterally rotates the arm\n")
        let location = store.deck(Self.deck, file: "a-teres-major.md")
        _ = try DeckSync.run([location], in: store.database, now: testNow)
        let terms = TypedTerms(decks: [DeckCompiler.compile(location)])
        let session = try StudySession(database: store.database, decks: try store.database.deckIDs(for: [location]), calendar: utcCalendar,
                                       options: StudyOptions(newPerDay: 10, filter: CardFilter(muscles: ["teres-major"])), typing: terms) { testNow }
        // Etymology (prose: revealed as usual), then the actions list, then the reverse card (typed).
        let terminal = ScriptedTerminal([.reveal, .grade(.good), .reveal, .grade(.good), .typed("teres minor"), .grade(.hard)])
        try session.run(on: terminal)
        // Graded 3, the reverse card comes back as a re-drill, typed again (the script has ended).
        #expect(terminal.prompts == [.front, .back, .front, .back, .typed, .proposing(.wrongButFamiliar), .typed])
        let back = terminal.screens.compactMap { screen -> TypedComparison? in
            if case .back(let card, _, _, _) = screen { return card.typed } else { return nil }
        }
        #expect(back.map(\.verdict) == [.wrong])
        #expect(back.first?.details == ["“teres minor”: that is Teres minor, not Teres major"])
        let stored = try store.database.read { db in try Row.fetchAll(db, sql: "SELECT r.grade, t.typed, t.verdict, t.proposed_grade FROM typed_answer t JOIN review r ON r.id = t.review_id") }
        #expect(stored.map { "\($0["grade"] as Int) \($0["typed"] as String) \($0["verdict"] as String) \($0["proposed_grade"] as Int)" } == ["3 teres minor wrong 1"])
    }

    @Test func enterAcceptsTheProposalAndAnEmptyLineShowsTheAnswer() {
        let prompt = StudyPrompt.proposing(.good)
        #expect(prompt.input(forKey: "\r") == .grade(.good))
        #expect(prompt.input(forKey: " ") == .grade(.good))
        #expect(prompt.input(forLine: "") == .grade(.good))
        #expect(prompt.input(forLine: "2") == .grade(.wrongButEasy))
        #expect(prompt.input(forLine: ":u") == .undo)
        #expect(StudyPrompt.typed.input(forLine: "") == .typed(""))
        #expect(StudyPrompt.typed.input(forLine: ":q") == .quit)
    }
}
