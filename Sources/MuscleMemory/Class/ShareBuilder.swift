import SM2

/// Builds a student's share from their own report and the store's per-card counts: pure, so the
/// same figures always make the same file.
public enum ShareBuilder {
    /// - Parameters:
    ///   - report: the student's report over the whole curriculum (`WeakTopics.report`), with
    ///     readiness when an exam day was given.
    ///   - cards: `AppDatabase.shareCardFigures(decks:)`.
    ///   - label: what the student chose to be called; nil for an anonymous share.
    /// Topics the student has not started are left out: they say nothing a class could use.
    public static func share(_ report: WeakTopicReport, cards: ShareCardFigures, label: String?) -> Share {
        var topics: [Share.Topic] = []
        for level in [report.muscles, report.aspects, report.regions, report.muscleAspects] {
            topics += level.filter { $0.seen > 0 || $0.reviews > 0 }.map(topic).sorted { ($0.level.rawValue, $0.key) < ($1.level.rawValue, $1.key) }
        }
        let readiness = report.exam.map { exam in
            Share.Readiness(examDay: exam.exam.description, cards: exam.topics.reduce(0) { $0 + $1.cards }, ready: exam.topics.reduce(0) { $0 + $1.ready })
        }
        return Share(schema: Share.schemaVersion, kind: Share.kindName, day: report.today.description, label: label,
                     windowDays: report.windowDays, decks: cards.decks, topics: topics, readiness: readiness,
                     cards: cards.cards, exam: report.examPractice.map(exam) ?? .empty)
    }

    /// Exam-practice accuracy by template and region, and each item's answers and misses, over
    /// the report's window: what the class report's exam lines are merged from.
    static func exam(_ p: ExamPractice) -> Share.ExamPractice {
        func accuracy(_ rows: [ExamPractice.Accuracy]) -> [Share.Accuracy] {
            rows.map { Share.Accuracy(name: $0.key, answered: $0.answers, correct: $0.correct) }.sorted { $0.name < $1.name }
        }
        return Share.ExamPractice(templates: accuracy(p.byTemplate), regions: accuracy(p.byRegion),
                                  items: p.items.map { Share.ItemCount(id: $0.id, answered: $0.answers, missed: $0.missed) }.sorted { $0.id < $1.id })
    }

    /// The key a topic is merged by: stable across deck versions, never display text alone.
    static func key(_ t: TopicStats) -> String {
        switch t.level {
        case .muscle: t.muscleKey ?? t.name
        case .aspect: t.aspect ?? t.name
        case .region: t.region ?? t.name
        case .muscleAspect: "\(t.muscleKey ?? t.name)/\(t.aspect ?? "")"
        }
    }

    static func topic(_ t: TopicStats) -> Share.Topic {
        Share.Topic(level: t.level, key: key(t), name: t.name, cards: t.cards, seen: t.seen, notLearned: t.notLearned,
                    reviews: t.reviews, correct: t.correct, windowReviews: t.windowReviews, windowCorrect: t.windowCorrect,
                    lapses: t.lapses, meanEasiness: t.meanEasiness, weakness: t.weakness)
    }
}
