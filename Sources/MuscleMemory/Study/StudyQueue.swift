/// Today's cards in the order they will be shown: pending re-drills, then due reviews (most
/// overdue first), then new cards in deck order (so one muscle's new cards come together).
/// A card whose sibling (same muscle and aspect) is already in the queue or was answered today
/// waits at the end, shown only when nothing else is left. The queue holds entries, not text.
public struct StudyQueue: Sendable {
    public struct Item: Equatable, Sendable {
        public var entry: QueueEntry
        public var reason: QueueReason

        public var cardRowID: Int64 { entry.cardRowID }
    }

    private(set) var items: [Item] = []

    /// - Parameter newLimit: at most this many new cards; the places go to cards without a sibling
    ///   in the queue first, so a deferred sibling never takes the place of another card.
    public init(redrill: [QueueEntry], due: [QueueEntry], new: [QueueEntry], newLimit: Int = .max, answeredToday siblings: Set<SiblingKey> = [], reason: QueueReason? = nil) {
        var seen = siblings
        var deferred: [Item] = []
        var ids = Set<Int64>()
        var newTaken = 0
        var newDeferred: [Item] = []
        for (entries, kind) in [(redrill, QueueReason.redrill), (due, .due), (new, .new)] {
            for entry in entries where ids.insert(entry.cardRowID).inserted {
                let item = Item(entry: entry, reason: reason ?? kind)
                if kind == .redrill {
                    seen.insert(entry.siblingKey)
                    items.append(item)
                } else if !seen.insert(entry.siblingKey).inserted {
                    if kind == .new { newDeferred.append(item) } else { deferred.append(item) }
                } else if kind == .new {
                    guard newTaken < newLimit else { continue }
                    newTaken += 1
                    items.append(item)
                } else {
                    items.append(item)
                }
            }
        }
        items += deferred
        items += newDeferred.prefix(max(0, newLimit - newTaken))
    }

    public var isEmpty: Bool { items.isEmpty }
    public var count: Int { items.count }
    public var first: Item? { items.first }

    /// The ids of the next `count` cards, to load their text ahead of showing them.
    public func upcomingIDs(_ count: Int) -> [Int64] { items.prefix(count).map(\.cardRowID) }

    public mutating func popFirst() -> Item? {
        items.isEmpty ? nil : items.removeFirst()
    }

    /// A card graded below 4 comes back after `gap` other cards (or last, if fewer are left).
    public mutating func redrill(_ entry: QueueEntry, after gap: Int) {
        items.removeAll { $0.cardRowID == entry.cardRowID }
        items.insert(Item(entry: entry, reason: .redrill), at: min(gap, items.count))
    }

    public mutating func pushFront(_ item: Item) {
        items.removeAll { $0.cardRowID == item.cardRowID }
        items.insert(item, at: 0)
    }

    /// Adds a card at the end (a new card taking the place of a skipped one).
    public mutating func append(_ item: Item) {
        guard !items.contains(where: { $0.cardRowID == item.cardRowID }) else { return }
        items.append(item)
    }

    public mutating func remove(cardRowID: Int64) {
        items.removeAll { $0.cardRowID == cardRowID }
    }

    /// Cards left by kind, for the header.
    public func counts(elapsed: Int) -> StudyHeader {
        var header = StudyHeader(due: 0, new: 0, redrill: 0, elapsedSeconds: elapsed)
        for item in items {
            switch item.reason {
            case .due, .cram: header.due += 1
            case .new: header.new += 1
            case .redrill: header.redrill += 1
            }
        }
        return header
    }
}
