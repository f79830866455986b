import SM2

/// What the student did at the prompt.
public enum StudyInput: Equatable, Sendable {
    case reveal
    case grade(Grade)
    case undo
    case edit
    case skip
    case quit
    /// A key or line the session does not know; it answers with a hint.
    case unknown(String)
}

/// What the student is being asked for, so a terminal can accept only the keys that make sense
/// (and a line-mode reader can explain what it expects).
public enum StudyPrompt: Equatable, Sendable {
    case reveal
    case grade
}

/// The only way the session engine reaches the student: it hands over screens and asks for input.
/// The CLI implements it for a raw-mode terminal and for plain lines on a pipe; tests implement it
/// with a script and a recorder.
public protocol StudyTerminal: AnyObject {
    /// Shows a screen (a card's front, its back with the grade keys, a message, the summary).
    func show(_ screen: StudyScreen)
    /// Waits for the student; nil when input has ended (end of a pipe, a closed terminal).
    func read(_ prompt: StudyPrompt) -> StudyInput?
}
