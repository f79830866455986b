import SM2

/// A file given to `muscle class`, read and checked: its name (for messages) and its share.
public struct ClassInput: Sendable, Equatable {
    public var name: String
    public var share: Share

    public init(name: String, share: Share) {
        self.name = name
        self.share = share
    }
}

/// A file that was not merged, and why.
public struct SkippedShare: Sendable, Equatable, Codable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}

/// A card of the instructor's loaded decks: where to fix it.
public struct KnownCard: Sendable, Equatable {
    public var muscle: String
    public var aspect: String
    /// "hip/piriformis.md:12".
    public var source: String

    public init(muscle: String, aspect: String, source: String) {
        self.muscle = muscle
        self.aspect = aspect
        self.source = source
    }
}

/// Options of `muscle class`.
public struct ClassOptions: Sendable, Equatable {
    /// The documented range of `--min-group`.
    public static let minGroupRange = 1...1_000
    public static let defaultMinGroup = 5

    public var minGroup: Int
    /// The exam day whose readiness is shown; nil for the day most shares were made for.
    public var exam: Day?

    public init(minGroup: Int = ClassOptions.defaultMinGroup, exam: Day? = nil) {
        self.minGroup = minGroup.clamped(to: Self.minGroupRange)
        self.exam = exam
    }
}

/// What `muscle class` shows: the class's weak topics, the cards it fails most, readiness, and a
/// heat map, from the shares alone. Every figure over students is of at least `minGroup` of them.
public struct ClassReport: Sendable, Equatable {
    public var used: Int
    public var skipped: [SkippedShare]
    public var labelled: Int
    public var minGroup: Int
    /// The first and last day the shares were made.
    public var firstDay: String?
    public var lastDay: String?
    public var deckVersions: [VersionCount]
    /// Fewer shares than `minGroup`: only counts are shown.
    public var belowMinGroup: Bool
    public var muscles: [ClassTopic]
    public var aspects: [ClassTopic]
    public var regions: [ClassTopic]
    public var muscleAspects: [ClassTopic]
    /// Topics held by fewer than `minGroup` students: counted, never shown.
    public var topicsHidden: Int
    /// Cards missed at least once, known to the instructor's decks, worst first.
    public var cards: [ClassCard]
    /// Cards the instructor's decks do not have (another deck version, or another deck).
    public var unknownCards: [ClassCard]
    /// Cards seen by fewer than `minGroup` students: counted, never shown.
    public var cardsHidden: Int
    public var examItems: [ClassCard]
    public var examPractice: [ClassAccuracy]
    public var readiness: ClassReadiness?
    public var heatMap: HeatMap?

    public struct VersionCount: Sendable, Equatable {
        public var title: String
        public var fingerprint: String
        public var shares: Int
    }
}

/// One topic across the class.
public struct ClassTopic: Sendable, Equatable {
    public var level: TopicLevel
    public var key: String
    public var name: String
    /// Students whose shares hold the topic (those who started it), who saw a card of it, whose figures judge it.
    public var students: Int
    public var started: Int
    public var judged: Int
    /// The median of the judged students' weakness (nil when fewer than `minGroup` are judged).
    public var medianWeakness: Double?
    /// The median of the retention of the students who reviewed it (nil when fewer than `minGroup`).
    public var medianRetention: Double?
    /// The spread: students whose weakness is at least `ClassMerge.weakThreshold`.
    public var weak: Int
    public var reviews: Int
}

/// One card (or exam item) across the class.
public struct ClassCard: Sendable, Equatable {
    public var id: String
    /// Students who answered it.
    public var students: Int
    public var reviews: Int
    public var misses: Int
    public var missRate: Double { reviews > 0 ? Double(misses) / Double(reviews) : 0 }
    /// From the instructor's decks, when they hold the card.
    public var source: String?
}

public struct ClassAccuracy: Sendable, Equatable {
    /// "template" or "region".
    public var kind: String
    public var name: String
    public var students: Int
    public var answered: Int
    public var correct: Int
}

/// Readiness for one exam day: the class's median and each labelled student's.
public struct ClassReadiness: Sendable, Equatable {
    public var examDay: String
    public var students: Int
    /// Shares whose readiness is for another day (not counted).
    public var otherDays: Int
    public var medianReady: Double?
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var label: String
        public var cards: Int
        public var ready: Int
        public var share: Double { cards > 0 ? Double(ready) / Double(cards) : 0 }
    }
}

/// Students × regions, each cell a weakness (nil: too few reviews to judge). The first row is the
/// class median; the others are the labelled students, by label.
public struct HeatMap: Sendable, Equatable {
    public var columns: [String]
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var label: String
        public var values: [Double?]
    }
}
