import SM2
import Testing

@Suite("Long horizons")
struct LongHorizonTests {
    /// 200 consecutive 5s: EF climbs to 22.50 without limit, the interval stops at 36,500 days,
    /// and nothing overflows (the due day ends about 20,000 years out).
    @Test func twoHundredPerfectAnswers() throws {
        let states = answerOnDueDays(Array(repeating: .perfect, count: 200))
        let intervals = states.map(\.interval)
        #expect(states.count == 200)
        #expect(zip(intervals, intervals.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Array(intervals.prefix(5)) == [1, 6, 17, 48, 140])
        let firstAtCap = try #require(intervals.firstIndex(of: 36_500))
        #expect(firstAtCap < 15)
        #expect(intervals[firstAtCap...].allSatisfy { $0 == 36_500 })
        #expect(intervals.max() == 36_500)
        let last = try #require(states.last)
        #expect(last.repetitions == 200)
        #expect(last.easiness.hundredths == 250 + 200 * 10)
        #expect(last.lapses == 0)
        let totalDays = intervals.reduce(0, +)
        #expect(last.due == startDay.adding(days: totalDays))
        #expect(last.lastReview == startDay.adding(days: totalDays - 36_500))
        #expect((last.due?.year ?? 0) > 20_000)
    }

    /// Stored values far beyond anything the scheduler produces still cannot overflow it.
    @Test func absurdStoredValuesAreCapped() {
        let state = CardState(
            repetitions: Int.max, interval: Int.max, easiness: Easiness(hundredths: Int.max),
            due: startDay, lapses: Int.max, lastReview: startDay.adding(days: -1))
        let passed = schedule(state, .perfect, on: startDay)
        #expect(passed.interval == 36_500)
        #expect(passed.repetitions == Int.max)
        #expect(passed.easiness.hundredths == Int.max)
        let failed = schedule(state, .blackout, on: startDay)
        #expect(failed.interval == 1)
        #expect(failed.lapses == Int.max)
    }
}
