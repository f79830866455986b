/// What a sync changes, decided from the compiled decks and what the database holds of them, and
/// nothing else: no SQL, no files. The store applies a plan in one transaction
/// (`AppDatabase.sync(_:now:)`), `muscle sync --dry-run` prints it, and both make it with the same
/// function (`DeckPlan.make(for:stored:)`), so a dry run shows exactly what the sync then does.
public struct SyncPlan: Sendable {
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

    init(_ card: Card) {
        self.init(front: card.front, back: card.back, tags: card.tags, region: card.region, muscle: card.muscle)
    }
}

/// One card's change, and why: what a dry run prints.
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
    /// The text before (all but an addition).
    public var before: CardText?
    /// The text after (all but a retirement).
    public var after: CardText?
    public var why: String
    /// The card's row in the database; nil for an added card.
    var rowID: Int64?
}

/// The plan of one deck.
public struct DeckPlan: Sendable {
    /// The deck as the user named it, and its title.
    public var deck: String
    public var title: String
    /// Nothing to do: its files are as they were at the last sync.
    public var unchanged: Bool
    /// Files where cards were retired and others added: probably rewording that lost history.
    public var filesWithRetiredAndAdded: [String]

    /// Every change, card by card, in the order they are applied: existing cards by position,
    /// rewordings, additions, retirements. Described from the steps when asked (a dry run), so a
    /// 100,000-card sync holds three numbers per card, not its text twice.
    public var changes: [CardChange] { steps.map(change) }

    public func count(_ kind: CardChange.Kind) -> Int { steps.lazy.filter { $0.kind == kind }.count }

    /// One change: its kind, the card's index in the compiled deck (its position; -1 for a
    /// retirement) and in the stored cards (-1 for an addition).
    struct Step: Sendable, Equatable {
        var kind: CardChange.Kind
        var card: Int
        var stored: Int
    }

    /// For the store.
    struct MuscleWrite: Sendable, Equatable {
        var key: String
        var name: String
        var region: String
        var sourceFile: String
        /// Nil: a new muscle.
        var rowID: Int64?
    }
    var steps: [Step] = []
    /// The compiled deck's cards (the same storage, not a copy) and what the database held.
    var cards: [Card] = []
    var storedCards: [StoredDeck.Card] = []
    /// Each muscle's file: as the deck has it now, or as the database had it for a muscle that left.
    var muscleFiles: [String: String] = [:]
    var key: String
    var info: DeckInfo?
    var contentHash = ""
    var statSignature = ""
    /// Nil: a new deck.
    var deckRowID: Int64?
    /// The muscles the database holds, by key, and the muscles to insert or update.
    var muscleRowIDs: [String: Int64] = [:]
    var muscles: [MuscleWrite] = []

    init(deck: String, title: String, unchanged: Bool, key: String) {
        self.deck = deck
        self.title = title
        self.unchanged = unchanged
        self.filesWithRetiredAndAdded = []
        self.key = key
    }

    var report: SyncReport.DeckChange {
        SyncReport.DeckChange(deck: deck, title: title, unchanged: unchanged, added: count(.added), updated: count(.updated),
                              retired: count(.retired), restored: count(.restored), renamed: count(.reworded),
                              filesWithRetiredAndAdded: filesWithRetiredAndAdded)
    }

