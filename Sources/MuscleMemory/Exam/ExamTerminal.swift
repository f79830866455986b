import Foundation

/// What the student did at an item.
public enum ExamInput: Equatable, Sendable {
    /// An option, 0 = a.
    case choose(Int)
    case quit
    case help
    /// A mock exam's time ran out while waiting.
    case timeUp
    case unknown(String)

    /// One key: a-d or 1-4 choose, q (Ctrl-C, Ctrl-D) quits, ? helps.
    public static func key(_ key: Character) -> ExamInput {
        switch key {
        case "a", "A", "1": .choose(0)
        case "b", "B", "2": .choose(1)
        case "c", "C", "3": .choose(2)
        case "d", "D", "4": .choose(3)
        case "q", "Q", "\u{03}", "\u{04}": .quit
        case "?": .help
        default: .unknown(String(key))
        }
    }

    /// One line of a pipe: the same keys, or the words quit and help.
    public static func line(_ line: String) -> ExamInput {
        let text = line.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "quit", "exit": return .quit
        case "help": return .help
        default:
            guard text.count == 1, let first = text.first else { return .unknown(text) }
            return key(first)
        }
    }

    public static let helpText = "Choose an answer: a-d (or 1-4); q quits, ? shows this help."
}

/// What the exam shows.
public enum ExamScreen: Sendable {
    /// An item, with its place in the session and, for a mock exam, the seconds left.
    case item(ExamItem, position: Int, total: Int, kind: ExamKind, secondsLeft: Int?)
    /// After a practice answer: right or wrong, the key, the explanation.
    case feedback(ExamItem, choice: Int)
    case message(String)
    case score(ExamScore)
}

/// The only way the exam reaches the student: the CLI implements it for a raw-mode terminal and
/// for lines on a pipe; tests with a script.
public protocol ExamTerminal: AnyObject {
    func show(_ screen: ExamScreen)
    /// Waits for an answer; `.timeUp` once `deadline` (by the session's clock) passes; nil when
    /// input has ended.
    func read(deadline: Date?) -> ExamInput?
}

/// One sitting of a practice set or mock exam: records every answer before the next item is
/// shown (a killed exam loses nothing answered), gives feedback after each practice answer, and
/// ends with the score. It never reads the clock: `now` is injected.
public final class ExamSession {
    private let database: AppDatabase
    private let items: [ExamItem]
    private let kind: ExamKind
    private let minutes: Int?
    private let seed: UInt64
    private let calendar: StudyCalendar
    private let now: () -> Date
    public private(set) var sessionID: Int64?

    public init(database: AppDatabase, items: [ExamItem], kind: ExamKind, minutes: Int?, seed: UInt64, calendar: StudyCalendar, now: @escaping () -> Date) {
        self.database = database
        self.items = items
        self.kind = kind
        self.minutes = kind == .mock ? minutes : nil
        self.seed = seed
        self.calendar = calendar
        self.now = now
    }

    @discardableResult
    public func run(on terminal: ExamTerminal) throws(StoreError) -> ExamScore {
        let started = now()
        let day = calendar.day(at: started)
        let id = try database.startExamSession(kind: kind, items: items.count, minutes: minutes, seed: seed, at: started, day: day)
        sessionID = id
        let deadline = minutes.map { started.addingTimeInterval(Double($0) * 60) }
        var choices: [Int?] = []
        var end = ExamEnd.finished
        items: for (index, item) in items.enumerated() {
            func secondsLeft() -> Int? { deadline.map { max(0, Int($0.timeIntervalSince(now()).rounded(.up))) } }
            if let deadline, now() >= deadline { end = .time; break }
            terminal.show(.item(item, position: index + 1, total: items.count, kind: kind, secondsLeft: secondsLeft()))
            let shown = now()
            while true {
                guard let input = terminal.read(deadline: deadline) else { end = .quit; break items }
                switch input {
                case .choose(let choice):
                    let at = now()
                    try database.recordExamAnswer(ExamAnswerInput(
                        sessionID: id, itemID: item.id, position: index + 1, choice: choice, chosen: item.options[choice],
                        correct: choice == item.keyIndex, answerMilliseconds: Int(max(0, at.timeIntervalSince(shown)) * 1000), at: at,
                        day: calendar.day(at: at)))
                    choices.append(choice)
                    if kind == .practice { terminal.show(.feedback(item, choice: choice)) }
                    continue items
                case .quit:
                    end = .quit
                    break items
                case .timeUp:
                    end = .time
                    break items
                case .help, .unknown:
                    terminal.show(.message(ExamInput.helpText))
                }
            }
        }
        let finished = now()
        try database.finishExamSession(id, reason: end, at: finished)
        let score = ExamScore.of(kind, items: items, choices: choices, seconds: max(0, Int(finished.timeIntervalSince(started))), end: end)
        terminal.show(.score(score))
        return score
    }
}
