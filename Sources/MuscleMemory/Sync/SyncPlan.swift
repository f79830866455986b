/// What a sync changes, decided from the compiled decks and what the database holds of them, and
/// nothing else: no SQL, no files. The store applies a plan in one transaction
/// (`AppDatabase.sync(_:now:)`), `muscle sync --dry-run` prints it, and both make it with the same
/// function (`DeckPlan.make(for:stored:)`), so a dry run shows exactly what the sync then does.
public struct SyncPlan: Sendable, Equatable {
    public var decks: [DeckPlan] = []
    /// Lint errors that stop the sync: when not empty, nothing changes.
    public var refusedBecause: [Diagnostic] = []
    /// Lint warnings of the decks (they never block).
    public var warnings: [Diagnostic] = []

    public var wasRefused: Bool { !refusedBecause.isEmpty }

    /// What `muscle sync` reports once the plan is applied.
    public var report: SyncReport {
        SyncReport(decks: decks.map(\.report), refusedBecause: refusedBecause, warnings: warnings)
    }
}

/// A compiled deck to sync, with the key it is stored under and the stat signature of its files
/// (taken before they were read, so a file written meanwhile is read again next time).
public struct DeckSource: Sendable {
    public var deck: CompiledDeck
    public var key: String
    public var statSignature: String

    public init(deck: CompiledDeck, key: String, statSignature: String) {
        self.deck = deck
        self.key = key
        self.statSignature = statSignature
    }
}

/// What the database holds of one deck: what its plan is made against.
public struct StoredDeck: Sendable, Equatable {
    public struct Muscle: Sendable, Equatable {
        public var rowID: Int64
        public var name: String
        public var region: String
        public var sourceFile: String
    }

    /// One card, retired ones included.
    public struct Card: Sendable, Equatable {
        public var rowID: Int64
        public var muscleKey: String
        public var item: String
        public var aspect: String
        public var text: CardText
        public var fingerprint: Int64
        public var retired: Bool
        public var position: Int
        public var line: Int

        public var id: CardID { CardID(muscleKey: muscleKey, item: item) }
    }

    public var rowID: Int64
    public var contentHash: String
    /// By key.
    public var muscles: [String: Muscle]
    public var cards: [Card]
}

/// What a student sees of a card, and what it is filtered on: the text an update or a rewording
/// shows as old → new.
public struct CardText: Sendable, Equatable {
    public var front: String
    public var back: String
    public var tags: [String]
    public var region: String
    public var muscle: String

    public init(front: String, back: String, tags: [String], region: String, muscle: String) {
        self.front = front
        self.back = back
        self.tags = tags
        self.region = region
        self.muscle = muscle
    }

    init(_ card: MuscleMemory.Card) {
        self.init(front: card.front, back: card.back, tags: card.tags, region: card.region, muscle: card.muscle)
    }
}

/// One card's change, and why.
public struct CardChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// New in the deck: added as new, unscheduled.
        case added
        /// Its text changed: it keeps its ID, state and history.
        case updated
        /// Its question was slightly reworded (a typo fixed): it keeps its history under its new ID.
        case reworded
        /// It left the deck: hidden, its history kept.
        case retired
        /// It came back to the deck, with its history.
        case restored
        /// Only its place changed (its position in the deck, or its line): the order new cards are
        /// introduced in follows.
        case moved
    }

    public var kind: Kind
    /// The card's ID after the sync.
    public var id: CardID
    /// A reworded card's ID before.
    public var previousID: CardID?
    /// The text before (an update or a rewording).
    public var before: CardText?
    /// The text after (all but a retirement).
    public var after: CardText?
    public var why: String

    /// For the store: the card's row (nil for an added card), the generated card (nil for a
    /// retired one), its position in the deck and its file.
    var rowID: Int64?
    var card: Card?
    var position: Int
    var file: String
}

