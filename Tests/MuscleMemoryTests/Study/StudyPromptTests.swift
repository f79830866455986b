import SM2
import Testing
@testable import MuscleMemory

/// A prompt says what it takes, and both terminals read keys and lines through it: a key the
/// prompt does not take never passes for one it does.
@Suite struct StudyPromptTests {
    @Test func theFrontTakesShowTheAnswerOrAGrade() {
        let front = StudyPrompt.front
        #expect(front.input(forKey: " ") == .reveal && front.input(forKey: "\r") == .reveal)
        #expect(front.input(forKey: "4") == .grade(.good) && front.input(forKey: "6") == .unknown("6"))
        #expect(front.input(forLine: "") == .reveal && front.input(forLine: " 5 ") == .grade(.perfect))
        #expect(front.input(forKey: "a") == .unknown("a") && front.input(forLine: "b") == .unknown("b"))
    }

    @Test func theBackTakesAGradeOnly() {
        let back = StudyPrompt.back
        #expect(back.input(forKey: " ") == .unknown(" ") && back.input(forLine: "") == .unknown(""))
        #expect(back.input(forKey: "0") == .grade(.blackout) && back.input(forLine: "3") == .grade(.hard))
    }

    @Test(arguments: [StudyPrompt.front, .back, .choice(of: 4), .typed])
    func everyPromptTakesTheCommands(_ prompt: StudyPrompt) {
        if prompt.typing {
            #expect([":u", ":e", ":s", ":q"].map(prompt.input(forLine:)) == [.undo, .edit, .skip, .quit])
        } else {
            #expect(["u", "E", "s", "Q", "\u{03}", "\u{04}"].map { prompt.input(forKey: Character($0)) } == [.undo, .edit, .skip, .quit, .quit, .quit])
            #expect(["undo", "source", "skip", "exit"].map(prompt.input(forLine:)) == [.undo, .edit, .skip, .quit])
        }
    }

    /// Multiple choice (exam practice) and typed answers: the prompts the session will ask.
    @Test func optionsAreLettersAndATypedAnswerIsTheLine() {
        let choice = StudyPrompt.choice(of: 3)
        #expect(choice.input(forKey: "a") == .choose(0) && choice.input(forKey: "C") == .choose(2) && choice.input(forLine: "b") == .choose(1))
        #expect(choice.input(forKey: "d") == .unknown("d") && choice.input(forKey: "4") == .unknown("4") && choice.input(forKey: " ") == .unknown(" "))
        #expect(StudyPrompt.choice(of: 9).options == 4)
        let typed = StudyPrompt.typed
        #expect(typed.input(forLine: "  Tibial nerve ") == .typed("Tibial nerve") && typed.input(forLine: "q") == .typed("q"))
    }

    /// The keys under a card, and the help when something else was pressed, as they always read.
    @Test func hintsAndHelp() {
        #expect(StudyPrompt.front.keyHint == "space show answer · 0-5 grade · u undo · s skip · e source · q quit · ? help")
        #expect(StudyPrompt.back.keyHint == "0-5 grade · u undo · s skip · e source · q quit · ? help")
        #expect(StudyPrompt.choice(of: 4).keyHint == "a-d choose · u undo · s skip · e source · q quit · ? help")
        #expect(StudyPrompt.typed.keyHint == "type the answer, Enter · :u undo · :s skip · :e source · :q quit · :? help")
        #expect(StudyPrompt.front.help == "Space or Enter shows the answer, or grade now: 0 blackout · 1 wrong, familiar · 2 wrong, easy · 3 hard · 4 good · 5 perfect; u undoes, s skips, e shows the source, q quits, ? lists every key.")
        #expect(StudyPrompt.back.help == "Grade your recall: 0 blackout · 1 wrong, familiar · 2 wrong, easy · 3 hard · 4 good · 5 perfect; u undoes, s skips, e shows the source, q quits, ? lists every key.")
    }
}
