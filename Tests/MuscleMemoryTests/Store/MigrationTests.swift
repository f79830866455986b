import Foundation
import GRDB
import Testing
@testable import MuscleMemory
import TestSupport

@Suite struct MigrationTests {
    @Test func anEmptyFileIsMigratedToTheLatestSchema() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("empty.sqlite", "")
        let database = try AppDatabase.open(path: path, now: testNow)
        #expect(try database.appliedMigrations() == Migrations.identifiers)
        let version = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == Migrations.identifiers.count)
        let mode = try database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let foreignKeys = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == 1)
        let synchronous = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "commits must be durable across a power cut (synchronous=FULL)")
    }

    /// `AppDatabase(writer:)` over an in-memory queue (tests, dry runs, imports) has exactly the
    /// schema of a file, with foreign keys on, and works like one.
    @Test func anInMemoryDatabaseHasTheSchemaOfAFile() throws {
        let memory = try TestStore.inMemory()
        let file = try TestStore()
        func schema(_ database: AppDatabase) throws -> [String] {
            try database.read { db in try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name") }
        }
        #expect(try schema(memory.database) == schema(file.database))
        #expect(try memory.database.appliedMigrations() == Migrations.identifiers)
        #expect(try memory.database.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        let deck = memory.deck("# Soleus\nOrigin: Tibia\n")
        _ = try DeckSync.run([deck], in: memory.database, now: testNow)
        let card = try #require(try memory.database.allCards(decks: memory.database.deckIDs(for: [deck])).first)
        _ = try memory.database.recordAnswer(AnswerInput(cardRowID: card.rowID, grade: .good, at: testNow, day: testDay, answerMilliseconds: 1, sessionID: nil))
        #expect(try memory.database.check().isClean)
    }

    @Test func aMissingFileAndItsFoldersAreCreated() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("a/b/c/muscle.sqlite")
        _ = try AppDatabase.open(path: path, now: testNow)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func everyTableIsStrict() throws {
        let store = try TestStore()
        let tables = try store.database.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_list").filter { ($0["schema"] as String) == "main" && ($0["type"] as String) == "table" && !(($0["name"] as String).hasPrefix("sqlite_") || ($0["name"] as String).hasPrefix("grdb_")) }
        }
        #expect(tables.count == 17)
        for table in tables { #expect((table["strict"] as Int) == 1, "\(table["name"] as String) is not STRICT") }
    }

    /// Builds a database at every earlier version, then opens it with this program: it is migrated
    /// to the latest version, and a backup of it as it was is kept.
    @Test(arguments: Migrations.identifiers.dropLast())
    func fromEveryEarlierVersion(_ version: String) throws {
        let folder = TemporaryDirectory()
        let path = folder.file("old.sqlite")
        do {
            let old = try AppDatabase.open(path: path, now: testNow, upTo: version)
            #expect(try old.appliedMigrations().last == version)
        }
        let database = try AppDatabase.open(path: path, now: testNow)
        #expect(try database.appliedMigrations() == Migrations.identifiers)
        let backups = (try? FileManager.default.contentsOfDirectory(atPath: database.backupFolder)) ?? []
        #expect(backups.count == 1)
    }

    /// A version-1 collection, written with that version's layout, keeps its cards, states and
    /// reviews through the migrations, and 0002 fills the queue copies from the cards.
    @Test func aVersion1CollectionKeepsItsDataAndGainsTheQueueCopies() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("v1.sqlite")
        do {
            let old = try AppDatabase.open(path: path, now: testNow, upTo: "0001_initial")
            try old.write { db in
                try db.execute(sql: "INSERT INTO deck (id, path, title, content_hash, synced_at) VALUES (1, 'bundled', 'Old', 'x', 0)")
                try db.execute(sql: "INSERT INTO muscle (id, deck_id, key, name, region, source_file) VALUES (7, 1, 'soleus', 'Soleus', 'Lower leg and foot', 'Decks/s.md')")
                try db.execute(sql: """
                    INSERT INTO card (id, muscle_id, item, aspect, front, back, source_line, position, content_hash, created_at)
                    VALUES (1, 7, 'origin', 'origin', 'State the origin.', 'Tibia', 3, 5, 0, 0), (2, 7, 'custom/why', 'custom', 'Why?', 'So.', 9, 6, 0, 0)
                    """)
                try db.execute(sql: """
                    INSERT INTO card_state (card_id, deck_id, repetitions, interval_days, easiness, due_day, lapses, last_review_day, introduced_day, reviews, correct, study_ms)
                    VALUES (1, 1, 1, 1, 250, \(testDay.number + 1), 0, \(testDay.number), \(testDay.number), 1, 1, 900), (2, 1, 0, 0, 250, NULL, 0, NULL, NULL, 0, 0, 0)
                    """)
                try db.execute(sql: "INSERT INTO review (card_id, reviewed_at, day, grade, kind, answer_ms, repetitions, interval_days, easiness, lapses) VALUES (1, 0, \(testDay.number), 4, 0, 900, 1, 1, 250, 0)")
                try db.execute(sql: "INSERT INTO review_day (day, first_review_id) VALUES (\(testDay.number), 1)")
            }
        }
        let database = try AppDatabase.open(path: path, now: testNow)
        let copies = try database.read { db in try Row.fetchAll(db, sql: "SELECT muscle_id, aspect, position FROM card_state ORDER BY card_id") }
        #expect(copies.map { [$0[0] as Int64, Int64($0[2] as Int)] } == [[7, 5], [7, 6]])
        #expect(copies.map { $0[1] as String } == ["origin", "custom"])
        let report = try database.check()
        #expect(report.isClean, "\(report.problems)")
        let due = try database.dueEntries(decks: [1], on: testDay.adding(days: 1))
        #expect(due.map(\.cardRowID) == [1])
        #expect(try database.newEntries(decks: [1], on: testDay).map(\.cardRowID) == [2])
    }

    /// 0006 rebuilds `card` to let in the new aspects: every card keeps its id and text, and the
    /// states and reviews that point at it still do.
    @Test func migration0006KeepsEveryCardAndLetsInPalpation() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("v5.sqlite")
        do {
            let old = try AppDatabase.open(path: path, now: testNow, upTo: "0005_topic_days")
            try old.write { db in
                try db.execute(sql: "INSERT INTO deck (id, path, title, content_hash, synced_at) VALUES (1, 'bundled', 'Old', 'x', 0)")
                try db.execute(sql: "INSERT INTO muscle (id, deck_id, key, name, region, source_file) VALUES (7, 1, 'soleus', 'Soleus', 'Lower leg and foot', 'Decks/s.md')")
                try db.execute(sql: """
                    INSERT INTO card (id, muscle_id, item, aspect, front, back, source_line, position, content_hash, created_at)
                    VALUES (4, 7, 'origin', 'origin', 'State the origin.', 'Tibia', 3, 5, 11, 0)
                    """)
                try db.execute(sql: "INSERT INTO card_state (card_id, deck_id, muscle_id, aspect, position) VALUES (4, 1, 7, 'origin', 5)")
                try db.execute(sql: "INSERT INTO review (card_id, reviewed_at, day, grade, kind, answer_ms, repetitions, interval_days, easiness, lapses) VALUES (4, 0, \(testDay.number), 4, 0, 900, 1, 1, 250, 0)")
                try db.execute(sql: "INSERT INTO review_day (day, first_review_id) VALUES (\(testDay.number), 1)")
                #expect(throws: (any Error).self) {
                    try db.execute(sql: "INSERT INTO card (muscle_id, item, aspect, front, back, source_line, position, content_hash, created_at) VALUES (7, 'palpation', 'palpation', 'How?', 'So.', 1, 6, 0, 0)")
                }
            }
        }
        let database = try AppDatabase.open(path: path, now: testNow)
        let cards = try database.read { db in try Row.fetchAll(db, sql: "SELECT id, item, back, content_hash FROM card") }
        #expect(cards.map { "\($0["id"] as Int64) \($0["item"] as String) \($0["back"] as String) \($0["content_hash"] as Int64)" } == ["4 origin Tibia 11"])
        let log = try database.read { db in try Row.fetchAll(db, sql: "SELECT card, grade FROM review_log") }
        #expect(log.map { "\($0["card"] as String) \($0["grade"] as Int)" } == ["soleus/origin 4"])
        let foreignKeys = try database.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(foreignKeys.isEmpty)
        try database.write { db in
            try db.execute(sql: "INSERT INTO card (muscle_id, item, aspect, front, back, source_line, position, content_hash, created_at) VALUES (7, 'palpation', 'palpation', 'How?', 'So.', 1, 6, 0, 0)")
        }
    }

    /// 0007 (a reserved number, filled in after 0008 and 0011) runs on a database that has every
    /// later migration: it counts each session's answers from the review log, `user_version`
    /// still says how many migrations are applied, and undo keeps the count.
    @Test func migration0007CountsEachSessionsAnswersOnADatabaseThatHasTheLaterOnes() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("later.sqlite")
        let deck = folder.write("deck/soleus.md", "# Soleus\nOrigin: Tibia\nInsertion: Calcaneus\n")
        do {
            let old = try AppDatabase.open(path: path, now: testNow)
            _ = try DeckSync.run([.path((deck as NSString).deletingLastPathComponent)], in: old, now: testNow)
            let session = try old.startSession(at: testNow, day: testDay, mode: .study)
            let cards = try old.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM card ORDER BY id") }
            for card in cards {
                _ = try old.recordAnswer(AnswerInput(cardRowID: card, grade: .good, at: testNow, day: testDay, answerMilliseconds: 5, sessionID: session))
            }
            try old.write { db in
                try db.execute(sql: "ALTER TABLE study_session DROP COLUMN answers")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '0007_session_answers'")
            }
        }
        let database = try AppDatabase.open(path: path, now: testNow)
        #expect(try database.appliedMigrations() == Migrations.identifiers)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Migrations.identifiers.count)
        #expect(try database.read { db in try Int.fetchAll(db, sql: "SELECT answers FROM study_session") } == [2])
        #expect(try database.check().isClean)
        let last = try #require(try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM review") })
        _ = try database.undo(reviewID: last)
        #expect(try database.read { db in try Int.fetchAll(db, sql: "SELECT answers FROM study_session") } == [1])
        #expect(try database.check().isClean)
    }

    @Test func theLatestVersionOpensWithoutMigratingOrBackingUp() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("db.sqlite")
        _ = try AppDatabase.open(path: path, now: testNow)
        let database = try AppDatabase.open(path: path, now: testNow)
        #expect(try database.appliedMigrations() == Migrations.identifiers)
        #expect(!FileManager.default.fileExists(atPath: database.backupFolder))
    }

    @Test func onlyTheLastFewMigrationBackupsAreKept() throws {
        let store = try TestStore()
        for hour in 0..<5 {
            try store.database.backUpBeforeMigration(to: "0009_future", now: testNow.addingTimeInterval(Double(hour) * 3600), keep: 3)
        }
        let backups = try FileManager.default.contentsOfDirectory(atPath: store.database.backupFolder).sorted()
        #expect(backups.count == 3)
        #expect(backups.last?.contains("-before-0009_future") == true)
    }

    @Test func aDatabaseFromANewerVersionIsRefusedAndNotTouched() throws {
        let store = try TestStore()
        try store.database.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: ["0999_from_the_future"])
        }
        try store.database.writer.close()
        let before = fingerprint(of: store.path)
        #expect(throws: StoreError.newerSchema(path: store.path, unknown: ["0999_from_the_future"])) {
            _ = try AppDatabase.open(path: store.path, now: testNow)
        }
        #expect(fingerprint(of: store.path) == before)
        #expect(StoreError.newerSchema(path: "x", unknown: ["0999_from_the_future"]).description.contains("newer version of muscle"))
    }
}
