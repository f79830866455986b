import Foundation
import GRDB
import SM2
import Testing
import TestSupport
import ZIPFoundation
@testable import MuscleMemory

/// Every row of an exported collection (col, notes, cards, revlog), as text, against a golden file
/// recorded before the export was made fast: a faster writer must write the same package.
///
/// The history covers each rule of the review log: interleaved cards, a failure followed by a
/// relearning answer, answers in the same millisecond (ids made unique), an answer over a minute,
/// cram and re-drill answers (not exported), a retired card and a card that is new again.
@Suite struct AnkiExportContentTests {
    static let golden = GoldenFiles("Tests/MuscleMemoryTests/Interop/Golden")

    static let soleus = """
        # Soleus
        Region: Lower leg and foot

        ## Cards
        Q: Which nerve supplies the soleus?
        A: Tibial nerve <S1–S2> & "branches"
        Tags: calf, exam

        Q: What does the soleus do?
        A: Plantar flexes the foot
        at the ankle

        Q: Where does the soleus insert?
        A: Calcaneus, via the calcaneal tendon

        Q: A card that will be retired?
        A: Yes
        """

    static let popliteus = """
        # Popliteus
        Region: Knee :: back

        ## Cards
        Q: What does the popliteus unlock?
        A: The knee
        """

    @Test(arguments: [true, false])
    func theExportedRowsAreTheRecordedOnes(withProgress: Bool) throws {
        let store = try TestStore()
        let folder = store.folder.file("deck")
        store.folder.write("deck/soleus.md", Self.soleus)
        store.folder.write("deck/popliteus.md", Self.popliteus)
        let location = DeckLocation.path(folder)
        _ = try DeckSync.run([location], in: store.database, now: testNow.addingTimeInterval(-days(30)))
        let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM card ORDER BY id") }
        try #require(ids.count == 5)
        let start = Int64(testNow.timeIntervalSince1970 * 1000) - 20 * 86_400_000
        // (card, milliseconds after start, day offset, grade, kind, answer ms, interval, easiness, lapses)
        let history: [(Int, Int64, Int, Int, Int, Int, Int, Int, Int)] = [
            (0, 0, 0, 4, 0, 5_000, 1, 250, 0),
            (1, 0, 0, 2, 0, 90_000, 1, 230, 1),  // same millisecond as the one before
            (1, 0, 0, 5, 1, 3_000, 1, 230, 1),   // re-drill: not in the log
            (0, 86_400_000, 1, 3, 0, 4_000, 3, 236, 0),
            (1, 86_400_000, 1, 4, 0, 4_000, 1, 230, 1),  // after a failure: relearning
            (1, 86_400_001, 1, 1, 0, 61_000, 1, 210, 2),
            (4, 86_400_002, 1, 4, 0, 2_000, 1, 250, 0),  // the card retired later
            (2, 172_800_000, 2, 0, 2, 2_000, 1, 250, 0), // cram: not in the log
            (3, 172_800_000, 2, 5, 0, 1_500, 1, 260, 0), // reviewed, then forgotten (new again)
            (1, 259_200_000, 3, 5, 0, 7_000, 6, 220, 2),
            (0, 345_600_000, 4, 4, 0, 6_000, 8, 236, 0),
        ]
        try store.database.write { db in
            for (card, at, day, grade, kind, answer, interval, easiness, lapses) in history {
                let values: [DatabaseValueConvertible?] = kind == 0 ? [1, interval, easiness, lapses] : [nil, nil, nil, nil]
                try db.execute(sql: """
                    INSERT INTO review (card_id, reviewed_at, day, grade, kind, answer_ms, repetitions, interval_days, easiness, lapses)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments([ids[card], start + at, testDay.number - 20 + day, grade, kind, answer] + values))
            }
            let states: [(Int, Int, Int, Int, Int?, Int)] = [(0, 3, 8, 236, testDay.number + 2, 0), (1, 2, 6, 220, testDay.number - 1, 2),
                                                             (4, 1, 1, 250, testDay.number, 0), (3, 0, 0, 250, nil, 0)]
            for (card, repetitions, interval, easiness, due, lapses) in states {
                try db.execute(sql: "UPDATE card_state SET repetitions = ?, interval_days = ?, easiness = ?, due_day = ?, lapses = ? WHERE card_id = ?",
                               arguments: [repetitions, interval, easiness, due, lapses, ids[card]])
            }
        }
        store.folder.write("deck/soleus.md", Self.soleus.components(separatedBy: "\n\nQ: A card that will be retired?")[0] + "\n")
        _ = try DeckSync.run([location], in: store.database, now: testNow.addingTimeInterval(-days(1)))
        let decks = try store.database.deckIDs(for: [location])
        let text = try Self.exportedRows(store, decks: decks, withProgress: withProgress)
        Self.golden.expectMatch(text, withProgress ? "anki-export-progress.txt" : "anki-export.txt")
    }

    /// The package of these decks' cards, written as `muscle export --anki` does, and its
    /// collection file, unzipped.
    static func export(_ store: TestStore, decks: [Int64], withProgress: Bool) throws -> (package: AnkiPackage, collection: String) {
        let cards = try store.database.ankiExportCards(decks: decks)
        let apkg = store.folder.file("export.apkg")
        let package = try AnkiPackageWriter.write(cards: cards, reviews: withProgress ? { try store.database.forEachAnkiExportReview(of: cards, $0) } : nil,
                                                  now: testNow, today: testDay, rolloverHour: 4,
                                                  dayStart: { Int64(utcCalendar.start(of: $0).timeIntervalSince1970) },
                                                  to: apkg, scratch: store.folder.file("")).get()
        let archive = try Archive(url: URL(fileURLWithPath: apkg), accessMode: .read)
        #expect(archive.map(\.path).sorted() == ["collection.anki2", "media"])
        var media = Data()
        _ = try archive.extract(try #require(archive["media"])) { media.append($0) }
        #expect(String(decoding: media, as: UTF8.self) == "{}")
        var collection = Data()
        _ = try archive.extract(try #require(archive["collection.anki2"])) { collection.append($0) }
        return (package, store.folder.write("exported.anki2", bytes: [UInt8](collection)))
    }

    /// The package's collection, every row of its tables in id order, one line each.
    static func exportedRows(_ store: TestStore, decks: [Int64], withProgress: Bool) throws -> String {
        let queue = try DatabaseQueue(path: try export(store, decks: decks, withProgress: withProgress).collection)
        return try queue.read { db in
            var lines: [String] = []
            for table in ["col", "notes", "cards", "revlog", "graves"] {
                lines.append("== \(table)")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") {
                    lines.append(row.columnNames.map { name in "\(name)=\(row[name] as DatabaseValue)" }.joined(separator: " | "))
                }
            }
            lines.append("== schema")
            lines += try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master ORDER BY type, name")
            // The Source field names the deck file by its path: the test's own temporary folder.
            return lines.joined(separator: "\n").replacingOccurrences(of: store.folder.file("deck"), with: "DECKS") + "\n"
        }
    }
}
