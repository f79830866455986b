import Foundation
import SM2

/// Merges the shares of a class into a `ClassReport`: pure, in memory, one pass over each share.
///
/// Every figure about students is of at least `minGroup` of them (a topic, a card, the class
/// median of readiness); a smaller group is only counted, so no aggregate can single anyone out.
/// Rows about one student appear only for students who chose a label.
public enum ClassMerge {
    /// A student is "weak at" a topic when their weakness is at least this (the spread).
    public static let weakThreshold = 40.0
    static let heatMapColumns = 40

    private struct TopicKey: Hashable {
        var level: TopicLevel
        var key: String
    }

    private struct TopicAccumulator {
        var name: String
        var students = 0, started = 0, reviews = 0, weak = 0
        var weakness: [Double] = []
        var retention: [Double] = []

        mutating func add(_ t: Share.Topic, weakness w: Double?, retention r: Double?) {
            students += 1
            reviews += t.reviews
            if t.seen > 0 { started += 1 }
            if let w {
                weakness.append(w)
                if w >= ClassMerge.weakThreshold { weak += 1 }
            }
            if let r { retention.append(r) }
        }
    }

    private struct CardAccumulator {
        var students = 0, reviews = 0, misses = 0

        mutating func add(reviews: Int, misses: Int) {
            students += 1; self.reviews += reviews; self.misses += misses
        }
    }

    /// - Parameter known: the instructor's cards by ID; nil when no decks are loaded (then no
    ///   card is "unknown").
    public static func merge(_ inputs: [ClassInput], skipped: [SkippedShare], options: ClassOptions, known: [CardID: KnownCard]?) -> ClassReport {
        let minGroup = options.minGroup
        var versions: [DeckVersion: Int] = [:]
        var days: [String] = []
        for input in inputs {
            for deck in Set(input.share.decks) { versions[deck, default: 0] += 1 }
            days.append(input.share.day)
        }
        days.sort()
        var report = ClassReport(
            used: inputs.count, skipped: skipped, labelled: inputs.filter { label($0.share) != nil }.count, minGroup: minGroup,
            firstDay: days.first, lastDay: days.last,
            deckVersions: versions.map { ClassReport.VersionCount(title: $0.key.title, fingerprint: $0.key.fingerprint, shares: $0.value) }
                .sorted { ($0.title, $0.fingerprint) < ($1.title, $1.fingerprint) },
            belowMinGroup: inputs.count < minGroup,
            muscles: [], aspects: [], regions: [], muscleAspects: [], topicsHidden: 0,
            cards: [], unknownCards: [], cardsHidden: 0, examItems: [], examPractice: [], readiness: nil, heatMap: nil)
        guard !report.belowMinGroup else { return report }

        // Topics: each student's weakness recomputed from their counts, so every share is judged alike.
        var topics: [TopicKey: TopicAccumulator] = [:]
        var studentRegions: [(label: String, weakness: [String: Double])] = []
        for input in inputs {
            var regions: [String: Double] = [:]
            for t in input.share.topics {
                let stats = stats(t)
                // In place: one hash of the key per topic, and the lists grow where they are
                // (a copy taken out and written back copied both lists on every append).
                topics[TopicKey(level: t.level, key: t.key), default: TopicAccumulator(name: t.name)]
                    .add(t, weakness: stats.weakness, retention: stats.retention)
                if t.level == .region, let w = stats.weakness { regions[t.key] = w }
            }
            if let label = label(input.share) { studentRegions.append((label, regions)) }
        }
        var byLevel: [TopicLevel: [ClassTopic]] = [:]
        for (key, acc) in topics {
            guard acc.students >= minGroup else { report.topicsHidden += 1; continue }
            byLevel[key.level, default: []].append(ClassTopic(
                level: key.level, key: key.key, name: acc.name, students: acc.students, started: acc.started, judged: acc.weakness.count,
                medianWeakness: acc.weakness.count >= minGroup ? median(acc.weakness).map(rounded) : nil,
                medianRetention: acc.retention.count >= minGroup ? median(acc.retention) : nil,
                weak: acc.weak, reviews: acc.reviews))
        }
        report.muscles = rank(byLevel[.muscle] ?? [])
        report.aspects = rank(byLevel[.aspect] ?? [])
        report.regions = rank(byLevel[.region] ?? [])
        report.muscleAspects = rank(byLevel[.muscleAspect] ?? [])

        // Cards and exam items, by stable ID across deck versions.
        var cards: [String: CardAccumulator] = [:]
        var items: [String: CardAccumulator] = [:]
        var practice: [String: (students: Int, answered: Int, correct: Int)] = [:]
        for input in inputs {
            for c in input.share.cards {
                // In place: one hash of the ID per card, not a read and a write.
                cards[c.id.rawValue, default: CardAccumulator()].add(reviews: c.reviews, misses: c.misses)
            }
            let exam = input.share.exam ?? .empty
            for item in exam.items {
                var acc = items[item.id] ?? CardAccumulator()
                acc.students += 1; acc.reviews += item.answered; acc.misses += item.missed
                items[item.id] = acc
            }
            for (kind, list) in [("template", exam.templates), ("region", exam.regions)] {
                for a in list {
                    var acc = practice[kind + "\u{1F}" + a.name] ?? (0, 0, 0)
                    acc.students += 1; acc.answered += a.answered; acc.correct += a.correct
                    practice[kind + "\u{1F}" + a.name] = acc
                }
            }
        }
        for (id, acc) in cards {
            guard acc.students >= minGroup else { report.cardsHidden += 1; continue }
            guard acc.misses > 0 else { continue }
            let found = known?[CardID(id)]
            let card = ClassCard(id: id, students: acc.students, reviews: acc.reviews, misses: acc.misses, source: found?.source)
            if known != nil && found == nil { report.unknownCards.append(card) } else { report.cards.append(card) }
        }
        report.cards = rankCards(report.cards)
        report.unknownCards = rankCards(report.unknownCards)
        report.examItems = rankCards(items.compactMap { id, acc in
            acc.students >= minGroup && acc.misses > 0 ? ClassCard(id: id, students: acc.students, reviews: acc.reviews, misses: acc.misses, source: nil) : nil
        })
        report.examPractice = practice.compactMap { key, acc -> ClassAccuracy? in
            guard acc.students >= minGroup else { return nil }
            let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return ClassAccuracy(kind: parts[0], name: parts.count > 1 ? parts[1] : "", students: acc.students, answered: acc.answered, correct: acc.correct)
        }.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }

