import Foundation
import SM2
import Testing

@Suite("Easiness: EF in exact hundredths")
struct EasinessTests {
    @Test func constants() {
        #expect(Easiness.initial.hundredths == 250)
        #expect(Easiness.floor.hundredths == 130)
        #expect(Easiness.initial.value == 2.5)
        #expect(Easiness.floor < Easiness.initial)
    }

    @Test(arguments: [
        (250, "2.50"), (130, "1.30"), (208, "2.08"), (5, "0.05"), (2_250, "22.50"), (0, "0.00"),
        (-14, "-0.14"), (-250, "-2.50"),
    ])
    func description(hundredths: Int, text: String) {
        #expect(Easiness(hundredths: hundredths).description == text)
    }

    /// Step 5's change, in hundredths, as Docs/SM2.md lists it: +0.10, 0, −0.14, −0.32, −0.54, −0.80.
    @Test(arguments: zip(Grade.allCases, [-80, -54, -32, -14, 0, 10]))
    func changePerGrade(grade: Grade, change: Int) {
        #expect(Easiness.change(for: grade) == change)
        // The published formula, in floating point, agrees to the hundredth.
        let miss = Double(5 - grade.rawValue)
        let published = 0.1 - miss * (0.08 + miss * 0.02)
        #expect(Int((published * 100).rounded()) == change)
    }

    @Test func updateStopsAtTheFloor() {
        #expect(Easiness(hundredths: 250).updated(after: .blackout).hundredths == 170)
        #expect(Easiness(hundredths: 170).updated(after: .blackout).hundredths == 130)
        #expect(Easiness(hundredths: 140).updated(after: .hard).hundredths == 130)
        #expect(Easiness(hundredths: 144).updated(after: .hard).hundredths == 130)
        #expect(Easiness(hundredths: 146).updated(after: .hard).hundredths == 132)
        #expect(Easiness(hundredths: 130).updated(after: .perfect).hundredths == 140)
        #expect(Easiness(hundredths: 250).updated(after: .blackout, floor: Easiness(hundredths: 200))
            .hundredths == 200)
        #expect(Easiness(hundredths: Int.max - 3).updated(after: .perfect).hundredths == Int.max)
    }

    @Test func codableAsBareHundredths() throws {
        let data = try JSONEncoder().encode([Easiness.initial])
        #expect(String(decoding: data, as: UTF8.self) == "[250]")
        #expect(try JSONDecoder().decode([Easiness].self, from: data) == [.initial])
    }
}
