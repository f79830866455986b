import Foundation
import GRDB
import Testing
import TestSupport

/// `muscle exam` through the built binary (issue 14): the items of a small fixture deck pinned,
/// a seeded practice set and a seeded mock exam piped to the score (whole outputs compared), a
/// kill mid-exam, the usage errors.
@Suite struct ExamCommandTests {
    static let golden = GoldenFiles("Tests/muscleTests/Golden")
    static let now = "2026-12-01T10:00:00Z"

    func exam(_ sandbox: Sandbox, _ arguments: [String], input: String? = nil) -> ProcessResult {
        sandbox.run(["exam", "--db", sandbox.db, "--decks", "exam", "--now", Self.now] + arguments, stdin: input)
    }

    func rows(_ path: String, _ sql: String) throws -> [Row] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try Row.fetchAll(db, sql: sql) }
    }

    @Test func theFixtureDeckLintsCleanAndItsItemsArePinned() {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let lint = sandbox.run(["lint", "exam"])
        // A deck of a few muscles: its reverse actions cards may have other answers in it
        // (ambiguous-reverse), which the exam's own validity check handles; nothing else is found.
        let findings = lint.stdout.split(separator: "\n").dropLast().filter { !$0.hasSuffix("[ambiguous-reverse]") }
        #expect(findings.isEmpty, "\(lint.stdout)")
        #expect(lint.exitCode == 0)
        let list = exam(sandbox, ["--list"])
        #expect(list.exitCode == 0, "\(list.stderr)")
        Self.golden.expectMatch(list.stdout, "exam-list.txt")
        let json = exam(sandbox, ["--list", "--format", "json"])
        #expect(json.exitCode == 0)
        Self.golden.expectMatch(json.stdout, "exam-list.json")
    }

    @Test func aSeededPracticeSetPipedToTheScore() throws {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let result = exam(sandbox, ["--seed", "11", "--items", "4"], input: "a\n?\nb\n3\nd\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        Self.golden.expectMatch(result.stdout, "exam-practice.txt")
        // The same seed draws the same set.
        let again = exam(sandbox, ["--seed", "11", "--items", "4", "--db", sandbox.file("other.sqlite")], input: "a\nb\nc\nd\n")
        #expect(again.stdout.components(separatedBy: "\n").filter { $0.hasSuffix("?") } == result.stdout.components(separatedBy: "\n").filter { $0.hasSuffix("?") })
        let answers = try rows(sandbox.db, "SELECT position, choice, correct FROM exam_answer ORDER BY id")
        #expect(answers.map { $0["choice"] as Int } == [0, 1, 2, 3])
        #expect(sandbox.run(["check", "--db", sandbox.db]).exitCode == 0)
    }

    @Test func aSeededMockExamPipedToTheScore() throws {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let result = exam(sandbox, ["--mock", "--seed", "5", "--items", "6", "--minutes", "10"], input: "a\nb\nc\nd\n1\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        Self.golden.expectMatch(result.stdout, "exam-mock.txt")
        let session = try #require(try rows(sandbox.db, "SELECT kind, items, minutes, answered, end_reason FROM exam_session").first)
        #expect(session["kind"] as String == "mock" && session["items"] as Int == 6 && session["minutes"] as Int == 10)
        #expect(session["answered"] as Int == 5 && session["end_reason"] as String == "quit")
    }

    /// A mock exam whose time runs out: the clock runs (MUSCLE_CLOCK_RATE, 600 simulated seconds
    /// a second) and the exam ends with the time, the unanswered items counted wrong.
    @Test func aMockExamEndsWhenTheTimeIsUp() throws {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let process = try LiveProcess(MuscleBinary.muscle, ["exam", "--db", sandbox.db, "--decks", "exam", "--now", Self.now, "--mock", "--seed", "5", "--items", "3", "--minutes", "1"],
                                      environment: sandbox.environment.merging(["MUSCLE_CLOCK_RATE": "600"]) { $1 }, directory: sandbox.path)
        #expect(process.waitFor("Mock exam over: time is up."))
        #expect(process.waitForExit() == 0)
        #expect(process.text.contains("Score: 0/3 correct (0 %); 0 answered"), "\(process.text)")
        let session = try #require(try rows(sandbox.db, "SELECT end_reason FROM exam_session").first)
        #expect(session["end_reason"] as String == "time")
    }

    /// Killed after two answers, the database holds exactly those two, and `check` passes.
    @Test func aKillMidExamKeepsEveryAnsweredItem() throws {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let process = try LiveProcess(MuscleBinary.muscle, ["exam", "--db", sandbox.db, "--decks", "exam", "--now", Self.now, "--seed", "3", "--items", "5"],
                                      environment: sandbox.environment, directory: sandbox.path)
        #expect(process.waitFor("Practice 1/5"))
        process.send("a")
        #expect(process.waitFor("Practice 2/5"))
        process.send("b")
        #expect(process.waitFor("Practice 3/5"))
        process.kill()
        _ = process.waitForExit()
        let answers = try rows(sandbox.db, "SELECT position, choice FROM exam_answer ORDER BY position")
        #expect(answers.map { $0["choice"] as Int } == [0, 1])
        let session = try #require(try rows(sandbox.db, "SELECT answered, ended_at FROM exam_session").first)
        #expect(session["answered"] as Int == 2 && (session["ended_at"] as Int64?) == nil)
        #expect(sandbox.run(["check", "--db", sandbox.db]).exitCode == 0)
    }

    @Test(arguments: [
        (["--items", "0"], "muscle: error: --items '0' is not a whole number from 1 to 500\n"),
        (["--items", "501"], "muscle: error: --items '501' is not a whole number from 1 to 500\n"),
        (["--minutes", "20"], "muscle: error: --minutes is the time limit of a mock exam; use it with --mock\n"),
        (["--mock", "--minutes", "0"], "muscle: error: --minutes '0' is not a whole number from 1 to 600\n"),
        (["--seed", "x"], "muscle: error: --seed 'x' is not a whole number from 0 to 999999999\n"),
        (["--aspect", "colour"], "muscle: error: --aspect 'colour' is not an aspect; use one of: etymology, heads, origin, insertion, innervation, actions, trigger-points, exercises, palpation, movements, synergists, antagonists, custom\n"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let result = exam(sandbox, arguments)
        #expect(result.exitCode == 64)
        expectSameText(result.stderr, message)
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))
    }

    /// The refusal names what the filter picks from: exam items, not cards.
    @Test(arguments: [
        ("solues", "muscle: error: --muscle 'solues' matches no exam item of these decks; did you mean 'soleus'?\n"),
        ("nosuch", "muscle: error: --muscle 'nosuch' matches no exam item of these decks; `muscle exam --list` lists the items and their muscles\n"),
    ])
    func anUnknownMuscleIsRefusedWithTheClosest(_ name: String, _ message: String) {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let result = exam(sandbox, ["--muscle", name])
        #expect(result.exitCode == 64)
        expectSameText(result.stderr, message)
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))
    }

    /// A second start on unchanged decks draws from the stored items (migration 0012): the same
    /// seed gives the same exam. A deck edit changes what they were generated from, so the next
    /// start generates again and the item whose facts changed (the soleus's etymology) is retired.
    @Test func unchangedDecksDrawTheStoredItemsAndAnEditRetiresChangedOnes() throws {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let arguments = ["--mock", "--seed", "5", "--items", "6", "--minutes", "10"]
        let first = exam(sandbox, arguments, input: "a\nb\nc\nd\n1\n")
        #expect(first.exitCode == 0, "\(first.stderr)")
        let fingerprint = try rows(sandbox.db, "SELECT fingerprint FROM exam_curriculum").map { $0["fingerprint"] as String }
        #expect(fingerprint.count == 1)
        let second = exam(sandbox, arguments, input: "a\nb\nc\nd\n1\n")
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout == first.stdout)
        let active = try rows(sandbox.db, "SELECT count(*) AS n FROM exam_item WHERE retired_at IS NULL AND position IS NOT NULL").first?["n"] as Int?
        #expect(active == (try rows(sandbox.db, "SELECT count(*) AS n FROM exam_item").first?["n"] as Int?))
        let soleus = sandbox.file("exam/leg/soleus.md")
        let text = try String(contentsOfFile: soleus, encoding: .utf8)
        try text.replacingOccurrences(of: "Etymology: Latin solea, \"sandal\".", with: "Etymology: Latin solea, \"slipper\".")
            .write(toFile: soleus, atomically: true, encoding: .utf8)
        let third = exam(sandbox, arguments, input: "a\nb\nc\nd\n1\n")
        #expect(third.exitCode == 0, "\(third.stderr)")
        let retired = try rows(sandbox.db, "SELECT count(*) AS n FROM exam_item WHERE retired_at IS NOT NULL AND position IS NULL").first?["n"] as Int?
        #expect((retired ?? 0) > 0)
        #expect(try rows(sandbox.db, "SELECT fingerprint FROM exam_curriculum").map { $0["fingerprint"] as String } != fingerprint)
        #expect(sandbox.run(["check", "--db", sandbox.db]).exitCode == 0)
    }

    /// With the items stored, a filtered set and a filtered list come from them without a compile
    /// (their stems are marked in the database to show it), and they are the items, in the order,
    /// a compile gives. A filter that matches nothing stored goes the long way, with its message.
    @Test func filteredSetsAndListsComeFromTheStoredItems() throws {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        #expect(exam(sandbox, ["--seed", "1", "--items", "1"], input: "a\n").exitCode == 0)
        let queue = try DatabaseQueue(path: sandbox.db)
        try queue.write { db in try db.execute(sql: "UPDATE exam_item SET stem = 'STORED ' || stem") }
        try queue.close()
        let cases = [["--list", "--muscle", "soleus"], ["--list", "--aspect", "innervation", "--format", "json"],
                     ["--muscle", "Soleus", "--seed", "7", "--items", "3"], ["--region", "leg", "--seed", "2", "--items", "2"]]
        for (index, arguments) in cases.enumerated() {
            // The same database, history included (a practice set leans on it), without the
            // record of what the stored items came from: that copy generates.
            let copy = sandbox.file("generating-\(index).sqlite")
            try FileManager.default.copyItem(atPath: sandbox.db, toPath: copy)
            let copied = try DatabaseQueue(path: copy)
            try copied.write { db in try db.execute(sql: "DELETE FROM exam_curriculum") }
            try copied.close()
            let generated = exam(sandbox, arguments + ["--db", copy], input: "a\nb\nc\n")
            let stored = exam(sandbox, arguments, input: "a\nb\nc\n")
            #expect(stored.exitCode == 0 && generated.exitCode == 0, "\(arguments): \(stored.stderr) \(generated.stderr)")
            #expect(stored.stdout.contains("STORED "), "\(arguments) did not use the stored items")
            #expect(stored.stdout.replacingOccurrences(of: "STORED ", with: "") == generated.stdout, "\(arguments)")
        }
        let unknown = exam(sandbox, ["--muscle", "nosuch"])
        let unknownGenerated = exam(sandbox, ["--muscle", "nosuch", "--db", sandbox.file("fresh-unknown.sqlite")])
        #expect(unknown.exitCode == 64 && unknown.stderr == unknownGenerated.stderr, "\(unknown.stderr)")
    }

    /// The bundled curriculum: a practice set starts and every item it shows has four options.
    @Test func theBundledDecksGiveAPracticeSet() {
        let sandbox = Sandbox()
        let result = sandbox.run(["exam", "--db", sandbox.db, "--now", Self.now, "--seed", "1", "--items", "3"], stdin: "a\nb\nc\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Practice 3/3") && result.stdout.contains("Practice set over."))
    }
}

