/// The levels weak topics are ranked at. `muscleAspect` (e.g. piriformis × trigger points) is the
/// finest: the plan's commands name one.
public enum TopicLevel: String, Codable, Sendable, CaseIterable {
    case muscle
    case aspect
    case region
    case muscleAspect = "muscle-aspect"

    public var title: String {
        switch self {
        case .muscle: "Muscles"
        case .aspect: "Aspects"
        case .region: "Regions"
        case .muscleAspect: "Muscle × aspect"
        }
    }
}

/// What the history says about one topic. Counts are of cards and of *reviews*: first answers of
/// a study day (the answers SM-2 counts; re-drills and cram are practice).
public struct TopicStats: Sendable, Equatable, Codable {
    public var level: TopicLevel
    /// Display name: "Piriformis", "trigger points", "Lower leg and foot", "Piriformis · trigger points".
    public var name: String
    /// The study filter that selects this topic (`muscle study` options).
    public var command: String
    public var muscleKey: String?
    public var aspect: String?
    public var region: String?
    public var cards: Int
    /// Cards answered at least once.
    public var seen: Int
    /// Cards with no successful repetition yet (new, or failed since their last success).
    public var notLearned: Int
    public var reviews: Int
    public var correct: Int
    public var windowReviews: Int
    public var windowCorrect: Int
    public var lapses: Int
    /// Mean easiness of the cards seen, in hundredths (250 = 2.50); nil when none were seen.
    public var meanEasiness: Int?
    /// 0 (strong) to 100 (weak); nil when there are too few reviews to judge.
    public var weakness: Double?
    /// Exam-practice answers to items of this topic, all time and in the window (they count in
    /// the weakness score's failed share: WeaknessScore).
    public var examAnswers = 0
    public var examCorrect = 0
    public var windowExamAnswers = 0
    public var windowExamCorrect = 0

    public var retention: Double? { reviews > 0 ? Double(correct) / Double(reviews) : nil }
    public var windowRetention: Double? { windowReviews > 0 ? Double(windowCorrect) / Double(windowReviews) : nil }
    public var judged: Bool { weakness != nil }
    public var started: Bool { seen > 0 }
}
