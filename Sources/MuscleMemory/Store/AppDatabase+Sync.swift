import Foundation
import GRDB

extension AppDatabase {
    /// Brings the database in line with the decks, in one transaction: new cards are added (new,
    /// unscheduled), changed cards keep their ID, state and history with the new text, cards that
    /// left their deck are retired (hidden, history kept) and come back with their history when
    /// they return. A deck with lint errors refuses the whole sync and nothing changes. A deck
    /// whose files did not change since the last sync is recognised from their sizes and times
    /// (folders) or its content hash (bundled) without being parsed.
    public func sync(_ locations: [DeckLocation], now: Date) throws(StoreError) -> SyncReport {
        var report = SyncReport()
        let stored = try read { db in
            try Row.fetchAll(db, sql: "SELECT path, content_hash, stat_signature FROM deck").reduce(into: [String: (String, String)]()) {
                $0[$1["path"]] = ($1["content_hash"], $1["stat_signature"])
            }
        }
        var work: [(key: String, signature: String, deck: CompiledDeck?)] = []
        for location in locations {
            let key = location.storageKey
            let known = stored[key]
            switch location {
            case .bundled:
                let hash = Self.bundledContentHash
                if known?.0 == hash {
                    report.decks.append(.init(deck: location.description, title: "", unchanged: true))
                    continue
                }
                work.append((key, "", DeckCompiler.compile(.bundled)))
            case .path:
                let signature = DeckLoader.statSignature(location) ?? ""
                if let known, !signature.isEmpty, known.1 == signature {
                    report.decks.append(.init(deck: location.description, title: "", unchanged: true))
                    continue
                }
                work.append((key, signature, DeckCompiler.compile(location, displayPrefix: key)))
            }
        }
        let compiled = work.compactMap(\.deck)
        report.refusedBecause = compiled.flatMap(\.diagnostics).filter { $0.severity == .error }
        report.warnings = compiled.flatMap(\.diagnostics).filter { $0.severity == .warning }
        if report.wasRefused { return report }
        if work.isEmpty { return report }

        let cardCount = compiled.reduce(0) { $0 + $1.cards.count }
        let changes = try write { db in
            // A large sync writes more pages than the page cache holds, and SQLite would spill
            // them to the log mid-transaction and read them back; a cache sized to the work keeps
            // them in memory until the commit (100,000 cards: 64 MiB).
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            let wanted = -min(64 * 1024, max(2 * 1024, cardCount * 64 / 100))
            if wanted < cache { try db.execute(sql: "PRAGMA cache_size = \(wanted)") }  // ok: an integer, not input
            defer { if wanted < cache { try? db.execute(sql: "PRAGMA cache_size = \(cache)") } }  // ok: an integer, not input
            return try work.map { item in
                guard let deck = item.deck else { throw StoreError.other(path: path, detail: "internal: missing deck") }
                return try Self.apply(deck, key: item.key, signature: item.signature, now: now.milliseconds, db: db)
            }
        }
        report.decks += changes
        return report
    }

    /// The bundled decks' content hash, computed once per process.
    static let bundledContentHash: String = DeckLoader.load(.bundled).contentHash

    private struct ExistingCard {
        var id: Int64
        var muscleKey: String
        var item: String
        var aspect: String
        var front: String
        var fingerprint: Int64
        var retired: Bool
        var position: Int
        var line: Int
        var muscleID: Int64
        var sourceFile: String
    }

