import Foundation
import GRDB
import SM2
import Testing
import TestSupport
import ZIPFoundation
@testable import MuscleMemory

@Suite struct AnkiPackageTests {
    @Test func sha1AndAnkisChecksum() {
        let hex = SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // The standard's other vectors: the empty message, and 56 bytes (the padding takes a second block).
        func digest(_ text: String) -> String { SHA1.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        #expect(digest("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(digest(String(repeating: "a", count: 1000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        #expect(AnkiPackage.checksum("test") == 2_840_236_005)  // Anki's own field_checksum test
    }

    @Test(arguments: [(0, 1), (1, 1), (2, 1), (3, 2), (4, 3), (5, 4)])
    func gradesMapToAnkisButtons(grade: Int, ease: Int) {
        #expect(AnkiPackage.ease(grade: grade) == ease)
    }

    @Test func guidsAreStableAndValidIDs() {
        let guid = AnkiPackage.guid(firstID: "gastrocnemius/origin")
        #expect(guid == AnkiPackage.guid(firstID: "gastrocnemius/origin"))
        #expect(guid != AnkiPackage.guid(firstID: "gastrocnemius/insertion"))
        #expect(guid.count == 19 && DeckLinter.isValidID(guid))
    }

    /// The bundled curriculum, exported with progress: the zip holds collection.anki2 and media,
    /// and the SQLite file is a schema-11 collection whose rows are the cards.
    @Test func theExportedCollectionHoldsEveryCard() throws {
        let store = try TestStore()
        _ = try DeckSync.run([.bundled], in: store.database, now: testNow)
        let decks = try store.database.deckIDs(for: [.bundled])
        // One card reviewed, as a study session records it.
        let rowID = try #require(try store.rowID(of: "gastrocnemius/origin"))
        try store.database.write { db in
            try db.execute(sql: "INSERT INTO review (card_id, reviewed_at, day, grade, kind, answer_ms, repetitions, interval_days, easiness, lapses) VALUES (?, ?, ?, 4, 0, 90000, 1, 1, 250, 0)",
                           arguments: [rowID, testNow.timeIntervalSince1970 * 1000 - 86_400_000, testDay.number - 1])
            try db.execute(sql: "UPDATE card_state SET repetitions = 1, interval_days = 1, due_day = ?, last_review_day = ?, easiness = 236, lapses = 1 WHERE card_id = ?",
                           arguments: [testDay.number, testDay.number - 1, rowID])
        }
        let (package, path) = try AnkiExportContentTests.export(store, decks: decks, withProgress: true)
        let cards = package.notes
        #expect(package.reviewCount == 1)
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT ver FROM col") == 11)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM notes") == cards.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM cards") == cards.count)
            let models = try String.fetchOne(db, sql: "SELECT models FROM col") ?? ""
            #expect(models.contains("\"\(AnkiPackage.noteTypeID)\"") && models.contains("\"CardID\""))
            let note = try #require(try Row.fetchOne(db, sql: "SELECT n.guid, n.flds, n.tags, n.csum, c.type, c.ivl, c.factor, c.reps, c.lapses, c.due FROM notes n JOIN cards c ON c.nid = n.id WHERE n.guid = ?",
                                                     arguments: [AnkiPackage.guid(firstID: "gastrocnemius/origin")]))
            let fields = (note["flds"] as String).components(separatedBy: "\u{1F}")
            #expect(fields.count == 7 && fields[0] == "State the origin of the gastrocnemius." && fields[6] == "gastrocnemius/origin")
            #expect((note["tags"] as String).contains(" muscle::gastrocnemius ") && (note["tags"] as String).contains(" aspect::origin "))
            #expect(note["csum"] as Int64 == AnkiPackage.checksum(fields[0]))
            #expect([note["type"], note["ivl"], note["factor"], note["reps"], note["lapses"]] as [Int] == [2, 1, 2360, 1, 1])
            let crt = try Int64.fetchOne(db, sql: "SELECT crt FROM col") ?? 0
            #expect(note["due"] as Int == testDay.number - Int(utcCalendar.day(at: Date(timeIntervalSince1970: Double(crt))).number))
            let revlog = try #require(try Row.fetchOne(db, sql: "SELECT ease, ivl, factor, time, type FROM revlog"))
            #expect([revlog["ease"], revlog["ivl"], revlog["factor"], revlog["time"], revlog["type"]] as [Int] == [3, 1, 2500, 60000, 0])
            let decks = try String.fetchOne(db, sql: "SELECT decks FROM col") ?? ""
            #expect(decks.contains("MuscleMemory::Lower leg and foot::Gastrocnemius"))
        }
    }

    /// A reworded card keeps its first ID (its note's GUID); changed_at moves only when the text changes.
    @Test func syncKeepsTheFirstIDAndWhenTheTextChanged() throws {
        let store = try TestStore()
        let muscle = "# Soleus\nRegion: Lower leg and foot\n\n## Cards\nQ: Which nerve suplies the soleus?\nA: Tibial\n"
        let deck = store.deck(muscle)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        _ = store.deck(muscle.replacingOccurrences(of: "suplies", with: "supplies"))
        _ = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(days(1)))
        let decks = try store.database.deckIDs(for: [deck])
        let cards = try store.database.ankiExportCards(decks: decks)
        let card = try #require(cards.first)
        #expect(card.id.rawValue.contains("supplies") && card.firstID.contains("suplies"))
        #expect(card.changedAt == Int64(testNow.addingTimeInterval(days(1)).timeIntervalSince1970 * 1000))
        _ = store.deck(muscle.replacingOccurrences(of: "suplies", with: "supplies") + "\n")  // moved only
        _ = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(days(2)))
        #expect(try store.database.ankiExportCards(decks: decks).first?.changedAt == card.changedAt)
    }
}

