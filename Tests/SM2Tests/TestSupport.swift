import SM2

/// 2026-12-01, the day most tests answer on (checked in DayTests).
let startDay = Day(20_788)

/// The part of a state the worked examples of sm2.md list: (n, I, EF in hundredths, lapses).
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

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so every random test is
/// reproducible from its seed on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
