import Foundation
import GRDB
import GRDBSQLite
import SM2

/// Writes an `AnkiPackage` as the plain `.apkg` layout every Anki since 2.1.50 and AnkiDroid read:
/// a zip of a schema-11 SQLite `collection.anki2` and a `media` map (`{}`: decks have no media).
/// No `meta` entry, so no zstd and no protobuf are needed (Docs/ANKI.md).
public enum AnkiPackageWriter {
    public enum Failure: Error, Sendable, Equatable {
        case write(FileSystem.WriteFailure)
        case build(String)
    }

    /// Where the cards' answers come from, when the export has progress: a function that calls its
    /// argument with each first answer of a day, oldest first, and the card's position in the
    /// cards (`AppDatabase.forEachAnkiExportReview`).
    public typealias Reviews = ((Int, AnkiExportReview) throws -> Void) throws -> Void

    /// Writes the package of these cards to `path`, whole or not at all (a temporary file beside
    /// it, renamed over it), and returns what it holds. `scratch` is a folder for the SQLite file
    /// while it is built. See `AnkiPackage.make` for `now`, `today` and `dayStart`.
    public static func write(cards: [AnkiExportCard], reviews: Reviews?, now: Date, today: Day, rolloverHour: Int,
                             dayStart: (Day) -> Int64, to path: String, scratch: String) -> Result<AnkiPackage, Failure> {
        let collection = scratch + "/collection-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).anki2"
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(collection + suffix) }
        }
        let package: AnkiPackage
        let early: AnkiZip.EarlySlices
        do {
            (package, early) = try buildCollection(cards: cards, reviews: reviews, now: now, today: today, rolloverHour: rolloverHour,
                                                   dayStart: dayStart, at: collection)
        } catch {
            return .failure(.build(String(describing: error)))
        }
        // Stopped however this ends (a refused path never zips), before the file is removed.
        defer { _ = early.finish() }
        do {
            // Zipped from the file in chunks straight into the temporary file beside `path`: the
            // collection is never held in memory whole (140 MB at 100,000 cards), nor is the zip.
            return try FileSystem.replace(path) { temporary in try zip(collection: collection, early: early, to: temporary, modified: now) }
                .map { package }.mapError { .write($0) }
        } catch {
            return .failure(.build(String(describing: error)))
        }
    }

    /// The `.apkg` layout: the collection, deflated, and the media map.
    static func zip(collection: String, early: AnkiZip.EarlySlices? = nil, to path: String, modified: Date) throws {
        try AnkiZip.write([AnkiZip.Entry(name: "collection.anki2", file: collection, deflate: true, early: early),
                           AnkiZip.Entry(name: "media", file: nil, bytes: Array("{}".utf8), deflate: false)],
                          to: path, modified: modified)
    }

    /// The schema-11 collection (the tables Anki's own legacy exporter and genanki write). The review
    /// log is written as it is read (read on another thread: `AnkiReviewPipe`); the indexes are made after the rows (one sort each instead
    /// of 1.4 million ordered inserts). Meanwhile the finished part of the file is deflated (the
    /// slices returned). See `indexes` for the ones left out.
    static func buildCollection(cards: [AnkiExportCard], reviews: Reviews?, now: Date, today: Day, rolloverHour: Int,
                                dayStart: (Day) -> Int64, at path: String) throws -> (AnkiPackage, AnkiZip.EarlySlices) {
        var configuration = Configuration()
        configuration.journalMode = .default
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            // A throwaway file until it is zipped: no journal, no flushes. The page cache and
            // temporary store stay SQLite's defaults: the index builds' sorts of 1.4 million keys
            // were 1.5 to 2.5 times slower with a 32 MB cache or temporary data in memory (one
            // large in-memory sort instead of small sorted runs merged). Pages of 16 KiB, set
            // before the first table: a quarter of the pages to split and link as 1.5 million rows
            // go in, and the index over the review log is built from fewer, fuller pages (at
            // 100,000 cards 0.15 s less than SQLite's 4 KiB; 8 KiB was as fast, 64 KiB slower).
            // Anki reads any page size: it sets its 4 KiB only on the files it creates.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = \(pageSize)")
        }
        var logged: (notes: AnkiPackage.Notes, log: AnkiReviewLog?)?
        try queue.inTransaction { db in
            try db.execute(sql: tables)
            // The notes are made on another core while the review log is read and written: they
            // need no answer, and the log's writer, one SQLite connection, is the longest path.
            let (notes, log) = try Alongside.run({ AnkiPackage.notes(cards: cards, now: now) }) { () throws -> AnkiReviewLog? in
                guard let reviews else { return nil }
                var current = AnkiReviewLog(cards: cards, firstNoteID: AnkiPackage.firstNoteID(now: now, count: cards.count))
                // Rows go in `revlogRowsPerInsert` at a time (one statement's step and reset for
                // many rows), the last few one by one; the table holds the same rows either way.
                let many = try BulkInsert(db, sql: "INSERT INTO revlog VALUES "
                    + repeatElement("(?, ?, -1, ?, ?, ?, ?, ?, ?)", count: revlogRowsPerInsert).joined(separator: ", "))
                let one = try BulkInsert(db, sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")
                var pending: [AnkiPackage.Review] = []
                pending.reserveCapacity(revlogRowsPerInsert)
                try AnkiReviewPipe.run(reviews) { index, answer in
                    guard let r = current.add(card: index, answer) else { return }
                    pending.append(r)
                    if pending.count == revlogRowsPerInsert {
                        for (row, review) in pending.enumerated() { bind(review, to: many, at: Int32(row * 8)) }
                        try many.insert()
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                for review in pending {
                    bind(review, to: one, at: 0)
                    try one.insert()
                }
                return current
            }
            logged = (notes, log)
            return .commit
        }
        guard let logged else { throw CocoaError(.fileWriteUnknown) }
        // What is committed is in the file (no journal): its slices are deflated on the other core
        // from here on, the review log's while the notes and cards go in, the rest's while the
        // indexes are built, each checked again before it is used (`AnkiZip.EarlySlices`).
        let early = AnkiZip.EarlySlices(file: path)
        do {
            let package = try write(cards: cards, logged: logged, now: now, today: today, rolloverHour: rolloverHour, dayStart: dayStart,
                                    into: queue)
            early.extend()
            try queue.inTransaction { db in
                try db.execute(sql: indexes)
                return .commit
            }
            try queue.close()
            return (package, early)
        } catch {
            _ = early.finish()
            throw error
        }
    }

    /// The collection row, the notes and the cards, in one transaction.
    private static func write(cards: [AnkiExportCard], logged: (notes: AnkiPackage.Notes, log: AnkiReviewLog?), now: Date, today: Day,
                              rolloverHour: Int, dayStart: (Day) -> Int64, into queue: DatabaseQueue) throws -> AnkiPackage {
        let package = AnkiPackage.make(cards: cards, notes: logged.notes, log: logged.log, now: now, today: today, rolloverHour: rolloverHour,
                                       dayStart: dayStart)
        try queue.inTransaction { db in
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [package.created, package.modified * 1000, package.modified * 1000, try conf(package), try models(package),
                            try decks(package), try deckConfigs()])
            let note = try BulkInsert(db, sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')")
            for n in package.notes {
                note.bind(1, n.id)
                note.bind(2, n.guid)
                note.bind(3, AnkiPackage.noteTypeID)
                note.bind(4, n.modified)
                note.bind(5, n.tags)
                note.bind(6, n.fields.joined(separator: "\u{1F}"))
                note.bind(7, n.sortField)
                note.bind(8, n.checksum)
                try note.insert()
            }
            let card = try BulkInsert(db, sql: "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '')")
            for c in package.cards {
                card.bind(1, c.id)
                card.bind(2, c.noteID)
                card.bind(3, c.deckID)
                card.bind(4, c.modified)
                card.bind(5, c.type)
                card.bind(6, c.queue)
                card.bind(7, c.due)
                card.bind(8, c.interval)
                card.bind(9, c.factor)
                card.bind(10, c.repetitions)
                card.bind(11, c.lapses)
                try card.insert()
            }
            return .commit
        }
        return package
    }

    /// The collection's page size in bytes (see `buildCollection`).
    static let pageSize = 16384

    /// Review-log rows per INSERT (8 values each, well under SQLite's 32,766 parameters).
    static let revlogRowsPerInsert = 64

    /// Binds a review-log row's eight values to `statement` from parameter `offset + 1` on.
    private static func bind(_ r: AnkiPackage.Review, to statement: BulkInsert, at offset: Int32) {
        statement.bind(offset + 1, r.id)
        statement.bind(offset + 2, r.cardID)
        statement.bind(offset + 3, r.ease)
        statement.bind(offset + 4, r.interval)
        statement.bind(offset + 5, r.lastInterval)
        statement.bind(offset + 6, r.factor)
        statement.bind(offset + 7, r.timeMS)
        statement.bind(offset + 8, r.type)
    }

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    static func conf(_ package: AnkiPackage) throws -> String {
        try json(["schedVer": 2, "rollover": package.rolloverHour, "nextPos": package.cards.count + 1,
                  "curDeck": package.decks.first?.id ?? 1, "curModel": AnkiPackage.noteTypeID, "activeDecks": [1],
                  "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true,
                  "sortType": "noteFld", "sortBackwards": false, "addToCur": true] as [String: Any])
    }

    static func models(_ package: AnkiPackage) throws -> String {
        let fields: [[String: Any]] = AnkiPackage.fieldNames.enumerated().map { index, name in
            ["name": name, "ord": index, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": [] as [String],
             "id": AnkiPackage.fieldIDs[index]]
        }
        let template: [String: Any] = [
            "name": "Card", "ord": 0, "qfmt": AnkiPackage.questionTemplate, "afmt": AnkiPackage.answerTemplate,
            "bqfmt": "", "bafmt": "", "did": NSNull(), "bfont": "", "bsize": 0, "id": AnkiPackage.templateID,
        ]
        let model: [String: Any] = [
            "id": AnkiPackage.noteTypeID, "name": AnkiPackage.noteTypeName, "type": 0, "mod": 1_764_547_200, "usn": -1,
            "sortf": 0, "did": package.decks.first?.id ?? 1, "tmpls": [template], "flds": fields, "css": AnkiPackage.css,
            "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}", "latexsvg": false, "req": [[0, "any", [0]]], "tags": [] as [String], "vers": [] as [Int],
        ]
        return try json([String(AnkiPackage.noteTypeID): model])
    }

    static func decks(_ package: AnkiPackage) throws -> String {
        var all: [String: Any] = [:]
        func deck(_ id: Int64, _ name: String) -> [String: Any] {
            ["id": id, "name": name, "mod": package.modified, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0],
             "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false, "dyn": 0, "conf": 1, "desc": "",
             "extendNew": 0, "extendRev": 0]
        }
        all["1"] = deck(1, "Default")
        for d in package.decks { all[String(d.id)] = deck(d.id, d.name) }
        return try json(all)
    }

    static func deckConfigs() throws -> String {
        try json(["1": [
            "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
            "new": ["bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20],
            "rev": ["bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2],
            "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0],
        ] as [String: Any]])
    }

    static let tables = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
            dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
            dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
            tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
            usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL,
            factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
            odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
            lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        """

    /// Schema 11's indexes but its three on `usn` (`ix_notes_usn`, `ix_cards_usn`, `ix_revlog_usn`).
    /// Those serve only a sync's search for rows not yet sent, and a package is never synced: Anki's
    /// importer (rslib `import_export/package/apkg/import`) reads the package's rows by search,
    /// never by usn, and copies them into its own collection, whose indexes are its own. At
    /// 100,000 cards they were a third of the export's index time (0.3 s; `ix_revlog_usn` alone
    /// sorts 1.4 million keys) and 21 MB of the file to deflate. `ix_revlog_cid` stays although it
    /// is the costliest: Anki's legacy importer (pylib `importing/anki2.py`, in Anki until 2026 and
    /// what its older versions use) reads a card's review log by `cid`, once per card, and
    /// without the index each of those 100,000 reads would scan the whole log.
    static let indexes = """
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """
}
