import Foundation
import SM2

/// What the student did at the prompt.
public enum StudyInput: Equatable, Sendable {
    case reveal
    case grade(Grade)
    /// One of a prompt's options, by index (0 is "a").
    case choose(Int)
    /// A typed answer.
    case typed(String)
    case undo
    case edit
    case skip
    case quit
    /// `?`: every key this prompt takes, with its meaning.
    case help
    /// A key or line the prompt does not take; the session answers with the prompt's help.
    case unknown(String)
}

/// What the student is being asked for: the answers this prompt takes (show the answer, a grade
/// 0–5, one of the options a, b, c…, a typed line), besides the commands every prompt takes (undo,
/// skip, the card's source, quit). Both terminals read input in terms of it, through
/// `input(forKey:)` and `input(forLine:)`, so a key means the same on a raw terminal and on a pipe,
/// and a key the prompt does not take never passes for one it does. Multiple-choice and typed
/// answers plug into the session loop as prompts of their own.
public struct StudyPrompt: Equatable, Sendable {
    /// Space or Enter (an empty line) shows the answer.
    public var reveal: Bool
    /// 0–5 grade recall.
    public var grades: Bool
    /// How many options there are to choose from, labelled a, b, c…; 0 for none.
    public var options: Int
    /// A line of text is the answer (commands are then written `:u`, `:s`, `:e`, `:q`).
    public var typing: Bool
    /// A yes-or-no question (drill the misses again?): `y` or `d` is yes (`.choose(0)`), any other
    /// key or line is no (`.quit`).
    public var confirm: Bool = false
    /// The grade a typed answer proposes: space or Enter (an empty line) gives it.
    public var proposed: Grade? = nil

    public init(reveal: Bool = false, grades: Bool = false, options: Int = 0, typing: Bool = false) {
        self.reveal = reveal
        self.grades = grades
        self.options = max(0, min(options, Self.letters.count))
        self.typing = typing
    }

    /// A card's front: show the answer, or grade straight away (the student knows it).
    public static let front = StudyPrompt(reveal: true, grades: true)
    /// A card's back: grade recall.
    public static let back = StudyPrompt(grades: true)
    /// A question with `count` options (at most four: a–d).
    public static func choice(of count: Int) -> StudyPrompt { StudyPrompt(options: count) }
    /// A question answered by typing.
    public static let typed = StudyPrompt(typing: true)
    /// The back of a typed card: Enter accepts the proposed grade, a digit gives another.
    public static func proposing(_ grade: Grade) -> StudyPrompt {
        var prompt = StudyPrompt(grades: true)
        prompt.proposed = grade
        return prompt
    }
    /// The offer at the end of a session: drill today's misses again now?
    public static let drillOffer: StudyPrompt = {
        var prompt = StudyPrompt()
        prompt.confirm = true
        return prompt
    }()

    static let letters: [Character] = ["a", "b", "c", "d"]

    /// One key pressed on a raw terminal (Ctrl-C and Ctrl-D quit).
    public func input(forKey key: Character) -> StudyInput {
        if confirm { return "yYdD".contains(key) ? .choose(0) : .quit }
        switch key {
        case " ", "\r", "\n":
            if let proposed { return .grade(proposed) }
            return reveal ? .reveal : .unknown(String(key))
        case "0"..."5" where grades:
            return key.wholeNumberValue.flatMap { Grade($0) }.map(StudyInput.grade) ?? .unknown(String(key))
        case "u", "U": return .undo
        case "e", "E": return .edit
        case "s", "S": return .skip
        case "q", "Q", "\u{03}", "\u{04}": return .quit
        case "?": return .help
        default:
            if let option = option(key) { return .choose(option) }
            return .unknown(String(key))
        }
    }

    /// One line of a pipe: an empty line reveals, a digit grades, a letter chooses, words name the
    /// commands; at a typing prompt the line is the answer, unless it is a `:` command.
    public func input(forLine line: String) -> StudyInput {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if confirm { return ["y", "yes", "d", "drill"].contains(trimmed.lowercased()) ? .choose(0) : .quit }
        if typing {
            let command = trimmed.hasPrefix(":") ? Self.command(String(trimmed.dropFirst()).lowercased()) : nil
            return command ?? .typed(trimmed)
        }
        let text = trimmed.lowercased()
        if text.isEmpty, let proposed { return .grade(proposed) }
        if text.isEmpty { return reveal ? .reveal : .unknown(text) }
        // `:u` as at a typing prompt, so a script need not know which cards are typed.
        if let command = Self.command(text.hasPrefix(":") ? String(text.dropFirst()) : text) { return command }
        if grades, let value = Int(text), let grade = Grade(value) { return .grade(grade) }
        if text.count == 1, let key = text.first, let option = option(key) { return .choose(option) }
        return .unknown(text)
    }

