import Foundation
import GRDB
import Testing
import TestSupport

/// `muscle study --type` through the built binary: synonyms, forgiven typos and refused near
/// misses, the proposed grade accepted with an empty line (or Enter) or changed, and what was
/// typed stored with each answer.
@Suite(.serialized) struct StudyTypedTests {
    static let golden = GoldenFiles("Tests/muscleTests/Golden")

    /// Three muscles whose names differ by one discriminating word, a nerve with variant root
    /// levels and a card answered by a structure with a synonym (calcaneal/Achilles).
    static func deck(in sandbox: Sandbox) {
        sandbox.write("deck/a-teres-major.md", """
            # Teres major
            Region: Shoulder
            Innervation: Lower subscapular nerve (C5, C6; some texts C6, C7)

            ## Actions
            - Extends the arm

            """)
        sandbox.write("deck/b-teres-minor.md", """
            # Teres minor
            Region: Shoulder
            Innervation: Axillary nerve (C5, C6)

            ## Actions
            - Laterally rotates the arm

            """)
        sandbox.write("deck/c-fibularis-longus.md", """
            # Fibularis (peroneus) longus
            Region: Lower leg and foot
            Innervation: Superficial fibular (peroneal) nerve (L5, S1; some texts add L4)

            ## Actions
            - Everts the foot

            ## Cards
            Q: Which tendon joins the calf muscles to the heel?
            A: The calcaneal tendon.

            """)
    }

    static let arguments = ["study", "--db", "muscle.sqlite", "--decks", "deck", "--now", "2026-12-01T10:00:00Z", "--new", "20", "--type"]

    func typedRows(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.key || '/' || c.item AS card, r.grade, t.typed, t.verdict, t.proposed_grade FROM typed_answer t
                JOIN review r ON r.id = t.review_id JOIN card c ON c.id = r.card_id JOIN muscle m ON m.id = c.muscle_id ORDER BY r.id
                """).map { "\($0["card"] as String) \($0["grade"] as Int) “\($0["typed"] as String)” \($0["verdict"] as String) \($0["proposed_grade"] as Int)" }
        }
    }

    /// Piped: the typed line, then a grade line (an empty line accepts the proposal); an empty
    /// answer line shows the answer of a typed card, and untyped cards are revealed as usual.
    @Test func pipedTypedAnswersAreComparedProposedAndStored() throws {
        let sandbox = Sandbox()
        Self.deck(in: sandbox)
        let input = [
            "lower subscapular nerve c6 c5", "",  // exact, in any order: 5 accepted
            "", "4",                               // an untyped card (the list of actions)
            "axilary nerve C5-C6", "",             // a typo forgiven, a range: 4 accepted
            "", "5",
            "superficial peroneal nerve L4 L5 S1", "",  // a synonym, root levels some texts give: 4
            "", "5",
            "Achilles tendon", "",                 // calcaneal = Achilles: 4
            "teres minor", "",                     // the near miss: wrong, 1 accepted
            "teres minr", "4",                     // a typo in major/minor is not forgiven; the student gives 4
            "peroneus longus", "",                 // the renaming aside: 4
            ":q",
        ].map { $0 + "\n" }.joined()
        let result = sandbox.run(Self.arguments, stdin: input)
        #expect(result.exitCode == 0, "\(result.stderr)")
        Self.golden.expectMatch(result.stdout, "study-type.piped")
        #expect(try typedRows(sandbox.file("muscle.sqlite")) == [
            "teres-major/innervation 5 “lower subscapular nerve c6 c5” exact 5",
            "teres-minor/innervation 4 “axilary nerve C5-C6” typo 4",
            "fibularis-peroneus-longus/innervation 4 “superficial peroneal nerve L4 L5 S1” synonym 4",
            "fibularis-peroneus-longus/custom/which-tendon-joins-the-calf-muscles-to-the-heel 4 “Achilles tendon” synonym 4",
            "teres-major/actions/reverse 1 “teres minor” wrong 1",
            "teres-minor/actions/reverse 4 “teres minr” wrong 1",
            "fibularis-peroneus-longus/actions/reverse 4 “peroneus longus” synonym 4",
        ])
    }

    /// Undoing a typed answer takes what was typed away with it.
    @Test func undoRemovesWhatWasTyped() throws {
        let sandbox = Sandbox()
        Self.deck(in: sandbox)
        let result = sandbox.run(Self.arguments, stdin: "lower subscapular nerve C5 C6\n\n:u\nlower subscaplar nerve C5 C6\n3\n:q\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Undone: the card is back as it was."))
        #expect(try typedRows(sandbox.file("muscle.sqlite")) == ["teres-major/innervation 3 “lower subscaplar nerve C5 C6” typo 4"])
    }

    /// On a pseudo-terminal: the answer is typed with line editing (backspace, control characters
    /// dropped), Enter compares it, Enter accepts the proposal and a digit changes it.
    @Test func onATerminalTheAnswerIsTypedAndEnterAcceptsTheProposal() throws {
        let sandbox = Sandbox()
        Self.deck(in: sandbox)
        let terminal = try sandbox.terminal(Self.arguments)
        terminal.waitFor("Name the nerve supply of the teres major")
        terminal.waitFor("type the answer, Enter · :u undo")
        var mark = terminal.mark
        terminal.send("lower subscapulr\u{7F}ar ne\u{01}rve c5 c6")
        terminal.waitFor("> lower subscapular nerve c5 c6", after: mark)
        mark = terminal.mark
        terminal.send("\r")
        terminal.waitFor("Right: proposed grade 5 perfect (Enter accepts it, 0-5 changes it).", after: mark)
        terminal.waitFor("Enter accept 5 · 0-5 grade", after: mark)
        let screen = terminal.lastScreenLines()
        #expect(screen.contains("  You typed: lower subscapular nerve c5 c6"), "\(screen)")
        #expect(screen.contains("    “lower subscapular nerve”: right"), "\(screen)")
        mark = terminal.mark
        terminal.send("\r")
        terminal.waitFor("→ 5 perfect: next review in 1d (2026-12-02)", after: mark)
        terminal.waitFor("List the actions of the teres major.", after: mark)
        // An untyped card: space shows the answer, a digit grades.
        terminal.send(" ")
        terminal.send("4")
        terminal.waitFor("Name the nerve supply of the teres minor")
        mark = terminal.mark
        terminal.send("radial nerve c5 c6\r")
        terminal.waitFor("Wrong: proposed grade 1 wrong, familiar", after: mark)
        mark = terminal.mark
        terminal.send("2")
        terminal.waitFor("→ 2 wrong, easy", after: mark)
        terminal.send(":q\r")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.terminalIsCooked)
        #expect(try typedRows(sandbox.file("muscle.sqlite")) == [
            "teres-major/innervation 5 “lower subscapular nerve c5 c6” exact 5",
            "teres-minor/innervation 2 “radial nerve c5 c6” wrong 1",
        ])
    }
}