/// The plan of one deck.
public struct DeckPlan: Sendable, Equatable {
    /// The deck as the user named it, and its title.
    public var deck: String
    public var title: String
    /// Nothing to do: its files are as they were at the last sync.
    public var unchanged: Bool
    /// In the order they are applied: existing cards by position, rewordings, additions, retirements.
    public var changes: [CardChange]
    /// Files where cards were retired and others added: probably rewording that lost history.
    public var filesWithRetiredAndAdded: [String]

    /// For the store.
    struct MuscleWrite: Sendable, Equatable {
        var key: String
        var name: String
        var region: String
        var sourceFile: String
        /// Nil: a new muscle.
        var rowID: Int64?
    }
    var key: String
    var info: DeckInfo?
    var contentHash: String
    var statSignature: String
    /// Nil: a new deck.
    var deckRowID: Int64?
    /// The muscles the database holds, by key, and the muscles to insert or update.
    var muscleRowIDs: [String: Int64]
    var muscles: [MuscleWrite]

    public func count(_ kind: CardChange.Kind) -> Int { changes.lazy.filter { $0.kind == kind }.count }

    var report: SyncReport.DeckChange {
        SyncReport.DeckChange(deck: deck, title: title, unchanged: unchanged, added: count(.added), updated: count(.updated),
                              retired: count(.retired), restored: count(.restored), renamed: count(.reworded),
                              filesWithRetiredAndAdded: filesWithRetiredAndAdded)
    }

    /// A deck recognised as unchanged from its files' sizes and times (folders) or its content hash
    /// (bundled), without reading them: nothing is written.
    static func untouched(_ location: DeckLocation) -> DeckPlan {
        DeckPlan(deck: location.description, title: "", unchanged: true, changes: [], filesWithRetiredAndAdded: [],
                 key: location.storageKey, info: nil, contentHash: "", statSignature: "", deckRowID: nil, muscleRowIDs: [:], muscles: [])
    }

