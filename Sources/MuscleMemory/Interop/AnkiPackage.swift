import Foundation
import SM2

/// What an `.apkg` holds, decided from the exported cards alone: the collection row, the notes,
/// cards and review log, as values. No SQL, no files (`AnkiPackageWriter` writes them).
///
/// The layout and the importer's rules are in Docs/ANKI.md. The note type's id, its fields and
/// templates are constants that must never change: Anki matches note types by id and notes by
/// GUID, and a note type whose fields differ from the one it already has makes every note of a
/// later export "conflicting" instead of updated.
public struct AnkiPackage: Sendable, Equatable {
    public struct Note: Sendable, Equatable {
        public var id: Int64
        public var guid: String
        /// Unix seconds: when the card's text last changed (Anki updates a note only from a newer one).
        public var modified: Int64
        /// " muscle::gastrocnemius aspect::origin region::lower-leg-and-foot "
        public var tags: String
        public var fields: [String]
        public var sortField: String
        public var checksum: Int64
    }

    public struct Card: Sendable, Equatable {
        public var id: Int64
        public var noteID: Int64
        public var deckID: Int64
        public var modified: Int64
        /// 0 new, 2 review.
        public var type: Int
        public var queue: Int
        /// New: the position; review: days since the collection's creation day.
        public var due: Int
        public var interval: Int
        /// Ease in permille (2500 = 250%); 0 for a new card.
        public var factor: Int
        public var repetitions: Int
        public var lapses: Int
    }

    public struct Review: Sendable, Equatable {
        /// Unix milliseconds of the answer (made unique).
        public var id: Int64
        public var cardID: Int64
        /// Anki's button: 1 Again, 2 Hard, 3 Good, 4 Easy.
        public var ease: Int
        public var interval: Int
        public var lastInterval: Int
        public var factor: Int
        public var timeMS: Int
        /// 0 learning (a new card's first answer), 1 review, 2 relearning (after a failure).
        public var type: Int
    }

    public struct Deck: Sendable, Equatable {
        public var id: Int64
        public var name: String
    }

    /// Unix seconds at which the collection's day 0 starts.
    public var created: Int64
    public var modified: Int64
    public var rolloverHour: Int
    public var decks: [Deck]
    public var notes: [Note]
    public var cards: [Card]
    /// How many rows the review log has (written as they are read: `AnkiReviewLog`).
    public var reviewCount: Int

    // MARK: constants of the note type (never change them)

    public static let noteTypeID: Int64 = 1_764_547_200_000
    public static let noteTypeName = "MuscleMemory"
    public static let fieldNames = ["Front", "Back", "Muscle", "Aspect", "Region", "Source", "CardID"]
    static let fieldIDs: [Int64] = [1_764_547_200_101, 1_764_547_200_102, 1_764_547_200_103, 1_764_547_200_104,
                                    1_764_547_200_105, 1_764_547_200_106, 1_764_547_200_107]
    static let templateID: Int64 = 1_764_547_200_201
    static let questionTemplate = """
        <div class="mm-meta">{{Muscle}} · {{Aspect}}</div>
        <div class="mm-front">{{Front}}</div>
        """
    static let answerTemplate = """
        {{FrontSide}}
        <hr id="answer">
        <div class="mm-back">{{Back}}</div>
        <div class="mm-source">{{Region}} · {{Source}}</div>
        """
    static let css = """
        .card { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 20px; line-height: 1.4;
                text-align: left; color: #1d1d1f; background: #fff; padding: 0 4px; }
        .nightMode.card, .night_mode .card { color: #eee; background: #1e1e1e; }
        .mm-meta { font-size: 13px; color: #888; text-transform: uppercase; letter-spacing: .04em; margin-bottom: .6em; }
        .mm-front { font-weight: 600; }
        .mm-back { white-space: pre-line; }
        .mm-source { font-size: 12px; color: #999; margin-top: 1.2em; }
        """

