import Foundation
import GRDB
import Testing

/// Issue 15, the rest: faults that strike a study session while it runs, end to end through the
/// binary, answering step by step.
@Suite(.serialized) struct SessionFaultTests {
    func synced(_ sandbox: Sandbox) -> String {
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        return sandbox.db
    }

    func session(_ sandbox: Sandbox, environment: [String: String] = [:]) throws -> LiveProcess {
        try LiveProcess(MuscleBinary.muscle, ["study", "--db", sandbox.db, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"],
                        environment: sandbox.environment.merging(environment) { $1 }, directory: sandbox.path)
    }

    func reviews(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") ?? -1 }
    }

    /// Another program takes the write lock after the first answer: the second answer waits the
    /// busy timeout once (not again for the session's closing write), then exit 75 and one line;
    /// the first answer is kept.
    @Test func aLockTakenMidSessionWaitsTheBusyTimeoutOnce() throws {
        let sandbox = Sandbox()
        let path = synced(sandbox)
        let study = try session(sandbox, environment: ["MUSCLE_BUSY_TIMEOUT_MS": "1500"])
        study.send("")
        study.send("4")
        #expect(study.waitFor("→ 4 good"))
        let holder = try DatabaseQueue(path: path)
        let (code, waited) = try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let started = ContinuousClock.now
            study.send("")
            study.send("4")
            let code = study.waitForExit()
            return (code, ContinuousClock.now - started)
        }
        try holder.close()
        #expect(code == 75, "\(study.errorText)")
        #expect(study.errorText == "muscle: error: the database '\(path)' is locked by another program and stayed locked past the busy timeout; the change in progress was not saved, and everything saved before it is safe. Try again when the other program has finished.\n")
        // Once is 1.5 s; twice would be 3 s or more.
        #expect(waited >= .milliseconds(1500) && waited < .milliseconds(2800), "waited \(waited)")
        #expect(try reviews(path) == 1)
    }

    /// The -wal and -shm deleted by hand while a session runs: the next answer is refused with
    /// exit 74 and one line, and the answer already acknowledged is kept in the database file.
    @Test func aDeletedLogStopsTheSessionAndKeepsTheAcknowledgedAnswers() throws {
        let sandbox = Sandbox()
        let path = synced(sandbox)
        let study = try session(sandbox)
        study.send("")
        study.send("4")
        #expect(study.waitFor("→ 4 good"))
        try FileManager.default.removeItem(atPath: path + "-wal")
        try FileManager.default.removeItem(atPath: path + "-shm")
        study.send("")
        study.send("4")
        #expect(study.waitForExit() == 74, "\(study.errorText)")
        #expect(study.errorText == "muscle: error: the write-ahead log '\(path)-wal' was deleted while muscle was using it; the answers already given were copied into the database and nothing more was saved. Never delete a database's -wal or -shm file by hand; start muscle again to go on.\n")
        #expect(try reviews(path) == 1)
        #expect(sandbox.run(["check", "--db", path]).exitCode == 0)
    }

    /// The database file replaced under a running session (moved aside, a copy put in its place):
    /// the next answer is refused with exit 74 and one line, and nothing is written to the copy.
    @Test func aReplacedDatabaseStopsTheSession() throws {
        let sandbox = Sandbox()
        let path = synced(sandbox)
        let study = try session(sandbox)
        study.send("")
        study.send("4")
        #expect(study.waitFor("→ 4 good"))
        try FileManager.default.moveItem(atPath: path, toPath: path + ".old")
        try FileManager.default.copyItem(atPath: path + ".old", toPath: path)
        let copy = try Data(contentsOf: URL(fileURLWithPath: path))
        study.send("")
        study.send("4")
        #expect(study.waitForExit() == 74, "\(study.errorText)")
        #expect(study.errorText == "muscle: error: the database '\(path)' was deleted or replaced by another program while muscle was using it; nothing more was saved, and the answers given before it went are in the file muscle had open, not in the one there now. Run `muscle check --db '\(path)'`.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == copy)
    }

    /// `check` compares the review log with the sessions it records: a review whose study
    /// session is gone (as when a log is lost under a running session) is a problem, exit 1.
    @Test func checkFindsReviewsOfASessionThatIsNotRecorded() throws {
        let sandbox = Sandbox()
        let path = synced(sandbox)
        #expect(sandbox.run(["study", "--db", path, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"], stdin: "\n4\n").exitCode == 0)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in try db.execute(sql: "DELETE FROM study_session") }
        try queue.close()
        let check = sandbox.run(["check", "--db", path])
        #expect(check.exitCode == 1, "\(check.stdout)\(check.stderr)")
        #expect((check.stdout + check.stderr).contains("of review points at a missing study_session"), "\(check.stdout)\(check.stderr)")
    }

    /// `check` compares the review log with the answers each session recorded: an answer lost
    /// after it was acknowledged (its review and its effect on the card both gone, so every other
    /// invariant holds, as when the -wal holding it is deleted) is a problem, exit 1.
    @Test func checkFindsASessionWhoseAnswersAreMissing() throws {
        let sandbox = Sandbox()
        let path = synced(sandbox)
        let study = sandbox.run(["study", "--db", path, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"], stdin: "\n4\n\n4\n")
        #expect(study.exitCode == 0, "\(study.stderr)")
        #expect(sandbox.run(["check", "--db", path]).stdout == "\(path): ok (18 cards, 2 reviews; integrity, foreign keys and invariants hold)\n")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // The second answer, gone with everything it changed (it was a new card's first).
            let (review, card) = try #require(try Row.fetchOne(db, sql: "SELECT id, card_id FROM review ORDER BY id DESC LIMIT 1").map { ($0[0] as Int64, $0[1] as Int64) })
            try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [review])
            try db.execute(sql: """
                UPDATE card_state SET repetitions = 0, interval_days = 0, easiness = 250, due_day = NULL, lapses = 0, last_review_day = NULL,
                    introduced_day = NULL, redrill_day = NULL, reviews = 0, correct = 0, study_ms = 0 WHERE card_id = ?
                """, arguments: [card])
        }
        try queue.close()
        let check = sandbox.run(["check", "--db", path])
        #expect(check.exitCode == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == """
            \(path): problem: 1 study session whose answers disagree with the review log, as when answers are lost after they were saved (session 1: 2 answers recorded, 1 in the review log)
            1 problem found.

            """)
    }
}