    /// The plan for one compiled deck against what the database holds of it (nil: a new deck).
    ///
    /// Cards are matched by ID. A known card that is back is restored; one whose text changed is
    /// updated; one that only moved gets its new place. A card that left and a card that arrived,
    /// in the same muscle and aspect, with nearly the same question (at most a fifth of the
    /// characters differ, the closest on both sides), are the same card reworded: it keeps its
    /// history under the new ID. The other arrivals are added, the other departures retired.
    static func make(for source: DeckSource, stored: StoredDeck?) -> DeckPlan {
        let deck = source.deck
        var plan = DeckPlan(deck: deck.location.description, title: deck.info.title, unchanged: false, changes: [], filesWithRetiredAndAdded: [],
                            key: source.key, info: deck.info, contentHash: deck.contentHash, statSignature: source.statSignature,
                            deckRowID: stored?.rowID, muscleRowIDs: (stored?.muscles ?? [:]).mapValues(\.rowID), muscles: [])
        if let stored, stored.contentHash == deck.contentHash {
            plan.unchanged = true  // the signature is refreshed, nothing else
            return plan
        }

        var files: [String: String] = [:]  // muscle key → its file, as the deck has it now
        for muscle in deck.muscles where !muscle.name.isEmpty {
            let file = muscle.location.file
            files[muscle.key] = file
            if let known = stored?.muscles[muscle.key] {
                if (known.name, known.region, known.sourceFile) != (muscle.name, muscle.region, file) {
                    plan.muscles.append(.init(key: muscle.key, name: muscle.name, region: muscle.region, sourceFile: file, rowID: known.rowID))
                }
            } else {
                plan.muscles.append(.init(key: muscle.key, name: muscle.name, region: muscle.region, sourceFile: file, rowID: nil))
            }
        }

        var existing: [CardID: StoredDeck.Card] = [:]
        for card in stored?.cards ?? [] { existing[card.id] = card }
        var seen = Set<CardID>()
        var arrivals: [(position: Int, card: Card)] = []
        for (position, card) in deck.cards.enumerated() {
            seen.insert(card.id)
            guard let old = existing[card.id] else {
                arrivals.append((position, card))
                continue
            }
            let text = CardText(card)
            var change = CardChange(kind: .moved, id: card.id, before: old.text, after: text, why: "",
                                    rowID: old.rowID, card: card, position: position, file: card.source.file)
            if old.retired {
                change.kind = .restored
                change.why = "back in \(card.source.file):\(card.source.line)"
            } else if old.fingerprint != card.contentFingerprint {
                change.kind = .updated
                change.why = "its \(Self.differences(old.text, text).joined(separator: ", ")) changed"
            } else if old.position != position || old.line != card.source.line {
                change.why = old.line != card.source.line
                    ? "now on line \(card.source.line) of \(card.source.file) (was \(old.line))"
                    : "now card \(position + 1) of the deck (was \(old.position + 1))"
            } else {
                continue
            }
            plan.changes.append(change)
        }
        var leaving = (stored?.cards ?? []).filter { !$0.retired && !seen.contains($0.id) }.sorted { $0.position < $1.position }

        // Rewordings: the pairing must be mutual (no other arrival is as close to the one leaving).
        var reworded = Set<Int>()  // positions of the arrivals that were
        for arrival in arrivals where !leaving.isEmpty {
            let candidates = leaving.enumerated().filter { $0.element.muscleKey == arrival.card.muscleKey && $0.element.aspect == arrival.card.aspect.rawValue }
            guard let pick = Self.closest(arrival.card.front, among: candidates.map(\.element.text.front)) else { continue }
            let (offset, match) = (candidates[pick].offset, candidates[pick].element)
            let rivals = arrivals.filter { $0.card.muscleKey == arrival.card.muscleKey && $0.card.aspect == arrival.card.aspect }
            guard let back = Self.closest(match.text.front, among: rivals.map(\.card.front)), rivals[back].card.id == arrival.card.id else { continue }
            let distance = editDistance(match.text.front, arrival.card.front)
            plan.changes.append(CardChange(
                kind: .reworded, id: arrival.card.id, previousID: match.id, before: match.text, after: CardText(arrival.card),
                why: "its question changed by \(distance) character\(distance == 1 ? "" : "s"); it keeps its history",
                rowID: match.rowID, card: arrival.card, position: arrival.position, file: arrival.card.source.file))
            leaving.remove(at: offset)
            reworded.insert(arrival.position)
        }

        var addedFiles = Set<String>()
        for (position, card) in arrivals where !reworded.contains(position) {
            plan.changes.append(CardChange(kind: .added, id: card.id, after: CardText(card), why: "new in \(card.source.file):\(card.source.line)",
                                           card: card, position: position, file: card.source.file))
            addedFiles.insert(card.source.file)
        }
        var retiredFiles = Set<String>()
        for card in leaving {
            // A muscle still in the deck has its file as the deck has it now.
            let file = files[card.muscleKey] ?? stored?.muscles[card.muscleKey]?.sourceFile ?? ""
            plan.changes.append(CardChange(kind: .retired, id: card.id, before: card.text, why: "no longer in the deck (it was in \(file))",
                                           rowID: card.rowID, position: card.position, file: file))
            retiredFiles.insert(file)
        }
        plan.filesWithRetiredAndAdded = retiredFiles.intersection(addedFiles).sorted()
        return plan
    }

    /// Which parts of the text differ, in words.
    static func differences(_ old: CardText, _ new: CardText) -> [String] {
        var parts: [String] = []
        if old.front != new.front { parts.append("question") }
        if old.back != new.back { parts.append("answer") }
        if old.tags != new.tags { parts.append("tags") }
        if old.region != new.region { parts.append("region") }
        if old.muscle != new.muscle { parts.append("muscle's name") }
        return parts.isEmpty ? ["text"] : parts
    }

    /// The index of the candidate text closest to `text`, if it is close enough (at most a fifth of
    /// the characters differ) to be the same question reworded, and no other is as close.
    static func closest(_ text: String, among candidates: [String]) -> Int? {
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
