import SM2
import Testing

/// Every grade from every kind of state, each expected value worked out by hand from Docs/SM2.md.
@Suite("schedule: every grade from every kind of state")
struct SchedulerTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var kind: String
        var state: CardState
        var grade: Grade
        var expected: Snapshot
        var testDescription: String { "\(kind), q=\(grade.rawValue) → \(expected)" }
    }

    /// A card due on `startDay`, last answered `interval` days before.
    static func due(_ repetitions: Int, _ interval: Int, _ easiness: Int, lapses: Int) -> CardState {
        CardState(
            repetitions: repetitions, interval: interval, easiness: Easiness(hundredths: easiness),
            due: startDay, lapses: lapses, lastReview: startDay.adding(days: -interval))
    }

    /// Kinds of state, and the expected result for q = 0, 1, 2, 3, 4, 5.
    /// EF deltas by q: −80, −54, −32, −14, 0, +10 hundredths; floor 130.
    static let table: [(String, CardState, [Snapshot])] = [
        ("new", .new, [
            Snapshot(0, 1, 170), Snapshot(0, 1, 196), Snapshot(0, 1, 218),  // never learned: no lapse
            Snapshot(1, 1, 236), Snapshot(1, 1, 250), Snapshot(1, 1, 260),
        ]),
        ("relearning (n=0 after a lapse)", due(0, 1, 218, lapses: 1), [
            Snapshot(0, 1, 138, lapses: 1), Snapshot(0, 1, 164, lapses: 1), Snapshot(0, 1, 186, lapses: 1),
            Snapshot(1, 1, 204, lapses: 1), Snapshot(1, 1, 218, lapses: 1), Snapshot(1, 1, 228, lapses: 1),
        ]),
        ("after the 1st repetition", due(1, 1, 250, lapses: 0), [
            Snapshot(0, 1, 170, lapses: 1), Snapshot(0, 1, 196, lapses: 1), Snapshot(0, 1, 218, lapses: 1),
            Snapshot(2, 6, 236), Snapshot(2, 6, 250), Snapshot(2, 6, 260),
        ]),
        ("after the 2nd repetition", due(2, 6, 250, lapses: 0), [
            Snapshot(0, 1, 170, lapses: 1), Snapshot(0, 1, 196, lapses: 1), Snapshot(0, 1, 218, lapses: 1),
            // ⌈6 · 2.50⌉ = 15 for every success: the EF before the answer multiplies.
            Snapshot(3, 15, 236), Snapshot(3, 15, 250), Snapshot(3, 15, 260),
        ]),
        ("nth repetition", due(3, 17, 236, lapses: 2), [
            Snapshot(0, 1, 156, lapses: 3), Snapshot(0, 1, 182, lapses: 3), Snapshot(0, 1, 204, lapses: 3),
            // ⌈17 · 2.36⌉ = ⌈40.12⌉ = 41
            Snapshot(4, 41, 222, lapses: 2), Snapshot(4, 41, 236, lapses: 2), Snapshot(4, 41, 246, lapses: 2),
        ]),
        ("at the EF floor", due(4, 10, 130, lapses: 5), [
            Snapshot(0, 1, 130, lapses: 6), Snapshot(0, 1, 130, lapses: 6), Snapshot(0, 1, 130, lapses: 6),
            // ⌈10 · 1.30⌉ = 13; q=3 would give 1.16 and stops at 1.30.
            Snapshot(5, 13, 130, lapses: 5), Snapshot(5, 13, 130, lapses: 5), Snapshot(5, 13, 140, lapses: 5),
        ]),
        ("at the maximum interval", due(9, 36_500, 250, lapses: 0), [
            Snapshot(0, 1, 170, lapses: 1), Snapshot(0, 1, 196, lapses: 1), Snapshot(0, 1, 218, lapses: 1),
            Snapshot(10, 36_500, 236), Snapshot(10, 36_500, 250), Snapshot(10, 36_500, 260),
        ]),
    ]

    static let rows: [Row] = table.flatMap { kind, state, expected in
        zip(Grade.allCases, expected).map { Row(kind: kind, state: state, grade: $0, expected: $1) }
    }

    @Test func tableCoversEveryGradeOfEveryKind() {
        #expect(Self.rows.count == Self.table.count * 6)
        #expect(Self.table.allSatisfy { $0.2.count == 6 })
    }

    @Test(arguments: rows)
    func firstAnswerOnTheDueDay(_ row: Row) {
        let next = schedule(row.state, row.grade, on: startDay)
        #expect(next.snapshot == row.expected)
        #expect(next.due == startDay.adding(days: row.expected.interval))
        #expect(next.lastReview == startDay)
        #expect(!next.isNew)
    }

    /// Docs/SM2.md, "Late reviews": lateness is ignored; only due and lastReview follow the answer day.
    @Test(arguments: rows)
    func lateAnswerGivesTheSameInterval(_ row: Row) {
        let late = startDay.adding(days: 10)
        let next = schedule(row.state, row.grade, on: late)
        #expect(next.snapshot == row.expected)
        #expect(next.due == late.adding(days: row.expected.interval))
        #expect(next.lastReview == late)
    }

    /// Step 7 and "Same-day re-drill": a second answer on the same day changes nothing.
    @Test(arguments: rows)
    func secondAnswerTheSameDayChangesNothing(_ row: Row) {
        let first = schedule(row.state, row.grade, on: startDay)
        for grade in Grade.allCases {
            #expect(schedule(first, grade, on: startDay) == first)
        }
    }

    /// Early review ("cram") is not an SM-2 repetition and does not change the state.
    @Test(arguments: rows.filter { !$0.state.isNew })
    func answerBeforeTheDueDayChangesNothing(_ row: Row) {
        #expect(schedule(row.state, row.grade, on: startDay.adding(days: -1)) == row.state)
    }

    @Test func newCardStartsFromTheOptionsInitialEasiness() {
        var stored = CardState.new
        stored.easiness = Easiness(hundredths: 999)
        #expect(schedule(stored, .good, on: startDay).easiness == .initial)
    }

    @Test func newState() {
        let new = CardState.new
        #expect(new.isNew)
        #expect(new.repetitions == 0 && new.interval == 0 && new.lapses == 0)
        #expect(new.easiness == .initial && new.due == nil && new.lastReview == nil)
    }
}
