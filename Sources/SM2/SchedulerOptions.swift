/// Every point where the published SM-2 text is open, as a named setting.
///
/// `SchedulerOptions.standard` is exactly the product's reading in Docs/SM2.md
/// ("Choices where the text is open"); the other values exist so a variant is a visible, named
/// decision rather than an edit to the scheduler. Out-of-range settings never break the scheduler's
/// guarantees: intervals stay within 1…max(1, `maximumInterval`).
public struct SchedulerOptions: Hashable, Sendable {
    /// EF of a card's first answer. Step 2: "Each item starts with easiness factor EF = 2.5."
    /// A new card is scheduled from this value whatever its stored `easiness` says.
    public var initialEasiness: Easiness

    /// The lowest EF. Step 5: "if EF′ < 1.3 then EF′ = 1.3".
    public var easinessFloor: Easiness

    /// I(1) = 1 day (step 3).
    public var firstInterval: Int

    /// I(2) = 6 days (step 3).
    public var secondInterval: Int

    /// The lowest grade that counts as a successful repetition. Step 6 restarts repetitions
    /// "if q < 3", so the default is 3 (`.hard`).
    public var successThreshold: Grade

    /// Grades below this are re-drilled later the same day. Step 7: "every item graded below 4
    /// that day is repeated again, until each scores at least 4", so the default is 4 (`.good`).
    public var redrillThreshold: Grade

    /// The interval after a failure. Docs/SM2.md: "A q < 3 sets n = 0 and schedules the card for the next
    /// day (interval 1)."
    public var failureInterval: Int

    /// The longest interval, in days. Docs/SM2.md: "36,500 days (about 100 years), so long streaks never
    /// overflow." EF keeps growing with perfect answers; only the interval is capped.
    public var maximumInterval: Int

    /// How the fractional I(n−1) · EF becomes whole days. Step 3: "rounded up to a whole day".
    public var rounding: IntervalRounding

    /// Which EF multiplies I(n−1). Docs/SM2.md: "uses the EF before this answer's update".
    public var intervalEasiness: IntervalEasiness

    /// What a failed answer does to EF. Docs/SM2.md: "Step 5 runs after every graded first answer of the
    /// day, failures included; … EF is not reset to 2.5."
    public var easinessOnFailure: EasinessOnFailure

    public init(
        initialEasiness: Easiness = .initial,
        easinessFloor: Easiness = .floor,
        firstInterval: Int = 1,
        secondInterval: Int = 6,
        successThreshold: Grade = .lowestCorrect,
        redrillThreshold: Grade = .good,
        failureInterval: Int = 1,
        maximumInterval: Int = 36_500,
        rounding: IntervalRounding = .up,
        intervalEasiness: IntervalEasiness = .beforeAnswer,
        easinessOnFailure: EasinessOnFailure = .update
    ) {
        self.initialEasiness = initialEasiness
        self.easinessFloor = easinessFloor
        self.firstInterval = firstInterval
        self.secondInterval = secondInterval
        self.successThreshold = successThreshold
        self.redrillThreshold = redrillThreshold
        self.failureInterval = failureInterval
        self.maximumInterval = maximumInterval
        self.rounding = rounding
        self.intervalEasiness = intervalEasiness
        self.easinessOnFailure = easinessOnFailure
    }

    /// SM-2 exactly as Docs/SM2.md fixes it.
    public static let standard = SchedulerOptions()
}

/// Rounding of I(n−1) · EF to whole days, done on integer hundredths (no floating point).
public enum IntervalRounding: Hashable, Sendable, CaseIterable {
    /// Ceiling: ⌈I · EF₁₀₀ / 100⌉. The spec's choice (step 3, "rounded up").
    case up
    /// Half up: 37.5 → 38, 37.49 → 37.
    case nearest
    /// Floor: ⌊I · EF₁₀₀ / 100⌋.
    case down
}

/// Which E-Factor step 3's I(n) = I(n−1) · EF uses on an answer that also updates EF.
public enum IntervalEasiness: Hashable, Sendable, CaseIterable {
    /// The EF the card had before this answer: the spec's choice (the interval is decided by the
    /// easiness the card had; the answer then adjusts EF for next time).
    case beforeAnswer
    /// The EF after this answer's step-5 update.
    case afterAnswer
}

/// What a failed first answer (below `successThreshold`) does to EF.
public enum EasinessOnFailure: Hashable, Sendable, CaseIterable {
    /// Step 5 applies as for any answer (with its floor): the spec's choice.
    case update
    /// EF stays as it was.
    case keep
    /// EF returns to `initialEasiness`, as if the item were new.
    case reset
}