    private static func apply(_ deck: CompiledDeck, key: String, signature: String, now: Int64, db: Database) throws -> SyncReport.DeckChange {
        var change = SyncReport.DeckChange(deck: deck.location.description, title: deck.info.title, unchanged: false)
        let existingDeck = try Row.fetchOne(db, sql: "SELECT id, content_hash FROM deck WHERE path = ?", arguments: [key])
        if let existingDeck, existingDeck["content_hash"] as String == deck.contentHash {
            try db.execute(sql: "UPDATE deck SET stat_signature = ?, synced_at = ? WHERE id = ?", arguments: [signature, now, existingDeck["id"] as Int64])
            change.unchanged = true
            return change
        }
        let deckID: Int64
        if let existingDeck {
            deckID = existingDeck["id"]
            try db.execute(sql: """
                UPDATE deck SET title = ?, author = ?, description = ?, content_hash = ?, stat_signature = ?, synced_at = ?
                WHERE id = ?
                """, arguments: [deck.info.title, deck.info.author, deck.info.description, deck.contentHash, signature, now, deckID])
        } else {
            try db.execute(sql: """
                INSERT INTO deck (path, title, author, description, content_hash, stat_signature, synced_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [key, deck.info.title, deck.info.author, deck.info.description, deck.contentHash, signature, now])
            deckID = db.lastInsertedRowID
        }

        // Muscles, by key.
        var muscleIDs: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, key, name, region, source_file FROM muscle WHERE deck_id = ?", arguments: [deckID]) {
            muscleIDs[row["key"]] = row["id"]
        }
        for muscle in deck.muscles where !muscle.name.isEmpty {
            let file = muscle.location.file
            if let id = muscleIDs[muscle.key] {
                try db.execute(sql: "UPDATE muscle SET name = ?, region = ?, source_file = ? WHERE id = ? AND (name, region, source_file) IS NOT (?, ?, ?)",
                               arguments: [muscle.name, muscle.region, file, id, muscle.name, muscle.region, file])
            } else {
                try db.execute(sql: "INSERT INTO muscle (deck_id, key, name, region, source_file) VALUES (?, ?, ?, ?, ?)",
                               arguments: [deckID, muscle.key, muscle.name, muscle.region, file])
                muscleIDs[muscle.key] = db.lastInsertedRowID
            }
        }

        // Cards already known, by full ID.
        var existing: [CardID: ExistingCard] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.id, m.key AS muscle_key, c.item, c.aspect, c.front, c.content_hash, c.retired_at, c.position, c.source_line, c.muscle_id, m.source_file
            FROM card c JOIN muscle m ON m.id = c.muscle_id WHERE m.deck_id = ?
            """, arguments: [deckID])
        while let row = try rows.next() {
            let card = ExistingCard(id: row["id"], muscleKey: row["muscle_key"], item: row["item"], aspect: row["aspect"], front: row["front"],
                                    fingerprint: row["content_hash"], retired: row["retired_at"] as Int64? != nil,
                                    position: row["position"], line: row["source_line"], muscleID: row["muscle_id"], sourceFile: row["source_file"])
            existing[CardID(muscleKey: card.muscleKey, item: card.item)] = card
        }

        // Match generated cards to known ones.
        var added: [(position: Int, card: Card)] = []
        var seen = Set<CardID>()
        let update = try db.cachedStatement(sql: """
            UPDATE card SET muscle_id = ?, aspect = ?, tags = ?, front = ?, back = ?, source_line = ?, position = ?, content_hash = ?, retired_at = NULL
            WHERE id = ?
            """)
        let activate = try db.cachedStatement(sql: "UPDATE card_state SET active = 1, deck_id = ? WHERE card_id = ?")
        let copyOrder = try db.cachedStatement(sql: "UPDATE card_state SET muscle_id = ?, aspect = ?, position = ? WHERE card_id = ?")
        for (position, card) in deck.cards.enumerated() {
            seen.insert(card.id)
            guard let old = existing[card.id], let muscleID = muscleIDs[card.muscleKey] else {
                added.append((position, card))
                continue
            }
            let edited = old.fingerprint != card.contentFingerprint
            if edited || old.retired || old.position != position || old.line != card.source.line || old.muscleID != muscleID {
                try update.execute(arguments: [muscleID, card.aspect.rawValue, tagText(card.tags), card.front, card.back, card.source.line, position, card.contentFingerprint, old.id])
                try copyOrder.execute(arguments: [muscleID, card.aspect.rawValue, position, old.id])
            }
            if old.retired {
                try activate.execute(arguments: [deckID, old.id])
                change.restored += 1
            } else if edited {
                change.updated += 1
            }
        }
        var retired = existing.values.filter { !$0.retired && !seen.contains(CardID(muscleKey: $0.muscleKey, item: $0.item)) }

        // A card that left and a card that arrived, in the same muscle and aspect, with nearly the
        // same question: the same card with a typo fixed. It keeps its history under the new ID.
        var renamedPositions = Set<Int>()
        for arrival in added where !retired.isEmpty {
            let group = { (muscleKey: String, aspect: String) in muscleKey == arrival.card.muscleKey && aspect == arrival.card.aspect.rawValue }
            let candidates = retired.enumerated().filter { group($0.element.muscleKey, $0.element.aspect) }
            guard let pick = closest(arrival.card.front, among: candidates.map(\.element.front)) else { continue }
            let (offset, match) = (candidates[pick].offset, candidates[pick].element)
            // The pairing must be mutual: no other arrival is as close to the retired card.
            let arrivals = added.filter { group($0.card.muscleKey, $0.card.aspect.rawValue) }
            guard let back = closest(match.front, among: arrivals.map(\.card.front)), arrivals[back].card.id == arrival.card.id else { continue }
            guard let muscleID = muscleIDs[arrival.card.muscleKey] else { continue }
            try db.execute(sql: """
                UPDATE card SET item = ?, muscle_id = ?, aspect = ?, tags = ?, front = ?, back = ?, source_line = ?, position = ?, content_hash = ?, retired_at = NULL
                WHERE id = ?
                """, arguments: [arrival.card.item, muscleID, arrival.card.aspect.rawValue, tagText(arrival.card.tags), arrival.card.front, arrival.card.back,
                                 arrival.card.source.line, arrival.position, arrival.card.contentFingerprint, match.id])
            try copyOrder.execute(arguments: [muscleID, arrival.card.aspect.rawValue, arrival.position, match.id])
            try activate.execute(arguments: [deckID, match.id])
            retired.remove(at: offset)
            renamedPositions.insert(arrival.position)
            change.renamed += 1
        }

        let insertCard = try db.cachedStatement(sql: """
            INSERT INTO card (muscle_id, item, aspect, tags, front, back, source_line, position, content_hash, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertState = try db.cachedStatement(sql: "INSERT INTO card_state (card_id, deck_id, muscle_id, aspect, position) VALUES (?, ?, ?, ?, ?)")
        var addedFiles = Set<String>()
        for (position, card) in added where !renamedPositions.contains(position) {
            guard let muscleID = muscleIDs[card.muscleKey] else { continue }
            try insertCard.execute(arguments: [muscleID, card.item, card.aspect.rawValue, tagText(card.tags), card.front, card.back,
                                               card.source.line, position, card.contentFingerprint, now])
            try insertState.execute(arguments: [db.lastInsertedRowID, deckID, muscleID, card.aspect.rawValue, position])
            change.added += 1
            addedFiles.insert(card.source.file)
        }
        let retire = try db.cachedStatement(sql: "UPDATE card SET retired_at = ? WHERE id = ?")
        let deactivate = try db.cachedStatement(sql: "UPDATE card_state SET active = 0 WHERE card_id = ?")
        var retiredFiles = Set<String>()
        for card in retired {
            try retire.execute(arguments: [now, card.id])
            try deactivate.execute(arguments: [card.id])
            change.retired += 1
            retiredFiles.insert(card.sourceFile)
        }
        change.filesWithRetiredAndAdded = retiredFiles.intersection(addedFiles).sorted()
        return change
    }

    /// Tags as stored: ",calf,exam," so that `LIKE '%,calf,%'` finds one tag exactly.
    static func tagText(_ tags: [String]) -> String {
        tags.isEmpty ? "" : "," + tags.joined(separator: ",") + ","
    }

    /// The index of the candidate text closest to `text`, if it is close enough (at most a fifth of
    /// the characters differ) to be the same question reworded, and no other is as close.
    private static func closest(_ text: String, among candidates: [String]) -> Int? {
        var best: (index: Int, distance: Int)?
        var tie = false
        for (index, candidate) in candidates.enumerated() {
            let limit = max(2, max(text.count, candidate.count) / 5)
            guard abs(text.count - candidate.count) <= limit else { continue }
            let distance = editDistance(text, candidate)
            guard distance <= limit else { continue }
            if let current = best {
                if distance < current.distance { best = (index, distance); tie = false }
                else if distance == current.distance { tie = true }
            } else {
                best = (index, distance)
            }
        }
        return tie ? nil : best?.index
    }
}
