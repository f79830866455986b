import SM2
import Testing

@Suite("Re-drill, first answers, due days, previews")
struct RedrillAndPreviewTests {
    /// Step 7: graded below 4, the card comes back the same day until it scores 4 or 5.
    @Test(arguments: zip(Grade.allCases, [true, true, true, true, false, false]))
    func redrillBelowFour(grade: Grade, redrill: Bool) {
        #expect(needsRedrill(grade) == redrill)
    }

    @Test func firstAnswerOfTheDay() {
        #expect(isFirstAnswer(to: .new, on: startDay))
        let answered = schedule(.new, .hard, on: startDay)
        #expect(!isFirstAnswer(to: answered, on: startDay))
        #expect(isFirstAnswer(to: answered, on: startDay.adding(days: 1)))
        // A clock set back is not a first answer: the schedule never moves backwards.
        #expect(!isFirstAnswer(to: answered, on: startDay.adding(days: -1)))
    }

    @Test func dueness() {
        #expect(isDue(.new, on: startDay))
        let answered = schedule(.new, .good, on: startDay)  // due tomorrow
        #expect(!isDue(answered, on: startDay))
        #expect(isDue(answered, on: startDay.adding(days: 1)))
        #expect(isDue(answered, on: startDay.adding(days: 100)))
    }

    /// A whole study day: fail, re-drill twice, pass; only the first answer counts.
    @Test func redrillLoopLeavesTheFirstAnswersSchedule() {
        let learned = answerOnDueDays(grades([4, 4]))  // n=2, I=6
        let today = learned[1].due ?? startDay
        var state = schedule(learned[1], .wrongButEasy, on: today)
        let afterFirst = state
        var drills = 0
        #expect(needsRedrill(.wrongButEasy))
        for grade in grades([1, 3, 5]) {
            state = schedule(state, grade, on: today)
            drills += 1
            if !needsRedrill(grade) { break }
        }
        #expect(drills == 3)
        #expect(state == afterFirst)
        #expect(state.snapshot == Snapshot(0, 1, 218, lapses: 1))
        #expect(state.due == today.adding(days: 1))
    }

    @Test func previewOfANewCard() {
        let expected: [Grade: Int] = [.blackout: 1, .wrongButFamiliar: 1, .wrongButEasy: 1,
                                      .hard: 1, .good: 1, .perfect: 1]
        #expect(preview(.new, on: startDay) == expected)
    }

    @Test func previewUsesTheEasinessBeforeTheAnswer() {
        let states = answerOnDueDays(grades([5, 5, 5]))  // n=3, I=17, EF 2.80
        let day = states[2].due ?? startDay
        let intervals = preview(states[2], on: day)
        #expect(intervals.count == 6)
        // ⌈17 · 2.80⌉ = ⌈47.6⌉ = 48 for every passing grade; failures are due tomorrow.
        #expect(Grade.allCases.map { intervals[$0] } == [1, 1, 1, 48, 48, 48])
        for grade in Grade.allCases {
            #expect(intervals[grade] == schedule(states[2], grade, on: day).interval)
        }
    }

    @Test func previewDuringRedrillShowsTheCurrentInterval() {
        let state = schedule(.new, .good, on: startDay)
        #expect(Set(preview(state, on: startDay).values) == [state.interval])
    }
}

@Suite("shortInterval: key labels")
struct IntervalFormatTests {
    @Test(arguments: [
        (0, "0d"), (1, "1d"), (6, "6d"), (29, "29d"),
        (30, "1.0mo"), (45, "1.5mo"), (76, "2.5mo"), (364, "12.0mo"),
        (365, "1.0y"), (438, "1.2y"), (730, "2.0y"), (36_500, "99.9y"), (36_525, "100.0y"),
    ])
    func label(days: Int, text: String) {
        #expect(shortInterval(days) == text)
    }

    @Test func hugeValuesDoNotTrap() {
        #expect(shortInterval(Int.max).hasSuffix("y"))
        #expect(shortInterval(Int.max).count > 10)
    }
}
