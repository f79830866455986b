/// The quality of an answer, q = 0…5, as SM-2's step 4 defines it.
///
/// The raw value is q itself, so `Grade(q)` and `grade.rawValue` convert both ways and the
/// E-Factor formula of step 5 can use it directly. `Comparable` orders by q.
public enum Grade: Int, CaseIterable, Comparable, Sendable, Codable {
    case blackout = 0, wrongButFamiliar = 1, wrongButEasy = 2, hard = 3, good = 4, perfect = 5

    /// The grade for q, or nil outside 0…5.
    public init?(_ value: Int) {
        self.init(rawValue: value)
    }

    /// One or two words for a key hint.
    public var label: String {
        switch self {
        case .blackout: "blackout"
        case .wrongButFamiliar: "wrong, familiar"
        case .wrongButEasy: "wrong, easy"
        case .hard: "hard"
        case .good: "good"
        case .perfect: "perfect"
        }
    }

    /// The meaning Docs/SM2.md (step 4) gives the grade, for help text.
    public var meaning: String {
        switch self {
        case .blackout: "complete blackout"
        case .wrongButFamiliar: "wrong, the right answer remembered once seen"
        case .wrongButEasy: "wrong, but the right answer seemed easy once seen"
        case .hard: "correct with serious difficulty"
        case .good: "correct after hesitation"
        case .perfect: "perfect"
        }
    }

    /// The lowest grade of a correct answer: q = 3. The one definition of "correct" — the
    /// scheduler's default success threshold, `isCorrect`, and the SQL of every report and running
    /// total (`ScoringRules`) all use it.
    public static let lowestCorrect: Grade = .hard

    /// q ≥ 3: the answer counts as a successful repetition (Docs/SM2.md: "n counts consecutive
    /// successful first answers of a day (q ≥ 3)"). This is the spec's fixed meaning; a scheduler
    /// run with a different `SchedulerOptions.successThreshold` compares against that instead.
    public var isCorrect: Bool {
        self >= .lowestCorrect
    }

    public static func < (lhs: Grade, rhs: Grade) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
