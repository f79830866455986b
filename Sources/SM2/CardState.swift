/// Everything SM-2 remembers about one card between answers.
///
/// A value: `schedule(_:_:on:options:)` returns the next state and never mutates anything.
public struct CardState: Hashable, Sendable, Codable {
    /// n: consecutive successful first answers of a day (q ≥ 3); 0 for a new card and after a
    /// failure (Docs/SM2.md, "Repetition count").
    public var repetitions: Int
    /// The current interval in days: 0 for a new card, otherwise 1…`maximumInterval`.
    public var interval: Int
    /// The E-Factor, in exact hundredths.
    public var easiness: Easiness
    /// The day the card is next due: answer day + interval. Nil while new (never scheduled).
    public var due: Day?
    /// Failures (q < 3) of a card that had n ≥ 1, for reports and leech detection (Docs/SM2.md, "Lapses").
    /// A card failed before it was ever learned has no lapses.
    public var lapses: Int
    /// The day of the last first answer, the one that moved the schedule. Nil while new.
    public var lastReview: Day?

    public init(
        repetitions: Int, interval: Int, easiness: Easiness, due: Day?, lapses: Int, lastReview: Day?
    ) {
        self.repetitions = repetitions
        self.interval = interval
        self.easiness = easiness
        self.due = due
        self.lapses = lapses
        self.lastReview = lastReview
    }

    /// A card never answered: n = 0, no interval, EF 2.50 (step 2), unscheduled.
    public static let new = CardState(
        repetitions: 0, interval: 0, easiness: .initial, due: nil, lapses: 0, lastReview: nil)

    /// True until the card's first answer (there is no review day yet).
    public var isNew: Bool {
        lastReview == nil
    }
}
