import SM2
import Testing

/// The worked examples of Docs/SM2.md, reproduced exactly, answering each on the day the card is due.
@Suite("Docs/SM2.md worked examples")
struct WorkedExampleTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var q: [Int]
        var states: [Snapshot]
        var testDescription: String { q.map(String.init).joined(separator: ",") }
    }

    static let examples: [Example] = [
        // (n=1, I=1, EF 2.60) → (n=2, I=6, EF 2.70) → (n=3, I=ceil(6·2.70)=17, EF 2.80)
        Example(q: [5, 5, 5], states: [Snapshot(1, 1, 260), Snapshot(2, 6, 270), Snapshot(3, 17, 280)]),
        // (1, 1, 2.50) → (2, 6, 2.50) → (3, 15, 2.50) → (4, 38, 2.50)
        Example(q: [4, 4, 4, 4], states: [
            Snapshot(1, 1, 250), Snapshot(2, 6, 250), Snapshot(3, 15, 250), Snapshot(4, 38, 250),
        ]),
        // (1, 1, 2.36) → (2, 6, 2.22) → (3, ceil(6·2.22)=14, 2.08)
        Example(q: [3, 3, 3], states: [Snapshot(1, 1, 236), Snapshot(2, 6, 222), Snapshot(3, 14, 208)]),
        // (1, 1, 2.50) → (2, 6, 2.50) → (0, 1, 2.18, lapses 1) → (1, 1, 2.18)
        Example(q: [4, 4, 2, 4], states: [
            Snapshot(1, 1, 250), Snapshot(2, 6, 250), Snapshot(0, 1, 218, lapses: 1),
            Snapshot(1, 1, 218, lapses: 1),
        ]),
        // "grades 5,0,5,5,5 give 13 days instead of 12" with a Double EF: exact hundredths give
        // 2.60 → 1.80 → 1.90 → 2.00, and ⌈6 · 2.00⌉ = 12.
        Example(q: [5, 0, 5, 5, 5], states: [
            Snapshot(1, 1, 260), Snapshot(0, 1, 180, lapses: 1), Snapshot(1, 1, 190, lapses: 1),
            Snapshot(2, 6, 200, lapses: 1), Snapshot(3, 12, 210, lapses: 1),
        ]),
        // 0 ×10: EF 2.50 → 1.70 → 1.30 and stays at the floor; n = 0, I = 1; no lapses.
        Example(q: Array(repeating: 0, count: 10),
                states: [Snapshot(0, 1, 170), Snapshot(0, 1, 130)]
                    + Array(repeating: Snapshot(0, 1, 130), count: 8)),
    ]

    @Test(arguments: examples)
    func reproduced(_ example: Example) {
        let states = answerOnDueDays(grades(example.q))
        #expect(states.map(\.snapshot) == example.states)
    }

    @Test func dueDaysFollowTheIntervals() {
        let states = answerOnDueDays(grades([5, 5, 5]))
        #expect(states.map { $0.due?.description } == ["2026-12-02", "2026-12-08", "2026-12-25"])
        #expect(states.map { $0.lastReview?.description } == ["2026-12-01", "2026-12-02", "2026-12-08"])
    }

    /// The floating-point trap Docs/SM2.md warns about is real on this platform: step 5 applied in
    /// `Double` for 5, 0, 5, 5 lands just above 2.0, so a Double-based ceiling gives 13 days.
    @Test func doubleEasinessWouldHaveAddedADay() {
        var doubleEF = 2.5
        for q in [5, 0, 5, 5] {
            let miss = Double(5 - q)
            doubleEF = max(1.3, doubleEF + (0.1 - miss * (0.08 + miss * 0.02)))
        }
        #expect(doubleEF != 2.0)
        #expect((6 * doubleEF).rounded(.up) == 13)
        #expect(answerOnDueDays(grades([5, 0, 5, 5, 5])).last?.interval == 12)
    }
}
