import Foundation
import SM2
import Testing

@Suite("Grade: q = 0…5")
struct GradeTests {
    @Test func rawValuesAreQ() {
        #expect(Grade.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
        #expect(Grade.allCases.map { Grade($0.rawValue) } == Grade.allCases)
        #expect(Grade(-1) == nil)
        #expect(Grade(6) == nil)
        #expect(Grade.allCases.sorted() == Grade.allCases)
        #expect(Grade.blackout < .perfect)
    }

    @Test func labels() {
        #expect(Grade.allCases.map(\.label) ==
            ["blackout", "wrong, familiar", "wrong, easy", "hard", "good", "perfect"])
    }

    /// The wording of Docs/SM2.md, step 4.
    @Test func meaningsAreTheSpecsSentences() {
        #expect(Grade.perfect.meaning == "perfect")
        #expect(Grade.good.meaning == "correct after hesitation")
        #expect(Grade.hard.meaning == "correct with serious difficulty")
        #expect(Grade.wrongButEasy.meaning == "wrong, but the right answer seemed easy once seen")
        #expect(Grade.wrongButFamiliar.meaning == "wrong, the right answer remembered once seen")
        #expect(Grade.blackout.meaning == "complete blackout")
    }

    @Test func correctMeansThreeOrMore() {
        #expect(Grade.allCases.filter(\.isCorrect) == [.hard, .good, .perfect])
    }

    @Test func codableAsQ() throws {
        let data = try JSONEncoder().encode([Grade.hard])
        #expect(String(decoding: data, as: UTF8.self) == "[3]")
        #expect(try JSONDecoder().decode([Grade].self, from: data) == [.hard])
    }
}
