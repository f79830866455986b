import SM2

/// 2026-12-01, the day most tests answer on (checked in DayTests).
let startDay = Day(20_788)

/// The part of a state the worked examples of Docs/SM2.md list: (n, I, EF in hundredths, lapses).
struct Snapshot: Equatable, Sendable, CustomStringConvertible {
    var repetitions: Int
    var interval: Int
    var easiness: Int
    var lapses: Int

    init(_ repetitions: Int, _ interval: Int, _ easiness: Int, lapses: Int = 0) {
        self.repetitions = repetitions
        self.interval = interval
        self.easiness = easiness
        self.lapses = lapses
    }

    var description: String {
        "(n=\(repetitions), I=\(interval), EF \(Easiness(hundredths: easiness)), lapses \(lapses))"
    }
}

extension CardState {
    var snapshot: Snapshot {
        Snapshot(repetitions, interval, easiness.hundredths, lapses: lapses)
    }
}

/// Grades from q values; a test typo (q outside 0…5) shows up as a missing grade and a failed count.
func grades(_ values: [Int]) -> [Grade] {
    values.compactMap { Grade($0) }
}

/// Answers each grade on the day the card falls due (a new card on `start`), the way a student who
/// studies every day meets the card; returns the state after each answer.
func answerOnDueDays(
    _ grades: [Grade], from start: Day = startDay, options: SchedulerOptions = .standard
) -> [CardState] {
    var state = CardState.new
    var states: [CardState] = []
    for grade in grades {
        state = schedule(state, grade, on: state.due ?? start, options: options)
        states.append(state)
    }
    return states
}