    /// A deck recognised as unchanged from its files' sizes and times (folders) or its content hash
    /// (bundled), without reading them: nothing is written.
    static func untouched(_ location: DeckLocation) -> DeckPlan {
        DeckPlan(deck: location.description, title: "", unchanged: true, key: location.storageKey)
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
        var plan = DeckPlan(deck: deck.location.description, title: deck.info.title, unchanged: false, key: source.key)
        plan.info = deck.info
        plan.contentHash = deck.contentHash
        plan.statSignature = source.statSignature
        plan.deckRowID = stored?.rowID
        if let stored, stored.contentHash == deck.contentHash {
            plan.unchanged = true  // the signature is refreshed, nothing else
            return plan
        }
        plan.cards = deck.cards
        plan.storedCards = stored?.cards ?? []
        plan.muscleRowIDs = (stored?.muscles ?? [:]).mapValues(\.rowID)
        plan.muscleFiles = (stored?.muscles ?? [:]).mapValues(\.sourceFile)

        // The muscles, then the generated entries holding the movement cards ("Ankle movements",
        // its file the vocabulary file of the joint).
        let homes = deck.muscles.filter { !$0.name.isEmpty }.map { ($0.key, $0.name, $0.region, $0.location.file) }
            + deck.homes.map { ($0.key, $0.name, $0.region, $0.location.file) }
        for (key, name, region, file) in homes {
            plan.muscleFiles[key] = file
            if let known = stored?.muscles[key] {
                if (known.name, known.region, known.sourceFile) != (name, region, file) {
                    plan.muscles.append(.init(key: key, name: name, region: region, sourceFile: file, rowID: known.rowID))
                }
            } else {
                plan.muscles.append(.init(key: key, name: name, region: region, sourceFile: file, rowID: nil))
            }
        }

        var existing: [CardID: Int] = [:]
        existing.reserveCapacity(plan.storedCards.count)
        for (index, card) in plan.storedCards.enumerated() { existing[card.id] = index }
        var seen = Set<CardID>()
        seen.reserveCapacity(deck.cards.count)
        var arrivals: [Int] = []
        for (position, card) in deck.cards.enumerated() {
            seen.insert(card.id)
            guard let index = existing[card.id] else {
                arrivals.append(position)
                continue
            }
            let old = plan.storedCards[index]
            let kind: CardChange.Kind
            if old.retired { kind = .restored }
            else if old.fingerprint != card.contentFingerprint { kind = .updated }
            else if old.position != position || old.line != card.source.line { kind = .moved }
            else { continue }
            plan.steps.append(Step(kind: kind, card: position, stored: index))
        }
        var leaving = plan.storedCards.indices.filter { !plan.storedCards[$0].retired && !seen.contains(plan.storedCards[$0].id) }
            .sorted { plan.storedCards[$0].position < plan.storedCards[$1].position }

        // Rewordings: the pairing must be mutual (no other arrival is as close to the one leaving).
        var reworded = Set<Int>()  // positions of the arrivals that were
        for position in arrivals where !leaving.isEmpty && !deck.cards[position].aspect.isFromFacts {
            let arrival = deck.cards[position]
            let candidates = leaving.enumerated().filter {
                plan.storedCards[$0.element].muscleKey == arrival.muscleKey && plan.storedCards[$0.element].aspect == arrival.aspect.rawValue
            }
            guard let pick = Self.closest(arrival.front, among: candidates.map { plan.storedCards[$0.element].text.front }) else { continue }
            let (offset, match) = (candidates[pick].offset, candidates[pick].element)
            let rivals = arrivals.filter { deck.cards[$0].muscleKey == arrival.muscleKey && deck.cards[$0].aspect == arrival.aspect }
            guard let back = Self.closest(plan.storedCards[match].text.front, among: rivals.map { deck.cards[$0].front }),
                  deck.cards[rivals[back]].id == arrival.id else { continue }
            plan.steps.append(Step(kind: .reworded, card: position, stored: match))
            leaving.remove(at: offset)
            reworded.insert(position)
        }

        var addedFiles = Set<String>()
        for position in arrivals where !reworded.contains(position) {
            plan.steps.append(Step(kind: .added, card: position, stored: -1))
            addedFiles.insert(deck.cards[position].source.file)
        }
        var retiredFiles = Set<String>()
        for index in leaving {
            plan.steps.append(Step(kind: .retired, card: -1, stored: index))
            retiredFiles.insert(plan.muscleFiles[plan.storedCards[index].muscleKey] ?? "")
        }
        plan.filesWithRetiredAndAdded = retiredFiles.intersection(addedFiles).sorted()
        return plan
    }

    /// A step, described: the card's ID, its text before and after, and why it changes.
    func change(_ step: Step) -> CardChange {
        let card = step.card >= 0 ? cards[step.card] : nil
        let old = step.stored >= 0 ? storedCards[step.stored] : nil
        var change = CardChange(kind: step.kind, id: card?.id ?? old?.id ?? "", previousID: nil, before: old?.text, after: card.map(CardText.init), why: "",
                                rowID: old?.rowID)
        switch step.kind {
        case .added:
            change.why = card.map { "new in \($0.source.file):\($0.source.line)" } ?? ""
        case .restored:
            change.why = card.map { "back in \($0.source.file):\($0.source.line)" } ?? ""
        case .updated:
            if let before = change.before, let after = change.after {
                change.why = "its \(Self.differences(before, after).joined(separator: ", ")) changed"
            }
        case .moved:
            if let card, let old {
                change.why = old.line != card.source.line
                    ? "now on line \(card.source.line) of \(card.source.file) (was \(old.line))"
                    : "now card \(step.card + 1) of the deck (was \(old.position + 1))"
            }
        case .reworded:
            change.previousID = old?.id
            if let card, let old {
                let distance = editDistance(old.text.front, card.front)
                change.why = "its question changed by \(distance) character\(distance == 1 ? "" : "s"); it keeps its history"
            }
        case .retired:
            change.after = nil
            change.why = "no longer in the deck (it was in \(old.flatMap { muscleFiles[$0.muscleKey] } ?? ""))"
        }
        return change
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