    private static func command(_ word: String) -> StudyInput? {
        switch word {
        case "u", "undo": .undo
        case "e", "edit", "source": .edit
        case "s", "skip": .skip
        case "q", "quit", "exit": .quit
        case "?", "help": .help
        default: nil
        }
    }

    private func option(_ key: Character) -> Int? {
        guard let index = Self.letters.firstIndex(of: Character(key.lowercased())), index < options else { return nil }
        return index
    }

    /// One key of the legend under a card: the key, what it does, and a shorter word for narrow
    /// terminals. The legend is shortened, then wrapped, but no key is ever left out.
    public struct KeyItem: Equatable, Sendable {
        public var key: String
        public var meaning: String
        public var short: String
        public var text: String { "\(key) \(meaning)" }
        public var shortText: String { "\(key) \(short)" }
    }

    /// The keys this prompt takes, in the legend's order.
    public var keyItems: [KeyItem] {
        var keys: [KeyItem] = []
        if reveal { keys.append(KeyItem(key: "space", meaning: "show answer", short: "answer")) }
        if let proposed { keys.append(KeyItem(key: "Enter", meaning: "accept \(proposed.rawValue)", short: "ok \(proposed.rawValue)")) }
        if grades { keys.append(KeyItem(key: "0-5", meaning: "grade", short: "grade")) }
        if options > 0 { keys.append(KeyItem(key: "a-\(Self.letters[options - 1])", meaning: "choose", short: "pick")) }
        if typing { keys.append(KeyItem(key: "type the answer,", meaning: "Enter", short: "Enter")) }
        let prefix = typing ? ":" : ""
        keys += [KeyItem(key: "\(prefix)u", meaning: "undo", short: "undo"), KeyItem(key: "\(prefix)s", meaning: "skip", short: "skip"),
                 KeyItem(key: "\(prefix)e", meaning: "source", short: "src"), KeyItem(key: "\(prefix)q", meaning: "quit", short: "quit"),
                 KeyItem(key: "\(prefix)?", meaning: "help", short: "help")]
        return keys
    }

    /// The keys under a card on a terminal.
    public var keyHint: String {
        keyItems.map(\.text).joined(separator: " · ")
    }

    /// The grade keys with their meanings: "0 blackout · 1 wrong, familiar · … · 5 perfect".
    public static var gradeKeys: String {
        Grade.allCases.map { "\($0.rawValue) \($0.label)" }.joined(separator: " · ")
    }

    /// What the session says when the student pressed something this prompt does not take: what
    /// it does take, the grade keys spelled out.
    public var help: String {
        let rest = typing ? ":u undoes, :s skips, :e shows the source, :q quits, :? lists every key." : "u undoes, s skips, e shows the source, q quits, ? lists every key."
        if reveal { return "Space or Enter shows the answer, or grade now: \(Self.gradeKeys); \(rest)" }
        if let proposed { return "Enter accepts the proposed grade \(proposed.rawValue), or grade your recall: \(Self.gradeKeys); \(rest)" }
        if grades { return "Grade your recall: \(Self.gradeKeys); \(rest)" }
        if options > 0 { return "Choose an answer, a to \(Self.letters[options - 1]); \(rest)" }
        return "Type the answer and press Enter; \(rest)"
    }

    /// `?`: every key this prompt takes, one a line, with its meaning in full.
    public var keyList: String {
        var lines = ["Keys:"]
        func add(_ key: String, _ meaning: String) { lines.append("  " + key.padding(toLength: 8, withPad: " ", startingAt: 0) + meaning) }
        let prefix = typing ? ":" : ""
        if reveal { add("space", "show the answer (Enter too)") }
        if let proposed { add("Enter", "accept the proposed grade, \(proposed.rawValue) \(proposed.label) (space too)") }
        if grades {
            for grade in Grade.allCases { add("\(grade.rawValue)", "grade: \(grade.meaning)") }
        }
        if options > 0 { add("a-\(Self.letters[options - 1])", "choose that answer") }
        if typing { add("Enter", "check the typed answer (an empty line shows the answer)") }
        add(prefix + "u", "undo the last answer")
        add(prefix + "s", "skip this card until tomorrow")
        add(prefix + "e", "show the card's source file and line")
        add(prefix + "q", "end the session (Ctrl-C too)")
        add(prefix + "?", "this list")
        return lines.joined(separator: "\n")
    }
}

/// The only way the session engine reaches the student: it hands over screens and asks for input.
/// The CLI implements it for a raw-mode terminal and for plain lines on a pipe; tests implement it
/// with a script and a recorder.
public protocol StudyTerminal: AnyObject {
    /// Shows a screen (a card's front, its back with the grade keys, a message, the summary).
    func show(_ screen: StudyScreen)
    /// Waits for the student's answer to `prompt`; nil when input has ended (end of a pipe, a
    /// closed terminal).
    func read(_ prompt: StudyPrompt) -> StudyInput?
}
