/// `muscle class --format csv`: one table, one row per topic, card, exam item, readiness row and
/// share counted or skipped, told apart by `kind` (RFC 4180 quoting, as the student report).
public enum ClassCSV {
    public static let header = ["kind", "key", "name", "students", "judged", "median_weakness", "spread", "median_retention",
                                "reviews", "misses", "miss_rate", "ready_share", "source"]

    public static func report(_ r: ClassReport) -> String {
        var rows = [header]
        func row(_ kind: String, _ key: String, _ name: String = "", students: Int? = nil, judged: Int? = nil, weakness: Double? = nil,
                 spread: Int? = nil, retention: Double? = nil, reviews: Int? = nil, misses: Int? = nil, missRate: Double? = nil,
                 ready: Double? = nil, source: String? = nil) {
            rows.append([kind, key, name, students.map(String.init) ?? "", judged.map(String.init) ?? "", weakness.map(Format.weakness) ?? "",
                         spread.map(String.init) ?? "", retention.map(ReportCSV.decimal) ?? "", reviews.map(String.init) ?? "",
                         misses.map(String.init) ?? "", missRate.map(ReportCSV.decimal) ?? "", ready.map(ReportCSV.decimal) ?? "", source ?? ""])
        }
        row("shares", "used", students: r.used)
        row("shares", "labelled", students: r.labelled)
        row("shares", "min_group", students: r.minGroup)
        for skip in r.skipped { row("skipped", skip.name, skip.reason) }
        for v in r.deckVersions { row("deck_version", v.fingerprint, v.title, students: v.shares) }
        for topics in [r.muscleAspects, r.muscles, r.aspects, r.regions] {
            for t in topics {
                row(t.level.rawValue, t.key, t.name, students: t.students, judged: t.judged, weakness: t.medianWeakness,
                    spread: t.weak, retention: t.medianRetention, reviews: t.reviews)
            }
        }
        for c in r.cards { row("card", c.id, students: c.students, reviews: c.reviews, misses: c.misses, missRate: c.missRate, source: c.source) }
        for c in r.unknownCards { row("unknown_card", c.id, students: c.students, reviews: c.reviews, misses: c.misses, missRate: c.missRate) }
        for c in r.examItems { row("exam_item", c.id, students: c.students, reviews: c.reviews, misses: c.misses, missRate: c.missRate) }
        for a in r.examPractice {
            row("exam_\(a.kind)", a.name, students: a.students, reviews: a.answered, misses: a.answered - a.correct,
                missRate: a.answered > 0 ? Double(a.answered - a.correct) / Double(a.answered) : nil)
        }
        if let ready = r.readiness {
            row("readiness", ready.examDay, "class", students: ready.students, ready: ready.medianReady)
            for student in ready.rows { row("student_readiness", ready.examDay, student.label, students: 1, ready: student.share) }
        }
        return rows.map(ReportCSV.line).joined()
    }
}

/// `muscle class --format json`: the class report's figures, snake_case, documented in
/// Docs/SHARE.md.
public enum ClassJSON {
    public static func report(_ r: ClassReport) throws(JSON.EncodingFailure) -> String {
        try JSON.encode(Payload(r), snakeCaseKeys: true)
    }

    struct Topic: Encodable {
        var level: String, key: String, topic: String, students: Int, started: Int, judged: Int
        var medianWeakness: Int?, medianRetention: Double?, spread: Int, reviews: Int
    }

    struct Card: Encodable {
        var id: String, students: Int, reviews: Int, misses: Int, missRate: Double, source: String?
        init(_ c: ClassCard) { id = c.id; students = c.students; reviews = c.reviews; misses = c.misses; missRate = c.missRate; source = c.source }
    }

    struct Payload: Encodable {
        struct Version: Encodable { var title: String, fingerprint: String, shares: Int }
        struct Accuracy: Encodable { var by: String, name: String, students: Int, answered: Int, correct: Int }
        struct Readiness: Encodable {
            struct Row: Encodable { var label: String, cards: Int, ready: Int, readyShare: Double }
            var examDay: String, students: Int, otherDays: Int, medianReadyShare: Double?, students_: [Row]
            enum CodingKeys: String, CodingKey { case examDay, students, otherDays, medianReadyShare, students_ = "labelled" }
        }
        struct Heat: Encodable {
            struct Row: Encodable { var label: String, weakness: [Int?] }
            var regions: [String], rows: [Row]
        }
        var kind = "class"
        var schema = Share.schemaVersion
        var sharesUsed: Int, sharesSkipped: [SkippedShare], labelled: Int, minGroup: Int, belowMinGroup: Bool
        var firstDay: String?, lastDay: String?, deckVersions: [Version]
        var scoreDefinition: String, weakThreshold: Double
        var muscles: [Topic], aspects: [Topic], regions: [Topic], muscleAspects: [Topic], topicsHidden: Int
        var cards: [Card], unknownCards: [Card], cardsHidden: Int, examItems: [Card], examPractice: [Accuracy]
        var readiness: Readiness?, heatMap: Heat?

        init(_ r: ClassReport) {
            sharesUsed = r.used; sharesSkipped = r.skipped; labelled = r.labelled; minGroup = r.minGroup; belowMinGroup = r.belowMinGroup
            firstDay = r.firstDay; lastDay = r.lastDay
            deckVersions = r.deckVersions.map { Version(title: $0.title, fingerprint: $0.fingerprint, shares: $0.shares) }
            scoreDefinition = WeaknessScore.definition; weakThreshold = ClassMerge.weakThreshold
            func topics(_ list: [ClassTopic]) -> [Topic] {
                list.map { Topic(level: $0.level.rawValue, key: $0.key, topic: $0.name, students: $0.students, started: $0.started, judged: $0.judged,
                                 medianWeakness: $0.medianWeakness.map(Format.weaknessValue), medianRetention: $0.medianRetention, spread: $0.weak, reviews: $0.reviews) }
            }
            muscles = topics(r.muscles); aspects = topics(r.aspects); regions = topics(r.regions); muscleAspects = topics(r.muscleAspects)
            topicsHidden = r.topicsHidden
            cards = r.cards.map(Card.init); unknownCards = r.unknownCards.map(Card.init); cardsHidden = r.cardsHidden
            examItems = r.examItems.map(Card.init)
            examPractice = r.examPractice.map { Accuracy(by: $0.kind, name: $0.name, students: $0.students, answered: $0.answered, correct: $0.correct) }
            readiness = r.readiness.map { ready in
                Readiness(examDay: ready.examDay, students: ready.students, otherDays: ready.otherDays, medianReadyShare: ready.medianReady,
                          students_: ready.rows.map { .init(label: $0.label, cards: $0.cards, ready: $0.ready, readyShare: $0.share) })
            }
            heatMap = r.heatMap.map { map in Heat(regions: map.columns, rows: map.rows.map { .init(label: $0.label, weakness: $0.values.map { $0.map(Format.weaknessValue) }) }) }
        }
    }
}