    /// The GUID of a card's note: stable for ever, from the card's first ID ("mm-" and 16 hex
    /// digits of the SHA-1 of "musclememory/" and that ID), and made only of the characters a
    /// deck's `Id:` allows, so `muscle import anki` can give it back to the card.
    public static func guid(firstID: String) -> String {
        var message = "musclememory/" + firstID
        let (high, low, _, _, _) = message.withUTF8(SHA1.words)
        // "mm-" and the first eight bytes of the digest as lowercase hex, written as bytes.
        let hex = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = Array("mm-".utf8)
        bytes.reserveCapacity(19)
        for word in [high, low] {
            for shift in stride(from: 28, through: 0, by: -4) { bytes.append(hex[Int(word >> UInt32(shift) & 0xF)]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Anki's `csum`: the first four bytes, big-endian, of the SHA-1 of the first field's text.
    public static func checksum(_ text: String) -> Int64 {
        var text = text
        return Int64(text.withUTF8(SHA1.firstWord))
    }

    /// "MuscleMemory::Lower leg and foot::Gastrocnemius" (`::` inside a name would nest it further).
    public static func deckName(region: String, muscle: String) -> String {
        func part(_ text: String) -> String {
            let clean = text.replacingOccurrences(of: "::", with: ":").trimmingCharacters(in: .whitespaces)
            return clean.isEmpty ? "Other" : clean
        }
        return "MuscleMemory::" + part(region) + "::" + part(muscle)
    }

    /// Anki's buttons for MuscleMemory's grades: 0–2 Again, 3 Hard, 4 Good, 5 Easy.
    public static func ease(grade: Int) -> Int {
        switch grade {
        case ...2: 1
        case 3: 2
        case 4: 3
        default: 4
        }
    }

    /// "lower-leg-and-foot"; Anki tags hold no spaces.
    static func tag(_ text: String) -> String { Slug.make(text) }

    /// The first note's (and card's) id for `count` cards exported at `now`: milliseconds before
    /// now, one per card (Anki refuses ids in the future and makes colliding ones unique itself).
    public static func firstNoteID(now: Date, count: Int) -> Int64 {
        Int64((now.timeIntervalSince1970 * 1000).rounded()) - Int64(count) - 1
    }

    /// The package for these cards. `now` is the export's time; `today` the study day it falls
    /// on; `dayStart(d)` the Unix seconds at which study day `d` starts (the rollover hour);
    /// `log` what the cards' answers were (with progress), already written as the review log.
    public static func make(cards: [AnkiExportCard], log: AnkiReviewLog?, now: Date, today: Day, rolloverHour: Int,
                            dayStart: (Day) -> Int64) -> AnkiPackage {
        make(cards: cards, notes: notes(cards: cards, now: now), log: log, now: now, today: today, rolloverHour: rolloverHour,
             dayStart: dayStart)
    }

    /// What of a package its cards alone decide, before any answer is read: its decks, its notes,
    /// and each card's deck. Apart from the rest so that `AnkiPackageWriter` can make it on another
    /// core while the review log is read and written: at 100,000 cards it is 0.25 s (two SHA-1s,
    /// seven escaped fields and a tag list per note), and the log is the rest's only input.
    struct Notes: Sendable, Equatable {
        var decks: [Deck]
        var notes: [Note]
        /// The deck of card `i`, in the cards' order.
        var deckIDs: [Int64]
    }

    /// The decks and notes of these cards exported at `now` (see `Notes`).
    static func notes(cards: [AnkiExportCard], now: Date) -> Notes {
        var made = Notes(decks: [], notes: [], deckIDs: [])
        var deckIDs: [String: Int64] = [:]
        // The deck of the card before: cards come in deck order, so most cards skip the name.
        var previous: (region: String, muscle: String, id: Int64)?
        let base = firstNoteID(now: now, count: cards.count)
        made.notes.reserveCapacity(cards.count)
        made.deckIDs.reserveCapacity(cards.count)
        for (index, card) in cards.enumerated() {
            let deckID: Int64
            if let previous, previous.region == card.region, previous.muscle == card.muscle {
                deckID = previous.id
            } else {
                let name = deckName(region: card.region, muscle: card.muscle)
                if let known = deckIDs[name] {
                    deckID = known
                } else {
                    var hash = ContentHash()
                    hash.add(name)
                    deckID = Int64(hash.value & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000  // never 1 (Default), below 2^53
                    deckIDs[name] = deckID
                    made.decks.append(Deck(id: deckID, name: name))
                }
                previous = (card.region, card.muscle, deckID)
            }
            made.deckIDs.append(deckID)
            let source = card.sourceLine > 0 ? "\(card.sourceFile):\(card.sourceLine)" : card.sourceFile
            let fields = [card.front, card.back, card.muscle, card.aspect, card.region, source, card.id.rawValue].map(html)
            var tags = ["muscle::" + card.muscleKey, "aspect::" + card.aspect, "region::" + tag(card.region)]
            tags += card.tags.map(tag).filter { !$0.isEmpty }
            made.notes.append(Note(id: base + Int64(index), guid: guid(firstID: card.firstID), modified: modified(card),
                                   tags: " " + tags.joined(separator: " ") + " ", fields: fields, sortField: card.front,
                                   checksum: checksum(card.front)))
        }
        return made
    }

    /// `make` with the notes already made (`notes(cards:now:)` of the same cards and `now`).
    static func make(cards: [AnkiExportCard], notes: Notes, log: AnkiReviewLog?, now: Date, today: Day, rolloverHour: Int,
                     dayStart: (Day) -> Int64) -> AnkiPackage {
        let nowMS = Int64((now.timeIntervalSince1970 * 1000).rounded())
        // Day 0 of the collection: no later than the first review or today, so no due day is negative.
        var firstDay = today.number
        if let log {
            for card in cards {
                if let due = card.dueDay { firstDay = min(firstDay, due) }
            }
            if let reviewed = log.firstDay { firstDay = min(firstDay, reviewed) }
        }
        var package = AnkiPackage(created: dayStart(Day(firstDay)), modified: nowMS / 1000, rolloverHour: rolloverHour,
                                  decks: notes.decks, notes: notes.notes, cards: [], reviewCount: log?.rowCount ?? 0)
        let base = firstNoteID(now: now, count: cards.count)
        package.cards.reserveCapacity(cards.count)
        for (index, card) in cards.enumerated() {
            let id = base + Int64(index)
            var ankiCard = Card(id: id, noteID: id, deckID: notes.deckIDs[index], modified: modified(card), type: 0, queue: 0,
                                due: index + 1, interval: 0, factor: 0, repetitions: 0, lapses: 0)
            if let log, let due = card.dueDay, log.reviewCount(card: index) > 0 {
                ankiCard.type = 2
                ankiCard.queue = 2
                ankiCard.due = due - firstDay
                ankiCard.interval = max(card.intervalDays, 1)
                ankiCard.factor = card.easiness * 10
                ankiCard.repetitions = log.reviewCount(card: index)
                ankiCard.lapses = card.lapses
            }
            package.cards.append(ankiCard)
        }
        return package
    }

    /// A note's and its card's `mod`: Unix seconds of the card's last change of text, at least 1.
    private static func modified(_ card: AnkiExportCard) -> Int64 { max(card.changedAt / 1000, 1) }

    /// Deck text is plain; Anki fields are HTML: escape it, and keep its line breaks.
    static func html(_ text: String) -> String {
        // Most text has nothing to escape: one pass over its bytes, no copy.
        var probe = text
        let plain = probe.withUTF8 { bytes in !bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x0A } }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }
}
