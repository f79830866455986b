import Foundation
import GRDB
import Testing

/// `muscle study` on a real pseudo-terminal: single key presses in raw mode, screens redrawn, the
/// terminal given back as it was however the session ends.
@Suite(.serialized) struct StudyTerminalTests {
    func start(_ sandbox: Sandbox, _ extra: [String] = [], environment: [String: String] = [:], columns: UInt16 = 80) throws -> PseudoTerminal {
        Fixtures.deck(in: sandbox)
        return try sandbox.terminal(["study", "--db", sandbox.db, "--decks", "deck", "--now", "2026-12-01T10:00:00Z", "--new", "3"] + extra,
                                    environment: environment, columns: columns)
    }

    func reviews(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review") ?? 0 }
    }

    @Test func keysRevealGradeRedrillUndoAndQuit() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox)
        terminal.waitFor("Due 0 · New 3 · Re-drill 0")
        terminal.waitFor("Explain the name “piriformis”")
        var mark = terminal.mark
        terminal.send(" ")
        terminal.waitFor("0-5 grade · u undo · s skip · e source · q quit", after: mark)
        // The whole revealed card, as the student sees it (the first line ends with the session clock).
        let rule = String(repeating: "─", count: 80)
        let screen = terminal.lastScreenLines()
        #expect(screen.first?.hasPrefix("Due 0 · New 3 · Re-drill 0    ") == true && screen.first?.count == 80, "\(screen)")
        #expect(screen.first?.hasSuffix("card 1 of 3 · 0:00") == true, "\(screen)")
        #expect(Array(screen.dropFirst()) == [
            rule,
            "etymology · Hip                                                            [new]",
            "",
            "  Explain the name “piriformis”: its roots and what they mean.",
            "",
            rule,
            "  Latin pirum, \"pear\", and forma, \"shape\"",
            "",
            "0 blackout 1d   1 wrong, familiar 1d   2 wrong, easy 1d   3 hard 1d",
            "4 good 1d   5 perfect 1d",
            "0-5 grade · u undo · s skip · e source · q quit · ? help",
        ])
        mark = terminal.mark
        terminal.send("4")
        terminal.waitFor("State the origin of the piriformis.", after: mark)
        terminal.waitFor("→ 4 good: next review in 1d (2026-12-02)", after: mark)
        #expect(try reviews(sandbox.db) == 1)
        mark = terminal.mark
        terminal.send("u")
        terminal.waitFor("Undone: the card is back as it was.", after: mark)
        terminal.waitFor("Explain the name “piriformis”", after: mark)
        #expect(try reviews(sandbox.db) == 0)
        // Grade 2 from the back: the card comes back later today.
        mark = terminal.mark
        terminal.send(" ")
        terminal.send("2")
        terminal.waitFor("it comes back later today", after: mark)
        terminal.waitFor("Re-drill 1", after: mark)
        mark = terminal.mark
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
        terminal.waitFor("Session over: 1 answer on 1 card; 0 of 1 first answers correct (0%)", after: mark)
        #expect(terminal.terminalIsCooked)
        #expect(try reviews(sandbox.db) == 1)
    }

    @Test func ctrlCEndsTheSessionCleanly() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox)
        terminal.waitFor("Due 0 · New 3")
        terminal.send(" ")
        terminal.send("5")
        terminal.waitFor("→ 5 perfect")
        terminal.send("\u{03}")
        #expect(terminal.waitForExit() == 0)
        terminal.waitFor("Session over: 1 answer on 1 card")
        #expect(terminal.terminalIsCooked)
        #expect(try reviews(sandbox.db) == 1)
    }

    @Test func theSourceKeyShowsTheFileAndLine() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox)
        terminal.waitFor("Due 0 · New 3")
        terminal.send("e")
        // The message is wrapped at words to the width: the long temporary path may take a line of its own.
        terminal.waitFor("piriformis/etymology)")
        #expect(terminal.screen.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "").contains("\(sandbox.file("deck/piriformis.md")):3"), "\(terminal.screen)")
        terminal.send("s")
        terminal.waitFor("Skipped until tomorrow.")
        terminal.waitFor("State the origin of the piriformis.")
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func resizeRedrawsAtTheNewWidth() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox)
        // The whole first frame (its last words), so nothing drawn at 80 columns comes after the mark.
        terminal.waitFor("e source · q quit")
        let mark = terminal.mark
        terminal.resize(columns: 36, rows: 20)
        terminal.waitFor("Due 0 · New 3", after: mark)
        terminal.waitFor("0-5 grade", after: mark)  // the footer, cut to the width with "…"
        let screen = terminal.lastScreenLines()
        #expect(screen.contains(String(repeating: "─", count: 36)), "\(screen)")
        #expect(screen.contains { $0.contains("Explain the name") }, "\(screen)")
        for line in screen {
            #expect(line.count <= 36, "wider than the terminal: \(line)")
        }
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.terminalIsCooked)
    }

    @Test func ctrlZGivesTheTerminalBackAndResumesCleanly() throws {
        let sandbox = Sandbox()
        let terminal = try start(sandbox)
        terminal.waitFor("Due 0 · New 3")
        let mark = terminal.mark
        terminal.send("\u{1A}")
        // With no shell to stop it (an orphaned session), the process carries on: the screen is
        // drawn again and the keys still work.
        terminal.waitFor("Due 0 · New 3", after: mark)
        terminal.send(" ")
        terminal.waitFor("Latin pirum", after: mark)
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.terminalIsCooked)
    }

    @Test func colourUnlessNoColorOrTheFlag() throws {
        let sandbox = Sandbox()
        let coloured = try start(sandbox)
        coloured.waitFor("Due 0 · New 3")
        #expect(ANSI.hasColour(coloured.raw))
        coloured.send("q")
        #expect(coloured.waitForExit() == 0)
        for (extra, environment) in [([String](), ["NO_COLOR": "1"]), (["--no-color"], [:])] {
            let other = Sandbox()
            let plain = try start(other, extra, environment: environment)
            plain.waitFor("Due 0 · New 3")
            #expect(plain.raw.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) == nil)
            plain.send("q")
            #expect(plain.waitForExit() == 0)
        }
    }

    /// Text that reached the database some other way than a lint-checked deck still cannot drive
    /// the terminal: escape sequences and control characters are stripped before printing.
    @Test func escapeSequencesInCardTextNeverReachTheTerminal() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        let queue = try DatabaseQueue(path: sandbox.db)
        try queue.write { db in
            try db.execute(sql: "UPDATE card SET front = ? WHERE item = 'etymology' AND muscle_id = (SELECT id FROM muscle WHERE key = 'piriformis')",
                           arguments: ["Name it\u{1B}]0;pwned\u{07}\u{1B}[2J\u{07} now"])
        }
        try queue.close()
        let terminal = try start(sandbox)
        terminal.waitFor("Name it now")
        #expect(!terminal.raw.contains("pwned"))
        #expect(!terminal.raw.contains("\u{07}"))
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
    }
}
