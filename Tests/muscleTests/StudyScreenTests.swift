import Foundation
import Testing

/// Issue 16, the study screen as a newcomer meets it: through the built binary, on a real
/// pseudo-terminal and piped.
@Suite(.serialized) struct StudyScreenTests {
    static let now = "2026-12-01T10:00:00Z"

    func start(_ sandbox: Sandbox, _ extra: [String] = [], environment: [String: String] = [:], columns: UInt16 = 80) throws -> PseudoTerminal {
        Fixtures.deck(in: sandbox)
        return try sandbox.terminal(["study", "--db", sandbox.db, "--decks", "deck", "--now", Self.now, "--new", "3"] + extra,
                                    environment: environment, columns: columns)
    }

    func piped(_ sandbox: Sandbox, _ extra: [String], stdin: String) -> ProcessResult {
        Fixtures.deck(in: sandbox)
        return sandbox.run(["study", "--db", sandbox.db, "--decks", "deck", "--now", Self.now] + extra, stdin: stdin)
    }

    @Test func bulletsKeepTheirSpaceOnTheScreen() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox, ["--muscle", "soleus", "--aspect", "actions"])
        terminal.waitFor("e source · q quit")
        terminal.send(" ")
        terminal.waitFor("• Plantarflexes the ankle")
        #expect(!terminal.screen.contains("•Plantarflexes"))
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func atFiftyColumnsTheLegendIsShortenedNeverCut() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox, columns: 50)
        terminal.waitFor("? help")
        let front = terminal.lastScreenLines()
        #expect(front.first?.contains("card 1 of 3") == true, "\(front)")
        for line in front {
            #expect(DisplayWidth(line) <= 50, "wider than the terminal: \(line)")
        }
        let legend = front.suffix(2).joined(separator: " · ")
        for key in ["space answer", "0-5 grade", "u undo", "s skip", "e src", "q quit", "? help"] {
            #expect(legend.contains(key), "\(key) missing from the legend: \(front)")
        }
        #expect(!legend.contains("…"))
        // Feedback wraps at words: every line of the reminder ends with a whole word.
        let mark = terminal.mark
        terminal.send("x")
        terminal.waitFor("lists every key.", after: mark)
        let words = "Space or Enter shows the answer, or grade now: 0 blackout · 1 wrong, familiar · 2 wrong, easy · 3 hard · 4 good · 5 perfect; u undoes, s skips, e shows the source, q quits, ? lists every key.".split(separator: " ").map(String.init)
        let shown = terminal.lastScreenLines().drop { !$0.hasPrefix("Space or Enter") }
        #expect(shown.count > 1, "\(shown)")
        #expect(shown.flatMap { $0.split(separator: " ").map(String.init) } == words, "\(shown)")
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func questionMarkShowsEveryKeyAndAnUnknownKeyListsTheGrades() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox)
        terminal.waitFor("? help")
        var mark = terminal.mark
        terminal.send("?")
        terminal.waitFor("Keys:", after: mark)
        for line in ["space   show the answer (Enter too)", "0       grade: complete blackout", "5       grade: perfect", "u       undo the last answer",
                     "s       skip this card until tomorrow", "e       show the card's source file and line", "q       end the session (Ctrl-C too)"] {
            terminal.waitFor(line, after: mark)
        }
        mark = terminal.mark
        terminal.send(" ")
        terminal.waitFor("? help", after: mark)
        mark = terminal.mark
        terminal.send("x")
        terminal.waitFor("key.", after: mark)
        let reminder = terminal.lastScreenLines().drop { !$0.hasPrefix("Grade your recall") }.joined(separator: " ")
        #expect(reminder.hasPrefix("Grade your recall: 0 blackout · 1 wrong, familiar · 2 wrong, easy · 3 hard · 4 good · 5 perfect;"), "\(reminder)")
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func theHeaderCountsCardsAndTheClockTicks() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox, environment: ["MUSCLE_CLOCK_RATE": "1"])
        terminal.waitFor("card 1 of 3 · 0:00")
        // No key pressed: the clock in the header moves on by itself.
        terminal.waitFor("card 1 of 3 · 0:02")
        let mark = terminal.mark
        terminal.send("5")
        terminal.waitFor("card 2 of 3", after: mark)
        let bar = terminal.lastScreenLines()[1]
        #expect(bar.hasPrefix("━") && bar.hasSuffix("─") && bar.count == 80, "\(bar)")
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func minutesAndCardsEndTheSessionWithAMessage() throws {
        let sandbox = Sandbox()
        let cards = piped(sandbox, ["--new", "3", "--cards", "2"], stdin: "5\n5\n5\n")
        #expect(cards.exitCode == 0)
        #expect(cards.stdout.contains("That makes 2 cards (--cards). The session ends here.\nSession over: 2 answers on 2 cards"), "\(cards.stdout)")
        let other = Sandbox()
        // 120 simulated seconds per real second: a minute passes while the first card is shown.
        let terminal = try start(other, ["--minutes", "1"], environment: ["MUSCLE_CLOCK_RATE": "120"])
        terminal.waitFor("card 1 of 3")
        terminal.waitFor(" of 3 · 1:")
        terminal.send("5")
        #expect(terminal.waitForExit() == 0)
        terminal.waitFor("Time is up: 1 minute (--minutes). The session ends here.")
        terminal.waitFor("Session over: 1 answer on 1 card")
    }

    @Test(arguments: [["--minutes", "0"], ["--minutes", "601"], ["--cards", "0"], ["--cards", "10001"], ["--cards", "x"]])
    func limitsOutsideTheirRangesAreRefused(_ option: [String]) {
        let sandbox = Sandbox()
        let result = piped(sandbox, option, stdin: "")
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(result.stderr.contains("\(option[0]) '\(option[1])' is not a whole number from"), "\(result.stderr)")
    }

    @Test(arguments: [(["--plain"], [String: String]()), ([], ["TERM": "dumb"])])
    func plainIsOneLabelledLinePerEvent(_ extra: [String], _ environment: [String: String]) throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox, extra, environment: environment)
        terminal.waitFor("Q: Explain the name")
        terminal.send("\n")
        terminal.waitFor("Grade 0-5: ")
        terminal.send("5\n")
        terminal.waitFor("→ 5 perfect")
        terminal.send("q\n")
        #expect(terminal.waitForExit() == 0)
        let raw = terminal.raw
        #expect(raw.hasPrefix("Keys: Enter shows the answer") || raw.contains("\nKeys: Enter shows the answer") || raw.contains("Keys: Enter shows the answer"))
        #expect(!raw.contains("\u{1B}[?1049h"), "no alternate screen")
        #expect(!raw.contains("\u{1B}[2J") && !raw.contains("\u{1B}[H"), "no redraws")
        #expect(raw.contains("[due 0 · new 3 · re-drill 0] etymology · Hip (new)"))
    }

    @Test func noUnicodeIsASCIIOnly() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox, ["--no-unicode"])
        terminal.waitFor("e source - q quit - ? help")
        terminal.send(" ")
        terminal.waitFor("\"pear\"")
        terminal.send("5")
        terminal.waitFor("-> 5 perfect")
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
        terminal.waitFor("Session over")
        let nonASCII = terminal.raw.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "\(nonASCII)")
        #expect(terminal.raw.contains("Explain the name \"piriformis\""))
    }

    @Test func afterASkipTheSummaryAndTheNextSessionAgree() {
        let sandbox = Sandbox()
        let first = piped(sandbox, ["--new", "3"], stdin: "s\nq\n")
        #expect(first.exitCode == 0)
        #expect(first.stdout.contains("Left for today: 0 due, 3 new, 0 re-drill."), "\(first.stdout)")
        let next = piped(sandbox, ["--new", "3"], stdin: "q\n")
        #expect(next.stdout.hasPrefix("[due 0 · new 3 · re-drill 0]"), "\(next.stdout)")
    }

    @Test func misesAreOfferedAgainAndTheWeakestTopicNamed() {
        let sandbox = Sandbox()
        // One new card, missed, re-drilled until good; then the offer, taken; then a perfect drill.
        let result = piped(sandbox, ["--new", "1"], stdin: "0\n5\ny\n5\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("You missed 1 card today. Drill it again now? y drills (the schedule does not change); any other key ends the session.\n"), "\(result.stdout)")
        #expect(result.stdout.contains("(cram)\nQ: Explain the name"), "the card again, as practice: \(result.stdout)")
        #expect(result.stdout.contains("→ 5 perfect: practice (schedule unchanged)"), "\(result.stdout)")
        #expect(result.stdout.contains("Weakest today: Piriformis, 1 of 1 first answer missed. Drill it again: muscle study --muscle piriformis --cram\n"), "\(result.stdout)")
        // Declined: the session ends at once.
        let other = Sandbox()
        let declined = piped(other, ["--new", "1"], stdin: "0\n5\nn\n")
        #expect(declined.stdout.contains("Drill it again now?") && !declined.stdout.contains("(cram)"), "\(declined.stdout)")
    }
}

/// Columns of a line of the screen (one per character: the fixture's text has no wide characters).
private func DisplayWidth(_ line: String) -> Int { line.count }