/// `muscle exam` on a real pseudo-terminal: single keys (a-d and 1-4), the screen redrawn for each
/// item, feedback until a key is pressed, the score on the normal screen after leaving.
@Suite(.serialized) struct ExamTerminalTests {
    @Test func singleKeysAnswerAndTheScoreStaysInTheScrollback() throws {
        let sandbox = Sandbox()
        ExamFixture.deck(in: sandbox)
        let terminal = try sandbox.terminal(["exam", "--db", sandbox.db, "--decks", "exam", "--now", ExamCommandTests.now, "--seed", "11", "--items", "2"])
        terminal.waitFor("Practice 1/2")
        terminal.waitFor("Which muscle's name is built from words meaning \"shinbone\" and \"in front\"?")
        var mark = terminal.mark
        terminal.send("b")
        terminal.waitFor("Right: b) Tibialis anterior.", after: mark)
        terminal.waitFor("Press any key for the next item.", after: mark)
        mark = terminal.mark
        terminal.send(" ")
        terminal.waitFor("Practice 2/2", after: mark)
        mark = terminal.mark
        terminal.send("3")
        terminal.waitFor("Right: c) Ankle plantarflexion.", after: mark)
        terminal.send(" ")
        terminal.waitFor("Score: 2/2 correct (100 %)")
        #expect(terminal.waitForExit() == 0)
        let queue = try DatabaseQueue(path: sandbox.db)
        defer { try? queue.close() }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT sum(correct) FROM exam_answer") } == 2)
    }
}
