/// How a session chooses its cards.
public struct StudyOptions: Sendable, Equatable {
    /// New cards introduced per study day (counting those introduced earlier the same day).
    public var newPerDay: Int = 20
    /// Due reviews per study day; nil for no limit.
    public var reviewsPerDay: Int? = nil
    public var filter: CardFilter = CardFilter()
    /// `.cram` drills the filtered cards regardless of due dates, without touching the schedule.
    public var mode: StudyMode = .study
    /// How many other cards come between a failed card and its re-drill.
    public var redrillGap: Int = 3
    /// The session ends, with a message, once this many minutes have passed (checked before each
    /// card, so a card on screen is never taken away); nil for no limit.
    public var minutes: Int? = nil
    /// The session ends, with a message, once this many different cards were answered; nil for no limit.
    public var cards: Int? = nil

    /// The documented ranges of `muscle study --new` and `--reviews`. Values outside them are
    /// refused by the command line and clamped here, so no limit can overflow the arithmetic on it.
    public static let newPerDayRange = 0...9_999
    public static let reviewsPerDayRange = 0...100_000
    /// The documented ranges of `muscle study --minutes` and `--cards`.
    public static let minutesRange = 1...600
    public static let cardsRange = 1...10_000

    public init(newPerDay: Int = 20, reviewsPerDay: Int? = nil, filter: CardFilter = CardFilter(), mode: StudyMode = .study, redrillGap: Int = 3, minutes: Int? = nil, cards: Int? = nil) {
        self.newPerDay = newPerDay.clamped(to: Self.newPerDayRange)
        self.reviewsPerDay = reviewsPerDay?.clamped(to: Self.reviewsPerDayRange)
        self.filter = filter
        self.mode = mode
        self.redrillGap = redrillGap
        self.minutes = minutes?.clamped(to: Self.minutesRange)
        self.cards = cards?.clamped(to: Self.cardsRange)
    }
}