        report.readiness = readiness(inputs, options: options)
        report.heatMap = heatMap(report.regions, students: studentRegions)
        return report
    }

    /// A label worth showing: trimmed, with its control characters removed; nil for none.
    static func label(_ share: Share) -> String? {
        guard let label = share.label.map({ TerminalText.sanitize($0).trimmingCharacters(in: .whitespaces) }), !label.isEmpty else { return nil }
        return label
    }

    static func stats(_ t: Share.Topic) -> TopicStats {
        var stats = TopicStats(level: t.level, name: t.name, command: "", cards: t.cards, seen: t.seen, notLearned: t.notLearned,
                               reviews: t.reviews, correct: t.correct, windowReviews: t.windowReviews, windowCorrect: t.windowCorrect,
                               lapses: t.lapses, meanEasiness: t.meanEasiness, weakness: nil)
        stats.weakness = WeaknessScore.score(stats)
        return stats
    }

    /// The exam day most shares were made for (the earliest of a tie), or the one asked for.
    static func readiness(_ inputs: [ClassInput], options: ClassOptions) -> ClassReadiness? {
        let withReadiness = inputs.compactMap { input in input.share.readiness.map { (input.share, $0) } }
        guard !withReadiness.isEmpty || options.exam != nil else { return nil }
        var counts: [String: Int] = [:]
        for (_, r) in withReadiness { counts[r.examDay, default: 0] += 1 }
        let day = options.exam?.description ?? counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? ""
        let matching = withReadiness.filter { $0.1.examDay == day }
        let shares = matching.map { $0.1.cards > 0 ? Double($0.1.ready) / Double($0.1.cards) : 0 }
        let rows = matching.compactMap { share, r in label(share).map { ClassReadiness.Row(label: $0, cards: r.cards, ready: r.ready) } }
            .sorted { ($0.label.lowercased(), $0.label) < ($1.label.lowercased(), $1.label) }
        return ClassReadiness(examDay: day, students: matching.count, otherDays: withReadiness.count - matching.count,
                              medianReady: matching.count >= options.minGroup ? median(shares) : nil, rows: rows)
    }

    static func heatMap(_ regions: [ClassTopic], students: [(label: String, weakness: [String: Double])]) -> HeatMap? {
        let columns = Array(regions.prefix(heatMapColumns))
        guard !columns.isEmpty else { return nil }
        var rows = [HeatMap.Row(label: "class (median)", values: columns.map(\.medianWeakness))]
        for student in students.sorted(by: { ($0.label.lowercased(), $0.label) < ($1.label.lowercased(), $1.label) }) {
            rows.append(HeatMap.Row(label: student.label, values: columns.map { student.weakness[$0.key] }))
        }
        return HeatMap(columns: columns.map(\.name), rows: rows)
    }

    /// Weakest first (by median); topics with no median after them; then by spread and name.
    static func rank(_ topics: [ClassTopic]) -> [ClassTopic] {
        topics.sorted { a, b in
            switch (a.medianWeakness, b.medianWeakness) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.weak != b.weak { return a.weak > b.weak }
            if a.name.lowercased() != b.name.lowercased() { return a.name.lowercased() < b.name.lowercased() }
            return a.key < b.key
        }
    }

    /// Highest miss rate first, then most misses, then by ID.
    static func rankCards(_ cards: [ClassCard]) -> [ClassCard] {
        cards.sorted { a, b in
            if a.missRate != b.missRate { return a.missRate > b.missRate }
            if a.misses != b.misses { return a.misses > b.misses }
            return a.id < b.id
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

extension ClassMerge {
    /// The cards of the instructor's decks by ID, with their source file and line.
    public static func knownCards(_ decks: [CompiledDeck]) -> [CardID: KnownCard] {
        knownCards(cards: decks.map(\.cards))
    }

    /// The same from each deck's cards alone (`DeckCompiler.cards`), the first deck's card first.
    public static func knownCards(cards decks: [[Card]]) -> [CardID: KnownCard] {
        var known: [CardID: KnownCard] = [:]
        for deck in decks {
            for card in deck where known[card.id] == nil {
                known[card.id] = KnownCard(muscle: card.muscle, aspect: card.aspect.rawValue, source: card.source.description)
            }
        }
        return known
    }
}
