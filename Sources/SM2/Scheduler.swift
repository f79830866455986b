// SM-2's scheduling step as Docs/SM2.md fixes it. Free functions of the module: callers write
// `SM2.schedule(...)` or `schedule(...)`. (No type here is named `SM2`; it would shadow the module.)

/// The state after answering `grade` on `day`: SM-2 steps 3, 5 and 6 for the first answer of a day.
///
/// With the standard options (each choice below is a `SchedulerOptions` property):
/// - q ≥ 3: n becomes n + 1 and the interval I(1) = 1, I(2) = 6, then
///   I(n) = ⌈I(n−1) · EF / 100⌉ in integer hundredths, with the EF **before** this answer's update,
///   capped at 36,500 days.
/// - q < 3: n becomes 0 and the card is due tomorrow (interval 1); if it had n ≥ 1, one lapse.
/// - Then EF′ = EF + (0.1 − (5 − q)(0.08 + (5 − q) · 0.02)), floor 1.30, failures included.
/// - due = `day` + interval; lastReview = `day`.
///
/// Lateness is ignored (Docs/SM2.md, "Late reviews"): a card answered days after its due day is
/// scheduled from its scheduled interval, not the elapsed time.
///
/// Answers that SM-2 does not count return `state` unchanged, so the session engine can pass every
/// answer through here and log it:
/// - a second or later answer on the same day (a re-drill, step 7; see `isFirstAnswer(to:on:)`),
/// - an answer before the due day (Docs/SM2.md: early review "is not an SM-2 repetition and does not
///   change the state"; see `isDue(_:on:)`).
public func schedule(
    _ state: CardState, _ grade: Grade, on day: Day, options: SchedulerOptions = .standard
) -> CardState {
    guard isFirstAnswer(to: state, on: day), isDue(state, on: day) else { return state }

    // Step 2: a new card starts from the configured EF, whatever its stored value.
    let before = state.isNew ? options.initialEasiness : state.easiness
    let success = grade >= options.successThreshold
    let after: Easiness
    switch (success, options.easinessOnFailure) {
    case (true, _), (false, .update): after = before.updated(after: grade, floor: options.easinessFloor)
    case (false, .keep): after = before
    case (false, .reset): after = options.initialEasiness
    }

    var next = state
    let interval: Int
    if success {
        next.repetitions = state.repetitions < Int.max ? state.repetitions + 1 : Int.max
        switch next.repetitions {
        case ...1: interval = options.firstInterval
        case 2: interval = options.secondInterval
        default:
            let easiness = options.intervalEasiness == .beforeAnswer ? before : after
            interval = grown(state.interval, by: easiness, options: options)
        }
    } else {
        // Step 6: start again "as if newly memorised, keeping its E-Factor"; a lapse only if the
        // card had been learned (Docs/SM2.md, "Lapses").
        if state.repetitions >= 1 { next.lapses = state.lapses < Int.max ? state.lapses + 1 : Int.max }
        next.repetitions = 0
        interval = options.failureInterval
    }
    next.interval = min(max(interval, 1), max(options.maximumInterval, 1))
    next.easiness = after
    next.due = day.adding(days: next.interval)
    next.lastReview = day
    return next
}

/// I(n−1) · EF rounded as the options say, in integer arithmetic on hundredths (Docs/SM2.md,
/// "EF precision": no floating-point noise can add a day). An overflowing product is past any cap.
private func grown(_ previous: Int, by easiness: Easiness, options: SchedulerOptions) -> Int {
    let (product, overflow) = previous.multipliedReportingOverflow(by: easiness.hundredths)
    if overflow { return Int.max }
    let (quotient, remainder) = product.quotientAndRemainder(dividingBy: 100)
    switch options.rounding {
    case .up: return remainder > 0 ? quotient + 1 : quotient
    case .nearest: return remainder >= 50 ? quotient + 1 : quotient
    case .down: return quotient
    }
}

/// True if an answer of `grade` sends the card back into today's re-drill: step 7 repeats "every
/// item graded below 4 that day … until each scores at least 4". A re-drill answer of 4 or 5 only
/// clears the re-drill; re-drill answers never move the schedule (see `isFirstAnswer(to:on:)`).
public func needsRedrill(_ grade: Grade, options: SchedulerOptions = .standard) -> Bool {
    grade < options.redrillThreshold
}

/// True when an answer given on `day` is the first of that day, i.e. the one that moves the schedule.
///
/// Docs/SM2.md ("Same-day re-drill"): "Only the first answer of a card on a study day changes its state."
/// A new card's first answer is always first. A `day` before the last review (a clock set back) is
/// not a first answer either, so the schedule never moves backwards.
public func isFirstAnswer(to state: CardState, on day: Day) -> Bool {
    guard let last = state.lastReview else { return true }
    return last < day
}

/// True when the card may be reviewed as an SM-2 repetition on `day`: it is new, or its due day has
/// come. Reviewing earlier is cramming, which Docs/SM2.md says does not change the state; reviewing later
/// is fine and lateness is ignored.
public func isDue(_ state: CardState, on day: Day) -> Bool {
    guard let due = state.due else { return true }
    return due <= day
}

/// The interval, in days, that each grade would give if answered on `day`: the labels of the grade
/// keys. Computed by `schedule`, so a label never disagrees with what the key does; for an answer that
/// would not move the schedule (a re-drill or an early review) every grade shows the current interval.
public func preview(
    _ state: CardState, on day: Day, options: SchedulerOptions = .standard
) -> [Grade: Int] {
    var intervals: [Grade: Int] = [:]
    for grade in Grade.allCases {
        intervals[grade] = schedule(state, grade, on: day, options: options).interval
    }
    return intervals
}
