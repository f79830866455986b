import SM2

/// What a card typed at (`study --type`) expects: one or more terms of the curriculum, in any
/// order, and for a nerve supply its spinal root levels.
public struct TypedExpectation: Sendable, Equatable {
    public var items: [TypedTerm]
    /// The root levels the card teaches, and the variants it says some texts give.
    public var roots: [String]?
    public var rootVariants: [[String]] = []
    /// The card's answer, shown beside what was typed.
    public var display: String
}

/// How a typed answer compares, as a whole.
public enum TypedVerdict: String, Sendable, Equatable, CaseIterable {
    /// The expected term as the curriculum writes it (case, accents and punctuation aside).
    case exact
    /// A synonym of it (peroneus for fibularis, Achilles for calcaneal), or root levels some texts give.
    case synonym
    /// A typo forgiven: the expected term is clearly the nearest of the whole curriculum.
    case typo
    /// Some of the items of a list, or the nerve without its root levels.
    case partial
    /// Anything else: another structure, a near miss across major/minor, longus/brevis…
    case wrong
}

/// A typed answer held against the card's: shown to the student with the grade it proposes,
/// which the student confirms or changes (the grade stays the student's).
public struct TypedComparison: Sendable, Equatable {
    /// What was typed (cleaned of control characters, at most 200 characters).
    public var typed: String
    public var expected: String
    public var verdict: TypedVerdict
    /// One line per item: what it matched, or why it did not.
    public var details: [String]
    public var proposed: Grade

    /// The proposal: 5 exact, 4 a synonym or a forgiven typo, 3 partial, 1 wrong (familiar once seen).
    static func grade(for verdict: TypedVerdict) -> Grade {
        switch verdict {
        case .exact: .perfect
        case .synonym, .typo: .good
        case .partial: .hard
        case .wrong: .wrongButFamiliar
        }
    }
}

/// What is stored with the answer (migration 0010): the typed text, the verdict and the grade
/// that was proposed, so reports can show common wrong answers and how often a proposal was changed.
public struct TypedAnswerRecord: Sendable, Equatable {
    public var typed: String
    public var verdict: TypedVerdict
    public var proposed: Grade

    public init(typed: String, verdict: TypedVerdict, proposed: Grade) {
        self.typed = typed
        self.verdict = verdict
        self.proposed = proposed
    }

    public init(_ comparison: TypedComparison) {
        self.init(typed: comparison.typed, verdict: comparison.verdict, proposed: comparison.proposed)
    }
}
