/// A session's result, rolled up: overall, by region and by template. In a mock exam an item not
/// answered (time ran out, the student quit) counts as wrong; a practice set counts what was answered.
public struct ExamScore: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var name: String
        public var correct: Int
        public var total: Int
    }

    public var kind: ExamKind
    public var correct: Int
    public var answered: Int
    public var total: Int
    public var seconds: Int
    public var end: ExamEnd
    public var byRegion: [Line]
    public var byTemplate: [Line]
    /// Items answered wrong or not answered, in the order asked: the item and the choice (nil: not answered).
    public var missed: [(item: ExamItem, choice: Int?)]

    public static func == (lhs: ExamScore, rhs: ExamScore) -> Bool {
        lhs.kind == rhs.kind && lhs.correct == rhs.correct && lhs.answered == rhs.answered && lhs.total == rhs.total
            && lhs.byRegion == rhs.byRegion && lhs.byTemplate == rhs.byTemplate && lhs.missed.map(\.item.id) == rhs.missed.map(\.item.id)
    }

    /// - Parameter choices: the choice made for each item asked, in order; items after the last
    ///   answered are unanswered.
    public static func of(_ kind: ExamKind, items: [ExamItem], choices: [Int?], seconds: Int, end: ExamEnd) -> ExamScore {
        let counted = kind == .mock ? items : Array(items.prefix(choices.count))
        var regions: [String: (Int, Int)] = [:]
        var templates: [ExamTemplate: (Int, Int)] = [:]
        var missed: [(ExamItem, Int?)] = []
        var correct = 0
        for (index, item) in counted.enumerated() {
            let choice = index < choices.count ? choices[index] : nil
            let right = choice == item.keyIndex
            if right { correct += 1 } else { missed.append((item, choice)) }
            regions[item.region, default: (0, 0)].0 += right ? 1 : 0
            regions[item.region, default: (0, 0)].1 += 1
            templates[item.template, default: (0, 0)].0 += right ? 1 : 0
            templates[item.template, default: (0, 0)].1 += 1
        }
        return ExamScore(
            kind: kind, correct: correct, answered: choices.compactMap { $0 }.count, total: counted.count, seconds: seconds, end: end,
            byRegion: regions.keys.sorted().map { Line(name: $0.isEmpty ? "(no region)" : $0, correct: regions[$0]?.0 ?? 0, total: regions[$0]?.1 ?? 0) },
            byTemplate: ExamTemplate.allCases.compactMap { t in templates[t].map { Line(name: t.title, correct: $0.0, total: $0.1) } },
            missed: missed)
    }

    /// Whole percent, rounded down so 99.5 % is never shown as 100 %.
    public static func percent(_ correct: Int, _ total: Int) -> Int { total > 0 ? correct * 100 / total : 0 }
}
