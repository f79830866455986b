import SM2
import Testing
@testable import MuscleMemory

@Suite struct StudyRendererTests {
    let card = StudyCardView(front: "Name the \u{1B}[31mnerve\u{1B}[0m supply.\u{7}", back: "Tibial nerve (S1, S2)", aspect: .innervation,
                             region: "Lower leg and foot", reason: .new, sourceFile: "x.md", sourceLine: 3)
    let header = StudyHeader(due: 3, new: 20, redrill: 1, elapsedSeconds: 125)
    let keys = Grade.allCases.map { GradeKey(grade: $0, interval: $0.isCorrect ? 6 : 1) }

    @Test func linesAreExactAndSanitized() {
        #expect(StudyRenderer.render(.front(card, header: header), width: 80, style: .plain, layout: .lines)
                == "[due 3 · new 20 · re-drill 1] innervation · Lower leg and foot (new)\nQ: Name the nerve supply.\n")
        #expect(StudyRenderer.render(.back(card, header: header, keys: keys, counts: true), width: 80, style: .plain, layout: .lines)
                == "A: Tibial nerve (S1, S2)\nGrade 0-5: 0 blackout 1d · 1 wrong, familiar 1d · 2 wrong, easy 1d · 3 hard 6d · 4 good 6d · 5 perfect 6d\n")
    }

    @Test func theScreenFitsANarrowTerminal() {
        let text = StudyRenderer.render(.back(card, header: header, keys: keys, counts: true), width: 30, style: .plain, layout: .screen)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 30, "too wide: \(line)")
        }
        #expect(text.contains("2:05"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func colourOnlyWithAColourStyle() {
        let plain = StudyRenderer.render(.answered(AnswerNote(grade: .good, kind: .review, nextDue: Day(20000), interval: 6, redrill: false)), width: 80, style: .plain, layout: .screen)
        #expect(plain == "→ 4 good: next review in 6d (2024-10-04)\n")
        let coloured = StudyRenderer.render(.answered(AnswerNote(grade: .good, kind: .review, nextDue: Day(20000), interval: 6, redrill: false)), width: 80, style: TextStyle(colors: true), layout: .screen)
        #expect(coloured.contains("\u{1B}[32m"))
    }

    @Test func summaryWording() {
        let summary = SessionSummary(answers: 12, cards: 10, counted: 10, correct: 8, seconds: 754, dueTomorrow: 14, streak: 3,
                                     left: StudyHeader(due: 1, new: 0, redrill: 0, elapsedSeconds: 0), mode: .study)
        #expect(StudyRenderer.render(.summary(summary), width: 80, style: .plain, layout: .lines) == """
            Session over: 12 answers on 10 cards; 8 of 10 first answers correct (80%); time 12:34.
            Left for today: 1 due, 0 new, 0 re-drill.
            Tomorrow: 14 cards due. Study streak: 3 days.

            """)
    }
}
