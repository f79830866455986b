@testable import MuscleMemory
import SM2

/// A terminal that plays a script of inputs and records every screen: the session engine's tests
/// drive whole sessions through it, with no real terminal.
final class ScriptedTerminal: StudyTerminal {
    var inputs: [StudyInput]
    private(set) var screens: [StudyScreen] = []
    /// What each read asked for, in order.
    private(set) var prompts: [StudyPrompt] = []
    /// Called before each read, with the screens so far (to kill or inspect mid-session).
    var beforeRead: (() -> Void)?

    init(_ inputs: [StudyInput]) {
        self.inputs = inputs
    }

    func show(_ screen: StudyScreen) { screens.append(screen) }

    func read(_ prompt: StudyPrompt) -> StudyInput? {
        prompts.append(prompt)
        beforeRead?()
        return inputs.isEmpty ? nil : inputs.removeFirst()
    }

    /// The fronts shown, in order.
    var fronts: [String] {
        screens.compactMap { if case .front(let card, _) = $0 { return card.front } else { return nil } }
    }

    var notes: [AnswerNote] {
        screens.compactMap { if case .answered(let note) = $0 { return note } else { return nil } }
    }

    var messages: [String] {
        screens.compactMap { if case .message(let text) = $0 { return text } else { return nil } }
    }

    var summary: SessionSummary? {
        screens.compactMap { if case .summary(let s) = $0 { return s } else { return nil } }.last
    }
}

/// "g4" → grade 4 after revealing: a reveal and a grade.
func answers(_ grades: Int...) -> [StudyInput] {
    grades.flatMap { [StudyInput.reveal, .grade(Grade($0) ?? .blackout)] }
}
