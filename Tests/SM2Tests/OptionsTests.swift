import SM2
import Testing

/// Each open choice of Docs/SM2.md is a named option; the standard value is the spec's, and every other
/// value does what its name says.
@Suite("SchedulerOptions")
struct OptionsTests {
    @Test func standardIsTheSpec() {
        let standard = SchedulerOptions.standard
        #expect(standard.initialEasiness.hundredths == 250)
        #expect(standard.easinessFloor.hundredths == 130)
        #expect(standard.firstInterval == 1)
        #expect(standard.secondInterval == 6)
        #expect(standard.successThreshold == .hard)
        #expect(standard.redrillThreshold == .good)
        #expect(standard.failureInterval == 1)
        #expect(standard.maximumInterval == 36_500)
        #expect(standard.rounding == .up)
        #expect(standard.intervalEasiness == .beforeAnswer)
        #expect(standard.easinessOnFailure == .update)
        #expect(standard == SchedulerOptions())
    }

    /// 4,4,4,4 ends on 15 · 2.5 = 37.5; 3,3,3 ends on 6 · 2.22 = 13.32.
    @Test(arguments: [(IntervalRounding.up, 38, 14), (.nearest, 38, 13), (.down, 37, 13)])
    func rounding(_ rounding: IntervalRounding, fours: Int, threes: Int) {
        let options = SchedulerOptions(rounding: rounding)
        #expect(answerOnDueDays(grades([4, 4, 4, 4]), options: options).last?.interval == fours)
        #expect(answerOnDueDays(grades([3, 3, 3]), options: options).last?.interval == threes)
    }

    /// 5,5,5,5: the fourth answer multiplies 17 by 2.80 (before) → 48, or by 2.90 (after) → 50.
    @Test(arguments: [(IntervalEasiness.beforeAnswer, 48), (.afterAnswer, 50)])
    func whichEasinessMultiplies(_ choice: IntervalEasiness, interval: Int) {
        let states = answerOnDueDays(grades([5, 5, 5, 5]), options: SchedulerOptions(intervalEasiness: choice))
        #expect(states.map(\.interval) == [1, 6, 17, interval])
        #expect(states.last?.easiness.hundredths == 290)
    }

    /// 3,3,0: EF 2.22 before the failure.
    @Test(arguments: [(EasinessOnFailure.update, 142), (.keep, 222), (.reset, 250)])
    func easinessOnFailure(_ choice: EasinessOnFailure, easiness: Int) {
        let states = answerOnDueDays(grades([3, 3, 0]), options: SchedulerOptions(easinessOnFailure: choice))
        #expect(states.last?.snapshot == Snapshot(0, 1, easiness, lapses: 1))
    }

    @Test func thresholds() {
        let strict = SchedulerOptions(successThreshold: .good, redrillThreshold: .hard)
        #expect(schedule(.new, .hard, on: startDay, options: strict).repetitions == 0)
        #expect(schedule(.new, .good, on: startDay, options: strict).repetitions == 1)
        #expect(!needsRedrill(.hard, options: strict))
        #expect(needsRedrill(.wrongButEasy, options: strict))
    }

    @Test func intervalsAndCap() {
        let options = SchedulerOptions(
            initialEasiness: Easiness(hundredths: 300), firstInterval: 2, secondInterval: 5,
            failureInterval: 3, maximumInterval: 20)
        let states = answerOnDueDays(grades([4, 4, 4, 4, 1]), options: options)
        // 2, 5, ⌈5 · 3.0⌉ = 15, ⌈15 · 3.0⌉ = 45 capped at 20, then the failure interval.
        #expect(states.map(\.interval) == [2, 5, 15, 20, 3])
        #expect(states.first?.easiness.hundredths == 300)
    }

    /// Nonsense settings still give intervals of at least one day.
    @Test func degenerateSettingsKeepIntervalsPositive() {
        let options = SchedulerOptions(
            easinessFloor: Easiness(hundredths: 0), firstInterval: 0, secondInterval: -5,
            failureInterval: 0, maximumInterval: 0)
        for state in answerOnDueDays(grades([5, 5, 5, 0, 3, 3, 3]), options: options) {
            #expect(state.interval == 1)
            #expect(state.due == state.lastReview?.adding(days: 1))
        }
    }
}