@Suite struct AnkiTextImportTests {
    let known = [AnkiTextImport.KnownMuscle(name: "Soleus", names: ["soleus"], region: "Lower leg and foot", file: "leg-foot/soleus.md")]

    @Test func basicNotesBecomeCardsInTheirMusclesFile() throws {
        let text = """
            #separator:tab
            #html:true
            #guid column:1
            #notetype column:2
            #deck column:3
            #tags column:6
            m>+R~)<;r^\tBasic\tAnatomy::Lower limb\tOrigin of <b>soleus</b>?\tSoleal line of the tibia;<br>posterior fibular head\tcalf origin
            abc-1\tBasic\tAnatomy::Misc\tWhat is &quot;fascia&quot;?\tConnective tissue <img src="x.png">\t

            """
        let plan = try AnkiTextImport.plan(text, known: known).get()
        #expect(plan.notes == 2 && plan.cards == 2)
        #expect(plan.files.map(\.path) == ["leg-foot/soleus.md", "misc.md"])
        #expect(plan.files[0].text == """
            # Soleus
            Region: Lower leg and foot

            ## Cards
            Q: Origin of soleus?
            A: Soleal line of the tibia;
               posterior fibular head
            Id: anki-6d3e2b527e293c3b725e
            Tags: calf, origin


            """)
        #expect(plan.files[1].text.contains("Q: What is \"fascia\"?\nA: Connective tissue\nId: abc-1\n"))
        #expect(plan.losses.map(\.what).contains("an image") && plan.losses.map(\.what).contains("formatting"))
    }

    @Test func eachClozeDeletionIsACard() throws {
        let text = "#separator:tab\n#html:true\n#notetype column:1\nCloze\t\"The {{c1::tibial}} nerve supplies the {{c2::soleus::muscle}}\"\tS1, S2\n"
        let plan = try AnkiTextImport.plan(text, known: known).get()
        #expect(plan.cards == 2)
        let file = try #require(plan.files.first)
        #expect(file.path == "leg-foot/soleus.md")
        #expect(file.text.contains("Q: The [...] nerve supplies the soleus\nA: The tibial nerve supplies the soleus\n   S1, S2\n"))
        #expect(file.text.contains("Q: The tibial nerve supplies the [muscle]\n"))
    }

    @Test(arguments: [
        ("Front\tBack\n", 1, "no #separator: or #html: header"),
        ("#separator:tab\n#colour:red\n", 2, "'#colour' is not a header"),
        ("#separator:tab\nQ\t\"open\n", 2, "a quoted field is not closed"),
        ("#separator:tab\n#html:false\nonly one field\n", 3, "a note with one field"),
    ])
    func notAnExportNamesTheLine(text: String, line: Int, message: String) {
        guard case .failure(let failure) = AnkiTextImport.plan(text, known: known) else {
            Issue.record("accepted: \(text)")
            return
        }
        #expect(failure.line == line)
        #expect(failure.message.contains(message), "\(failure.message)")
    }

    @Test func otherSeparatorsAndPlainText() throws {
        let plan = try AnkiTextImport.plan("#separator:semicolon\n#html:false\nWhat does the soleus do?;Plantarflexes <the> ankle\n", known: known).get()
        #expect(plan.files.first?.text.contains("Q: What does the soleus do?\nA: Plantarflexes <the> ankle\n") == true)
    }

    /// What the import writes lints without errors.
    @Test func theResultLintsWithoutErrors() throws {
        let text = "#separator:tab\n#html:true\n#guid column:1\n#deck column:2\nQx9!\tAnki::Soleus\tWhere is the <i>soleus</i>?\tDeep to the gastrocnemius\nzz\tAnki::Other deck\tA question?\tAn answer\n"
        let plan = try AnkiTextImport.plan(text, known: known).get()
        let folder = TemporaryDirectory("import")
        for file in plan.files { _ = folder.write("deck/" + file.path, file.text) }
        let deck = DeckCompiler.compile(.path(folder.file("deck")))
        #expect(!deck.diagnostics.hasErrors, "\(deck.diagnostics)")
        #expect(deck.cards.count == 2)
    }
}
