import Foundation
import GRDB
import Testing
@testable import MuscleMemory
import TestSupport

/// Migration 0009: exam items sync like cards (added, updated in place, retired with their
/// history, restored), and every answer is counted on its session as it is committed.
@Suite struct ExamStoreTests {
    static func item(_ id: String, stem: String = "Which nerve supplies the soleus?", key: Int = 0) -> ExamItem {
        ExamItem(id: "muscle-nerve/\(id)", template: .muscleNerve, muscleKey: "soleus", muscleName: "Soleus", region: "Lower leg and foot",
                 stem: stem, options: ["Tibial nerve", "Deep fibular nerve", "Superficial fibular nerve", "Femoral nerve"], keyIndex: key,
                 explanation: ["Soleus: tibial nerve."])
    }

    @Test func itemsAreAddedUpdatedRetiredAndRestored() throws {
        let store = try TestStore()
        let database = store.database
        #expect(try database.syncExamItems([Self.item("1"), Self.item("2")], now: testNow) == ExamItemSync(added: 2))
        #expect(try database.syncExamItems([Self.item("1"), Self.item("2")], now: testNow) == ExamItemSync())
        #expect(try database.syncExamItems([Self.item("1", stem: "Which nerve supplies soleus?")], now: testNow) == ExamItemSync(updated: 1, retired: 1))
        #expect(try database.activeExamItemCount() == 1)
        #expect(try store.count("SELECT count(*) FROM exam_item") == 2)
        #expect(try database.syncExamItems([Self.item("1", stem: "Which nerve supplies soleus?"), Self.item("2")], now: testNow) == ExamItemSync(restored: 1))
        #expect(try database.activeExamItemCount() == 2)
    }

    @Test func answersAreCountedOnTheirSessionAndCheckStaysClean() throws {
        let store = try TestStore()
        let database = store.database
        try database.syncExamItems([Self.item("1"), Self.item("2")], now: testNow)
        let session = try database.startExamSession(kind: .mock, items: 2, minutes: 3, seed: 42, at: testNow, day: testDay)
        try database.recordExamAnswer(ExamAnswerInput(sessionID: session, itemID: "muscle-nerve/1", position: 1, choice: 0, chosen: "Tibial nerve",
                                                      correct: true, answerMilliseconds: 1200, at: testNow, day: testDay))
        var record = try #require(try database.examSession(session))
        #expect(record.answered == 1 && record.correct == 1 && record.endedAt == nil)
        try database.recordExamAnswer(ExamAnswerInput(sessionID: session, itemID: "muscle-nerve/2", position: 2, choice: 3, chosen: "Femoral nerve",
                                                      correct: false, answerMilliseconds: 800, at: testNow, day: testDay))
        try database.finishExamSession(session, reason: .finished, at: testNow.addingTimeInterval(60))
        record = try #require(try database.examSession(session))
        #expect(record.answered == 2 && record.correct == 1 && record.endReason == .finished && record.minutes == 3 && record.seed == 42)
        let history = try database.examItemHistory()
        #expect(history["muscle-nerve/2"] == ExamItemHistory(answers: 1, correct: 0, lastWrong: true))
        #expect(try database.check().problems == [])
    }

    @Test func anAnswerMarkedAgainstItsKeyIsACheckProblem() throws {
        let store = try TestStore()
        let database = store.database
        try database.syncExamItems([Self.item("1")], now: testNow)
        let session = try database.startExamSession(kind: .practice, items: 1, minutes: nil, seed: 1, at: testNow, day: testDay)
        try database.recordExamAnswer(ExamAnswerInput(sessionID: session, itemID: "muscle-nerve/1", position: 1, choice: 1, chosen: "Deep fibular nerve",
                                                      correct: true, answerMilliseconds: 5, at: testNow.addingTimeInterval(1), day: testDay))
        #expect(try database.check().problems == ["1 exam answers marked correct or wrong against their item's key"])
    }

    @Test func anAnswerToAMissingItemIsRefused() throws {
        let store = try TestStore()
        let session = try store.database.startExamSession(kind: .practice, items: 1, minutes: nil, seed: 1, at: testNow, day: testDay)
        #expect(throws: StoreError.self) {
            try store.database.recordExamAnswer(ExamAnswerInput(sessionID: session, itemID: "nope", position: 1, choice: 0, chosen: "x",
                                                                correct: true, answerMilliseconds: 5, at: testNow, day: testDay))
        }
    }

    /// A database of the version before this one had every migration but 0009 (numbers are
    /// reserved, so 0011 landed first): opening it applies 0009 after 0011, and `user_version`
    /// counts the migrations applied.
    @Test func migration0009LandsAfter0011() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("old.sqlite")
        do {
            var migrator = DatabaseMigrator()
            // The migrations of that version: later ones (0012 alters `exam_item`) came with 0009.
            for file in Migrations.files where file.identifier != "0009_exam" && file.identifier < "0012" {
                migrator.registerMigration(file.identifier) { db in try db.execute(sql: file.sql) }
            }
            let queue = try DatabaseQueue(path: path)
            try migrator.migrate(queue)
            try queue.close()
        }
        let database = try AppDatabase.open(path: path, now: testNow)
        #expect(Set(try database.appliedMigrations()) == Set(Migrations.identifiers))
        #expect(try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Migrations.identifiers.count)
        #expect(try database.check().problems == [])
    }
}
